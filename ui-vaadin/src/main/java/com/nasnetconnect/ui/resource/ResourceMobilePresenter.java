package com.nasnetconnect.ui.resource;

import com.nasnetconnect.ui.resource.ResourceKindController.Row;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** The list as cards, one column: the resource in words as the title, its telling fields, sync state, actions. */
final class ResourceMobilePresenter implements ResourcePresenter {
    private final Div cards = new Div();
    private final Actions actions;

    ResourceMobilePresenter(Actions actions) {
        this.actions = actions;
        cards.setId("resource-cards");
        cards.setWidthFull();
        cards.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)");
    }

    @Override
    public Component component() {
        return cards;
    }

    @Override
    public void show(ResourceKindController.State state) {
        cards.removeAll();
        if (state.rows().isEmpty()) {
            Paragraph none = new Paragraph("None yet.");
            none.addClassName("resource-none");
            cards.add(none);
        }
        for (Row r : state.rows()) cards.add(card(state, r));
    }

    private Div card(ResourceKindController.State state, Row r) {
        Div card = new Div();
        card.addClassName("resource-card");
        card.getElement().setAttribute("data-uuid", r.uuid());
        card.getStyle().set("border", "1px solid var(--lumo-contrast-20pct)").set("border-radius", "var(--lumo-border-radius-l)")
                .set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("box-sizing", "border-box")
                .set("overflow-wrap", "anywhere").set("cursor", "pointer");
        H3 title = new H3(r.title());
        title.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-l)");
        card.add(title, ResourceDesktopPresenter.sync(r));
        for (int i = 0; i < state.columns().size(); i++) {
            String value = r.cells().get(i);
            if (value.isEmpty()) continue;
            Div line = new Div();
            line.setText(ResourceForm.words(state.columns().get(i).name()) + ": " + value);
            line.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            card.add(line);
        }
        card.addClickListener(e -> actions.open().accept(r.uuid()));
        if (state.canChange()) {
            Button edit = new Button("Edit", e -> actions.edit().accept(r.uuid()));
            edit.addClassName("resource-edit");
            Button delete = new Button("Delete", e -> actions.delete().accept(r.uuid()));
            delete.addClassName("resource-delete");
            delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
            for (Button b : new Button[] {edit, delete}) {
                b.setMinWidth("44px");
                b.setHeight("44px");
                b.getElement().executeJs("this.addEventListener('click', e => e.stopPropagation())");
            }
            HorizontalLayout row = new HorizontalLayout(edit, delete);
            row.getStyle().set("margin-top", "var(--lumo-space-s)");
            card.add(row);
        }
        return card;
    }
}

package com.nasnetconnect.ui.resource;

import com.nasnetconnect.domain.schema.FormField;
import com.nasnetconnect.ui.resource.ResourceKindController.Row;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.List;

/** The list as a grid: the resource in words, the kind's telling fields, its sync state, Edit and Delete. */
final class ResourceDesktopPresenter implements ResourcePresenter {
    private final Grid<Row> grid = new Grid<>();
    private final Actions actions;
    private List<FormField> columns = List.of();
    private boolean canChange;

    ResourceDesktopPresenter(Actions actions) {
        this.actions = actions;
        grid.setId("resource-grid");
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addItemClickListener(e -> {
            if (e.getItem() != null) actions.open().accept(e.getItem().uuid());
        });
    }

    @Override
    public Component component() {
        return grid;
    }

    @Override
    public void show(ResourceKindController.State state) {
        if (!state.columns().equals(columns) || state.canChange() != canChange) {
            columns = state.columns();
            canChange = state.canChange();
            grid.removeAllColumns();
            grid.addColumn(Row::title).setHeader("Resource").setAutoWidth(true).setFlexGrow(1);
            for (int i = 0; i < columns.size(); i++) {
                int at = i;
                grid.addColumn(r -> r.cells().get(at)).setHeader(ResourceForm.words(columns.get(i).name())).setAutoWidth(true);
            }
            grid.addComponentColumn(ResourceDesktopPresenter::sync).setHeader("State").setAutoWidth(true);
            if (canChange) grid.addComponentColumn(this::buttons).setHeader("").setAutoWidth(true).setFlexGrow(0);
        }
        grid.setItems(state.rows());
    }

    static Span sync(Row r) {
        Span s = new Span(r.syncText());
        s.getElement().getThemeList().add("badge pill " + switch (r.sync()) {
            case DEPLOYED -> "success";
            case DRIFT, INVALID -> "error";
            case PENDING -> "contrast";
        });
        s.addClassName("resource-sync");
        s.getElement().setAttribute("data-sync", r.sync().name().toLowerCase(java.util.Locale.ROOT));
        return s;
    }

    private Component buttons(Row r) {
        Button edit = new Button("Edit", e -> actions.edit().accept(r.uuid()));
        edit.addClassName("resource-edit");
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button delete = new Button("Delete", e -> actions.delete().accept(r.uuid()));
        delete.addClassName("resource-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        HorizontalLayout both = new HorizontalLayout(edit, delete);
        both.setSpacing(false);
        // a click on a button is not a click on the row (which opens the drawer)
        both.getElement().executeJs("this.addEventListener('click', e => e.stopPropagation())");
        return both;
    }
}

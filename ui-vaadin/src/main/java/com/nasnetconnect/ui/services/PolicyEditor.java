package com.nasnetconnect.ui.services;

import com.nasnetconnect.domain.factory.PolicyMatch;
import com.nasnetconnect.ui.services.ServicesController.InstanceRow;
import com.nasnetconnect.ui.services.ServicesController.MatchChoice;
import com.nasnetconnect.ui.services.ServicesController.PolicyRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Objects;

/**
 * "Route this network / device / domain through …": choose what (a network, a subnet, a device by IP or MAC, a
 * domain), its value and the service; below, the router's policies, each with "Remove". Fires the controller's
 * intents and marks what it refused on the field it names ({@code match}, {@code instanceId}); decides nothing.
 */
final class PolicyEditor extends Div {
    /** What the editor asks the controller to do. */
    interface Intents {
        boolean route(PolicyMatch.Kind kind, String value, String instanceId);

        void remove(String policyId);
    }

    private final Select<MatchChoice> kind = new Select<>();
    private final TextField value = new TextField("Which");
    private final Select<InstanceRow> through = new Select<>();
    private final Button route = new Button("Route");
    private final HorizontalLayout form;
    private final Paragraph note = new Paragraph();
    private final Div list = new Div();
    private final Intents intents;
    private boolean phone;
    private List<String> offered = List.of();

    PolicyEditor(Intents intents) {
        this.intents = Objects.requireNonNull(intents, "intents");
        setId("policy-editor");
        addClassName("policy-editor");
        kind.setId("policy-match-kind");
        kind.setLabel("Route");
        kind.setItems(ServicesController.MATCHES);
        kind.setItemLabelGenerator(MatchChoice::label);
        kind.setValue(ServicesController.MATCHES.getFirst());
        kind.addValueChangeListener(e -> value.setPlaceholder(e.getValue() == null ? "" : e.getValue().placeholder()));
        value.setId("policy-match-value");
        value.setPlaceholder(ServicesController.MATCHES.getFirst().placeholder());
        through.setId("policy-instance");
        through.setLabel("through");
        through.setItemLabelGenerator(InstanceRow::interfaceName);
        through.setEmptySelectionAllowed(false);
        route.setId("policy-add");
        route.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        route.addClickListener(e -> {
            InstanceRow target = through.getValue();
            if (intents.route(kind.getValue() == null ? null : kind.getValue().kind(), value.getValue(),
                    target == null ? null : target.id())) {
                value.clear();
            }
        });
        form = new HorizontalLayout(kind, value, through, route);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);
        form.addClassName("policy-form");
        note.setId("policy-note");
        note.addClassName("nnc-card-facts");
        list.setId("policies-list");
        list.addClassName("policies-list");
        add(new H3("Routing"), new Paragraph("Route a network, a device or a domain through a service; moving it to another service is one change."),
                note, form, list);
    }

    void setPhone(boolean phone) {
        this.phone = phone;
        if (phone) route.addThemeVariants(ButtonVariant.LUMO_LARGE);
        else route.removeThemeVariants(ButtonVariant.LUMO_LARGE);
        for (Component c : List.of(kind, value, through)) {
            c.getElement().getStyle().set("width", phone ? "100%" : null);
        }
        kind.getElement().getStyle().set("min-width", phone ? null : "18em"); // "Network (interface or VLAN)" in full
        value.getElement().getStyle().set("min-width", phone ? null : "16em"); // a placeholder such as "e.g. 3C:22:FB:12:34:56"
    }

    void show(ServicesController.State state) {
        note.setText(state.policiesNote());
        note.setVisible(!state.policiesNote().isEmpty());
        boolean usable = state.canChange() && !state.instances().isEmpty();
        form.setVisible(usable);
        // only when the services themselves change (not on every progress step): an open choice stays open
        List<String> offered = state.instances().stream().map(i -> i.id() + " " + i.interfaceName()).toList();
        if (!offered.equals(this.offered)) {
            this.offered = offered;
            String selected = through.getValue() == null ? null : through.getValue().id();
            through.setItems(state.instances());
            state.instances().stream().filter(i -> i.id().equals(selected)).findFirst()
                    .or(() -> state.instances().stream().findFirst()).ifPresent(through::setValue);
        }
        mark(value, state.fieldErrors().get("match"));
        mark(through, state.fieldErrors().get("instanceId"));
        list.removeAll();
        if (state.policies().isEmpty() && state.policiesReady()) {
            Span empty = new Span(state.instances().isEmpty()
                    ? "Everything goes out directly. Install a service to route a network, a device or a domain through it."
                    : "Everything goes out directly: no policy routes traffic through a service.");
            empty.addClassName("nnc-card-facts");
            list.add(empty);
        }
        for (PolicyRow p : state.policies()) list.add(row(p, state.canChange()));
    }

    private Component row(PolicyRow p, boolean canChange) {
        Div row = new Div();
        row.addClassName("policy-row");
        row.getElement().setAttribute("data-policy", p.id());
        Span text = new Span(p.what() + " → " + p.through());
        text.addClassName("policy-text");
        row.add(text);
        if (canChange) {
            Button remove = ServiceParts.button("Remove", phone);
            remove.addClassName("policy-remove");
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            remove.addClickListener(e -> intents.remove(p.id()));
            row.add(remove);
        }
        return row;
    }

    private static void mark(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(message != null);
    }
}

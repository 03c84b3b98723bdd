package com.nasnetconnect.ui.resources;

import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.schema.types.VlanInput;
import com.nasnetconnect.ui.forms.SchemaValidator;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The form that adds a VLAN: name, VLAN id and interface, each checked with schema.graphql's {@code VlanInput}
 * {@code @validate} rules — the same objects the GraphQL API validates with, so both give the same verdict and
 * message on the same value — and read into the generated {@link VlanInput} through its setters (a field the
 * schema loses breaks compilation here). The form decides nothing: "Add VLAN" fires an {@link AddEvent} with the
 * input when every field is valid, or a {@link RejectedEvent} while the fields show why not.
 */
public final class VlanForm extends HorizontalLayout {
    /** The schema's field names, as the API and the controller's field errors name them. */
    static final String NAME = "name";
    static final String VLAN_ID = "vlanId";
    static final String INTERFACE = "interface";

    private final TextField name = new TextField("Name");
    private final IntegerField vlanId = new IntegerField("VLAN id");
    private final TextField iface = new TextField("Interface");
    private final Map<String, HasValidation> fields = Map.of(NAME, name, VLAN_ID, vlanId, INTERFACE, iface);
    private final Binder<VlanInput> binder = new Binder<>();

    /** "Add VLAN" with input that satisfies every rule. */
    public static final class AddEvent extends ComponentEvent<VlanForm> {
        private final VlanInput input;

        AddEvent(VlanForm form, VlanInput input) {
            super(form, true);
            this.input = input;
        }

        public VlanInput input() {
            return input;
        }
    }

    /** "Add VLAN" with input that breaks a rule: nothing is sent, the fields show the rules' messages. */
    public static final class RejectedEvent extends ComponentEvent<VlanForm> {
        RejectedEvent(VlanForm form) {
            super(form, true);
        }
    }

    public VlanForm(ValidationRules rules) {
        Objects.requireNonNull(rules, "rules");
        name.setId("vlan-name");
        vlanId.setId("vlan-id");
        iface.setId("vlan-interface");
        // An empty box is the empty text, as the API gets it from a client that sends "" (not "no value"), so the
        // form and the API judge it by the same rule and say the same thing.
        binder.forField(name).withValidator(SchemaValidator.of(rules, "VlanInput", NAME))
                .bind(in -> Objects.requireNonNullElse(in.getName(), ""), VlanInput::setName);
        binder.forField(vlanId).withValidator(SchemaValidator.of(rules, "VlanInput", VLAN_ID))
                .bind(in -> in.getVlanId() == 0 ? null : in.getVlanId(), VlanInput::setVlanId); // 0: not set (no VLAN has id 0)
        binder.forField(iface).withValidator(SchemaValidator.of(rules, "VlanInput", INTERFACE))
                .bind(in -> Objects.requireNonNullElse(in.getInterface(), ""), VlanInput::setInterface);
        iface.setValue("ether2");
        Button add = new Button("Add VLAN", e -> submit());
        add.setId("vlan-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(name, vlanId, iface, add);
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
    }

    public Registration addAddListener(ComponentEventListener<AddEvent> listener) {
        return addListener(AddEvent.class, listener);
    }

    public Registration addRejectedListener(ComponentEventListener<RejectedEvent> listener) {
        return addListener(RejectedEvent.class, listener);
    }

    /** What "Add VLAN" does: validates every field and fires {@link AddEvent} or {@link RejectedEvent}. */
    public void submit() {
        VlanInput input = new VlanInput();
        if (binder.writeBeanIfValid(input)) fireEvent(new AddEvent(this, input));
        else fireEvent(new RejectedEvent(this));
    }

    /**
     * The message each field shows now, by schema field name ({@code vlanId}); empty when every field is valid.
     * Validates the fields as {@link #submit} would.
     */
    public Map<String, String> errors() {
        binder.validate();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String field : new String[] {NAME, VLAN_ID, INTERFACE}) {
            HasValidation f = fields.get(field);
            if (f.isInvalid()) errors.put(field, f.getErrorMessage());
        }
        return errors;
    }

    /** Empties the form for the next VLAN, keeping the interface, without marking the empty fields. */
    public void clearKeepingInterface() {
        VlanInput next = new VlanInput();
        next.setInterface(iface.getValue());
        binder.readBean(next);
    }

    /** Marks the fields the server refused (by schema field name), beside the form's own verdict. */
    public void markRefused(Map<String, String> refused) {
        refused.forEach((field, message) -> {
            HasValidation f = fields.get(field);
            if (f == null) return;
            f.setErrorMessage(message);
            f.setInvalid(true);
        });
    }
}

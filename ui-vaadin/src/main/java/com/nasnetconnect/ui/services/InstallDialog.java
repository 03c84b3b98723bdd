package com.nasnetconnect.ui.services;

import com.nasnetconnect.ui.services.ServicesController.OptionField;
import com.nasnetconnect.ui.services.ServicesController.TemplateCard;
import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The install dialog of one template, generated from its options: a name, then one field per option (its label,
 * its description as help, its default filled in, a required mark; a secret masked, a configuration file as a
 * multi-line box). A value is judged as it is typed with the verdict the controller gives (the option's own rule,
 * as the API judges it); "Install" hands name and values to the controller, and what the server refused is marked
 * on the field it names ({@link #markRefused}). Decides nothing itself.
 */
final class InstallDialog extends Dialog {
    /** The field of the instance name, as refusals name it. */
    static final String NAME = "name";

    private final TextField name = new TextField("Name");
    private final Map<String, HasValue<?, String>> options = new LinkedHashMap<>();
    private final Map<String, HasValidation> fields = new LinkedHashMap<>();

    /**
     * @param judge   what the controller says about an option's value ({@code key, value}), empty when acceptable
     * @param install name and values → true when installed (the dialog then closes)
     */
    InstallDialog(TemplateCard template, boolean phone, BiFunction<String, String, Optional<String>> judge,
                  BiFunction<String, Map<String, String>, Boolean> install, Runnable cancelled) {
        setId("install-dialog");
        setHeaderTitle("Install " + template.name());
        getElement().setAttribute("data-template", template.id());
        setCloseOnOutsideClick(false);
        Paragraph about = new Paragraph(template.description());
        about.addClassName("install-description");
        name.setId("install-name");
        name.setRequiredIndicatorVisible(true);
        name.setHelperText("The router interface will be " + template.interfaceExample());
        name.setWidthFull();
        fields.put(NAME, name);
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.add(name);
        for (OptionField o : template.options()) {
            var field = field(o);
            options.put(o.key(), field);
            HasValidation v = (HasValidation) field;
            fields.put(o.key(), v);
            field.addValueChangeListener(e -> {
                Optional<String> problem = judge.apply(o.key(), e.getValue());
                v.setErrorMessage(problem.orElse(null));
                v.setInvalid(problem.isPresent());
            });
            form.add((com.vaadin.flow.component.Component) field);
        }
        add(about, form);
        Button cancel = ServiceParts.button("Cancel", phone);
        cancel.setId("install-cancel");
        cancel.addClickListener(e -> {
            close();
            cancelled.run();
        });
        Button confirm = ServiceParts.button("Install", phone);
        confirm.setId("install-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            var values = new LinkedHashMap<String, String>();
            options.forEach((key, f) -> values.put(key, f.getValue()));
            if (install.apply(name.getValue(), values)) close();
        });
        getFooter().add(cancel, confirm);
        setWidth(phone ? "100%" : "32rem");
        if (phone) addClassName("nnc-phone");
        setMaxWidth("100%");
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) getElement().removeFromParent();
        });
    }

    private static HasValue<?, String> field(OptionField o) {
        AbstractField<?, String> f = switch (o.kind()) {
            case TEXT -> {
                TextField t = new TextField(o.label());
                t.setHelperText(o.description());
                t.setValue(o.defaultValue());
                t.setRequiredIndicatorVisible(o.required() && o.defaultValue().isEmpty());
                t.setWidthFull();
                yield t;
            }
            case SECRET -> {
                PasswordField p = new PasswordField(o.label());
                p.setHelperText(o.description());
                p.setRequiredIndicatorVisible(o.required());
                p.setRevealButtonVisible(false);
                p.setWidthFull();
                yield p;
            }
            case SECRET_FILE -> {
                TextArea a = new TextArea(o.label());
                a.setHelperText(o.description());
                a.setRequiredIndicatorVisible(o.required());
                a.setMinRows(6);
                a.setWidthFull();
                a.addClassName("install-file");
                yield a;
            }
        };
        f.setId("install-option-" + o.key());
        f.getElement().setAttribute("data-option", o.key());
        return f;
    }

    /** Marks what the server refused, by field ({@code name} or an option key), beside what is typed. */
    void markRefused(Map<String, String> refused) {
        refused.forEach((field, message) -> {
            HasValidation f = fields.get(field);
            if (f == null) return;
            f.setErrorMessage(message);
            f.setInvalid(true);
        });
    }

    /** The message a field shows now; empty when it is valid. */
    Optional<String> error(String field) {
        HasValidation f = fields.get(field);
        return f == null || !f.isInvalid() ? Optional.empty() : Optional.ofNullable(f.getErrorMessage());
    }
}

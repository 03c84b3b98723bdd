package com.nasnetconnect.ui.resource;

import com.nasnetconnect.domain.apply.FieldChoices;
import com.nasnetconnect.domain.schema.FormField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldVariant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The form of one resource kind, built from the schema's form model ({@link FormField}s of its
 * {@code <Kind>Input}) with no per-kind code: text for text and numbers (so what the user typed is kept, also
 * when it is not a number), a checkbox for a yes/no, a select for a {@code oneOf} or an enum (a multi-select for
 * a list of them), a picker of what exists on the router for a reference (custom values only where the router
 * accepts objects of its own), a password field for a {@code @sensitive} value with "Reveal" for admins. Every
 * field shows the schema's verdict beside it as the user leaves it. Decides nothing: it hands what was typed
 * (field → text) to {@code save}.
 */
final class ResourceForm extends Dialog {
    private final Map<String, HasValue<?, ?>> fields = new LinkedHashMap<>();
    private final Map<String, FormField> model = new LinkedHashMap<>();
    private final Paragraph problem = new Paragraph();

    /**
     * @param choices what a reference field may name (empty for other fields)
     * @param check   the schema's verdict on one field as typed
     * @param save    saves what was typed; true closes the form
     * @param reveal  an admin's reveal of a secret field (empty when not offered)
     */
    ResourceForm(String heading, boolean editing, List<FormField> form, Map<String, String> values, boolean phone,
                 Function<String, Optional<FieldChoices>> choices, BiFunction<String, String, Optional<String>> check,
                 Predicate<Map<String, String>> save, Runnable cancel, Optional<Function<String, Optional<String>>> reveal) {
        setId("resource-form");
        setHeaderTitle(heading);
        setCloseOnOutsideClick(false);
        if (phone) {
            setWidth("100vw");
            setMaxWidth("100vw");
            setHeight("100%");
        } else {
            setWidth("min(720px, 95vw)");
        }
        FormLayout layout = new FormLayout();
        layout.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("560px", 2));
        for (FormField f : form) {
            model.put(f.name(), f);
            Component field = field(f, choices.apply(f.name()), values.getOrDefault(f.name(), ""), editing, reveal);
            layout.add(field);
        }
        problem.setId("resource-form-problem");
        problem.getStyle().set("color", "var(--lumo-error-text-color)");
        problem.setVisible(false);
        add(problem, layout);
        Button saveButton = new Button("Save", e -> {
            if (save.test(typed())) close();
        });
        saveButton.setId("resource-save");
        saveButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancelButton = new Button("Cancel", e -> {
            close();
            cancel.run();
        });
        cancelButton.setId("resource-cancel");
        getFooter().add(cancelButton, saveButton);
        fields.forEach((name, value) -> value.addValueChangeListener(e -> {
            if (!e.isFromClient()) return;
            mark(name, check.apply(name, text(value)).orElse(null));
        }));
    }

    private Component field(FormField f, Optional<FieldChoices> choices, String value, boolean editing,
                            Optional<Function<String, Optional<String>>> reveal) {
        String label = words(f.name()) + (f.required() ? " *" : "");
        Component c;
        HasValue<?, ?> v;
        if (f.bool()) {
            Checkbox box = new Checkbox(label, Boolean.parseBoolean(value));
            c = box;
            v = box;
        } else if (f.sensitive()) {
            PasswordField secret = new PasswordField(label);
            secret.setValue(value);
            if (editing) secret.setPlaceholder("unchanged unless typed");
            secret.setRevealButtonVisible(true);
            if (reveal.isPresent()) {
                Button show = new Button("Reveal", e -> reveal.get().apply(f.name()).ifPresent(secret::setValue));
                show.setId("reveal-" + f.name());
                show.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                secret.setSuffixComponent(show);
            }
            c = secret;
            v = secret;
        } else if (f.choice() && f.list()) {
            MultiSelectComboBox<String> many = new MultiSelectComboBox<>(label, f.choices());
            many.setValue(new LinkedHashSet<>(split(value)));
            c = many;
            v = many;
        } else if (f.choice()) {
            Select<String> one = new Select<>();
            one.setLabel(label);
            var items = new java.util.ArrayList<String>();
            if (!f.required()) items.add("");
            items.addAll(f.choices());
            one.setItems(items);
            one.setEmptySelectionAllowed(false);
            one.setItemLabelGenerator(s -> s.isEmpty() ? "(not set)" : s);
            one.setValue(value.isEmpty() && !items.isEmpty() && f.required() ? null : value);
            c = one;
            v = one;
        } else if (choices.isPresent() && f.list()) {
            var items = new LinkedHashSet<>(choices.get().values());
            items.addAll(split(value));
            MultiSelectComboBox<String> many = new MultiSelectComboBox<>(label, items);
            many.setAllowCustomValue(choices.get().openEnded());
            many.addCustomValueSetListener(e -> {
                var next = new LinkedHashSet<>(many.getValue());
                items.add(e.getDetail());
                many.setItems(items);
                next.add(e.getDetail());
                many.setValue(next);
            });
            many.setValue(new LinkedHashSet<>(split(value)));
            c = many;
            v = many;
        } else if (choices.isPresent()) {
            var items = new LinkedHashSet<>(choices.get().values());
            if (!value.isEmpty()) items.add(value);
            ComboBox<String> pick = new ComboBox<>(label, items);
            pick.setAllowCustomValue(choices.get().openEnded());
            pick.addCustomValueSetListener(e -> {
                items.add(e.getDetail());
                pick.setItems(items);
                pick.setValue(e.getDetail());
            });
            pick.setClearButtonVisible(!f.required());
            if (!value.isEmpty()) pick.setValue(value);
            if (!choices.get().routerRead()) pick.setHelperText("The router could not be read: only managed objects are listed.");
            c = pick;
            v = pick;
        } else {
            TextField text = new TextField(label);
            text.setValue(value);
            text.setValueChangeMode(com.vaadin.flow.data.value.ValueChangeMode.ON_BLUR);
            if (f.integer() && !f.list()) text.addThemeVariants(TextFieldVariant.LUMO_ALIGN_RIGHT);
            if (f.list()) text.setHelperText("Comma-separated");
            c = text;
            v = text;
        }
        c.setId("field-" + f.name());
        f.description().ifPresent(d -> {
            if (c instanceof com.vaadin.flow.component.shared.HasTooltip t) t.setTooltipText(d);
        });
        if (c instanceof com.vaadin.flow.component.HasSize s) s.setWidthFull();
        fields.put(f.name(), v);
        return c;
    }

    /** What the user typed, by schema field name (lists comma-joined, yes/no as true/false, empty as ""). */
    Map<String, String> typed() {
        var out = new LinkedHashMap<String, String>();
        fields.forEach((name, value) -> out.put(name, text(value)));
        return out;
    }

    /** Marks each field the controller found wrong (schema field name → message) and the form-wide problem. */
    void markRefused(Map<String, String> errors) {
        fields.keySet().forEach(name -> mark(name, errors.get(name)));
        String general = errors.entrySet().stream().filter(e -> !fields.containsKey(e.getKey()))
                .map(e -> (e.getKey().isEmpty() ? "" : words(e.getKey()) + ": ") + e.getValue())
                .reduce((a, b) -> a + "; " + b).orElse("");
        problem.setText(general);
        problem.setVisible(!general.isEmpty());
    }

    private void mark(String name, String message) {
        if (!(fields.get(name) instanceof HasValidation f)) return;
        f.setErrorMessage(message);
        f.setInvalid(message != null);
    }

    private static String text(HasValue<?, ?> field) {
        Object v = field.getValue();
        if (v == null) return "";
        if (v instanceof java.util.Collection<?> c) return String.join(",", c.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }

    private static List<String> split(String value) {
        return java.util.Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** {@code vlanId} → "VLAN id", {@code srcAddressList} → "Src address list". */
    static String words(String field) {
        String spaced = field.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        spaced = spaced.replace("vlan", "VLAN").replace("mtu", "MTU").replace("dns", "DNS").replace("mac ", "MAC ")
                .replace("src ", "source ").replace("dst ", "destination ");
        if (spaced.startsWith("src")) spaced = "source" + spaced.substring(3);
        if (spaced.startsWith("dst")) spaced = "destination" + spaced.substring(3);
        if (spaced.startsWith("ip ")) spaced = "IP " + spaced.substring(3);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}

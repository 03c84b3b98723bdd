package com.nasnetconnect.ui.resource;

import com.nasnetconnect.domain.schema.FormField;
import com.nasnetconnect.domain.schema.ResourceKinds;
import com.nasnetconnect.domain.schema.SchemaTables;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.schema.Violation;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The form of one resource kind as data: the fields of its {@code <Kind>Input} in schema order
 * ({@link SchemaTables#formFields()}), how text typed into them reads as the schema's types, and the verdict of
 * the schema's {@link ValidationRules} on it — the rules GraphQL validates with, so the form and the API give the
 * same verdict and the same message (naming the bad value) on the same input. No Vaadin.
 */
public final class KindForm {
    private final ValidationRules rules;
    private final ResourceKind kind;
    private final List<FormField> fields;

    public KindForm(ValidationRules rules, ResourceKind kind) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.fields = SchemaTables.formFields().get(inputType(kind));
        if (fields == null) throw new IllegalStateException("schema.graphql has no " + inputType(kind));
    }

    /** {@code BRIDGE_PORT} → {@code BridgePortInput}. */
    public static String inputType(ResourceKind kind) {
        return ResourceKinds.typeName(kind) + "Input";
    }

    public ResourceKind kind() {
        return kind;
    }

    /** The fields in schema order. */
    public List<FormField> fields() {
        return fields;
    }

    public Optional<FormField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The schema's verdict on one field as typed, or why the text does not read as its type; empty when fine. */
    public Optional<String> problem(String field, String typed) {
        Optional<FormField> f = field(field);
        if (f.isEmpty()) return Optional.empty();
        Object value;
        try {
            value = parse(f.get(), typed);
        } catch (NumberFormatException e) {
            return Optional.of("must be a " + (f.get().integer() ? "whole " : "") + "number, was '" + e.getMessage() + "'");
        }
        List<Violation> violations = rules.validateField(inputType(kind), field, value);
        return violations.stream().findFirst().map(Violation::message);
    }

    /**
     * Typed text as the schema's type: lists split on commas, numbers and yes/no read, a bad number throws
     * {@link NumberFormatException} with the text. An empty box is "not set" (null), except for a required text
     * field, where it is the empty text, as the API gets it from a client that sends {@code ""}: both then judge it
     * by the same rule and say the same thing.
     */
    public static Object parse(FormField f, String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) return f.required() && !f.list() && isText(f) ? "" : null;
        if (f.list()) {
            var items = new ArrayList<Object>();
            for (String part : text.split(",")) {
                if (!part.isBlank()) items.add(one(f, part.strip()));
            }
            return items.isEmpty() ? null : items;
        }
        return one(f, text);
    }

    private static boolean isText(FormField f) {
        return !f.integer() && !f.decimal() && !f.bool();
    }

    private static Object one(FormField f, String text) {
        try {
            if (f.integer()) return Integer.parseInt(text);
            if (f.decimal()) return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new NumberFormatException(text);
        }
        if (f.bool()) return Boolean.parseBoolean(text) || text.equals("yes");
        return text;
    }
}

package com.nasnetconnect.domain.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One field of a schema input type as a form needs it, in schema order: its GraphQL type ({@code String},
 * {@code Int}, {@code Boolean}, {@code ID}, {@code Float} or an enum's name), whether it is a list, required
 * ({@code !} without default), {@code @sensitive}, its description, and the values it may take — an enum's
 * values or {@code @validate(oneOf:)} — so a screen can build the form of any {@code <Kind>Input} without
 * per-kind code. Generated from schema.graphql ({@link SchemaTables#formFields()}).
 *
 * @param choices the allowed values (a select), empty when the field is free
 */
public record FormField(String name, String type, boolean list, boolean required, boolean sensitive,
                        Optional<String> description, List<String> choices) {
    public FormField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        choices = List.copyOf(choices);
    }

    /** A whole number ({@code Int}). */
    public boolean integer() {
        return type.equals("Int");
    }

    /** A yes/no ({@code Boolean}). */
    public boolean bool() {
        return type.equals("Boolean");
    }

    /** A number with a fraction ({@code Float}). */
    public boolean decimal() {
        return type.equals("Float");
    }

    /** One of fixed values: an enum or a {@code @validate(oneOf:)}. */
    public boolean choice() {
        return !choices.isEmpty();
    }
}

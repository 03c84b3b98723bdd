package com.nasnetconnect.domain.state;

import java.util.Objects;

/**
 * One finding of the validation pipeline: which field, the bad value (as text; {@code ""} when the value
 * is missing), a stable machine code ({@code vlan-id-range}, {@code duplicate-name}, …) and a human message.
 */
public record ValidationIssue(String field, String value, String code, String message) {
    public ValidationIssue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        if (field.isBlank()) throw new IllegalArgumentException("validation issue names no field (message: " + message + ")");
        if (code.isBlank()) throw new IllegalArgumentException("validation issue for field " + field + " has a blank code");
    }

    /** Convenience: the value is printed with {@link String#valueOf(Object)}; null becomes {@code ""}. */
    public static ValidationIssue of(String field, Object value, String code, String message) {
        return new ValidationIssue(field, value == null ? "" : String.valueOf(value), code, message);
    }

    @Override
    public String toString() {
        return field + "='" + value + "': " + message + " [" + code + "]";
    }
}

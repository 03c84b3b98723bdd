package com.nasnetconnect.domain.schema;

import java.util.Objects;

/**
 * One broken rule: where (a dotted path such as {@code input.vlanId} or {@code input.ranges[2]}), the value
 * that broke it (already masked when the field is {@code @sensitive}), and a message that a user can read.
 * The message never repeats the path, so UIs can show it next to the field and APIs can prefix the path.
 */
public record Violation(String fieldPath, Object badValue, String message) {
    public Violation {
        Objects.requireNonNull(fieldPath, "fieldPath");
        Objects.requireNonNull(message, "message");
    }

    /** {@code input.vlanId: must be at most 4094, was 5000}. */
    public String describe() {
        return fieldPath + ": " + message;
    }
}

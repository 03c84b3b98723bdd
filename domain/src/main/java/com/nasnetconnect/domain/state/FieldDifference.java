package com.nasnetconnect.domain.state;

import java.util.Objects;
import java.util.Optional;

/**
 * One field that differs between two versions (history), or between intent and the router (drift, a
 * sent-versus-confirmed mismatch). An empty side means the field is absent there.
 */
public record FieldDifference(String field, Optional<Object> before, Optional<Object> after) {
    public FieldDifference {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.isEmpty() && after.isEmpty()) {
            throw new IllegalArgumentException("difference in field " + field + " has neither a before nor an after value");
        }
    }

    @Override
    public String toString() {
        return field + ": " + before.map(String::valueOf).orElse("(absent)") + " -> " + after.map(String::valueOf).orElse("(absent)");
    }
}

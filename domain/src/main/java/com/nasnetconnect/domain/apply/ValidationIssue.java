package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.common.Echo;
import java.util.Objects;

/**
 * One finding of the validation pipeline about one field of one resource. The message names the field and,
 * unless the field is secret, the bad value ({@code value} is shortened as {@link Echo} does).
 *
 * @param stage which pipeline stage found it: schema, references, conflicts, platform, order, preflight
 */
public record ValidationIssue(String resourceId, String field, String value, String message, Severity severity,
                              String stage) {
    public enum Severity { ERROR, WARNING }

    public ValidationIssue {
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(stage, "stage");
        if (value != null) value = Echo.of(value); // it is shown to people: a long input is echoed shortened
    }

    static ValidationIssue error(String stage, String resourceId, String field, String value, String message) {
        return new ValidationIssue(resourceId, field, value, message, Severity.ERROR, stage);
    }

    static ValidationIssue warning(String stage, String resourceId, String field, String value, String message) {
        return new ValidationIssue(resourceId, field, value, message, Severity.WARNING, stage);
    }

    /** e.g. {@code vlanId='5000': must be 1..4094 (resource r1, schema)}. */
    @Override
    public String toString() {
        return field + (value == null ? "" : "='" + value + "'") + ": " + message + " (resource " + resourceId + ", " + stage + ")";
    }
}

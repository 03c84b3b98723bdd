package com.nasnetconnect.domain.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Layer 2: the result of the validation pipeline on the current configuration. {@code canApply} is true only
 * when the configuration was validated and produced no errors; warnings never block.
 *
 * @param validatedAt empty while the configuration has not been validated yet (then canApply is false)
 */
public record Validation(boolean canApply, List<ValidationIssue> errors, List<ValidationIssue> warnings,
                         Optional<Instant> validatedAt) {
    public Validation {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        Objects.requireNonNull(validatedAt, "validatedAt");
        if (canApply && !errors.isEmpty()) {
            throw new IllegalArgumentException("canApply is true but there are " + errors.size() + " errors: " + errors);
        }
        if (canApply && validatedAt.isEmpty()) {
            throw new IllegalArgumentException("canApply is true but the configuration was never validated");
        }
    }

    public static Validation notValidated() {
        return new Validation(false, List.of(), List.of(), Optional.empty());
    }

    /** A finished validation: canApply exactly when there are no errors. */
    public static Validation of(List<ValidationIssue> errors, List<ValidationIssue> warnings, Instant at) {
        return new Validation(errors.isEmpty(), errors, warnings, Optional.of(at));
    }

    public boolean validated() {
        return validatedAt.isPresent();
    }
}

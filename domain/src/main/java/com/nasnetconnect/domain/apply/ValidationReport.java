package com.nasnetconnect.domain.apply;

import java.util.List;

/** The validation layer of one resource: whether it can be applied, and why not. */
public record ValidationReport(String resourceId, List<ValidationIssue> errors, List<ValidationIssue> warnings) {
    public ValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    public boolean canApply() {
        return errors.isEmpty();
    }
}

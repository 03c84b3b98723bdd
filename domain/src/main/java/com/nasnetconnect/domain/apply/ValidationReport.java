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

    /** This report as the resource's validation layer (issue code = the pipeline stage that found it). */
    public com.nasnetconnect.domain.state.Validation toLayer(java.time.Instant at) {
        return com.nasnetconnect.domain.state.Validation.of(errors.stream().map(ValidationReport::issue).toList(),
                warnings.stream().map(ValidationReport::issue).toList(), at);
    }

    static com.nasnetconnect.domain.state.ValidationIssue issue(ValidationIssue i) {
        return com.nasnetconnect.domain.state.ValidationIssue.of(i.field(), i.value(), i.stage(), i.message());
    }
}

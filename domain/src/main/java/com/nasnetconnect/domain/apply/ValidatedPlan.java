package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.PlatformInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the validation pipeline made of a {@link ChangePlan}: one validation report per resource, and, when
 * everything can be applied, the router commands in dependency order (the dry-run plan).
 *
 * @param upserts resources created or updated, in apply order (including ones needing no router command)
 * @param deletes resources removed, with what the store held for them
 */
public record ValidatedPlan(ChangePlan plan, Map<String, ValidationReport> reports, List<PlanStep> steps,
                            List<DesiredResource> upserts, List<ManagedResource> deletes,
                            Map<String, ManagedResource> before, RouterView preflight, Optional<PlatformInfo> platform) {
    public ValidatedPlan {
        reports = Map.copyOf(reports);
        steps = List.copyOf(steps);
        upserts = List.copyOf(upserts);
        deletes = List.copyOf(deletes);
        before = Map.copyOf(before);
    }

    public boolean canApply() {
        return reports.values().stream().allMatch(ValidationReport::canApply);
    }

    public List<ValidationIssue> errors() {
        return reports.values().stream().flatMap(r -> r.errors().stream()).toList();
    }

    public List<ValidationIssue> warnings() {
        return reports.values().stream().flatMap(r -> r.warnings().stream()).toList();
    }

    /** The commands that would run, as text (secrets masked). */
    public List<String> dryRun() {
        return steps.stream().map(PlanStep::toString).toList();
    }
}

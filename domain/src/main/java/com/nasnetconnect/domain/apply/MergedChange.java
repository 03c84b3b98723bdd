package com.nasnetconnect.domain.apply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one change after the router confirmed it: the configuration (intent), the deployment the
 * router reported (empty after a delete), the validation layer, and sent-versus-confirmed warnings.
 */
public record MergedChange(Kind change, DesiredResource resource, Optional<Confirmation> deployment,
                           ValidationReport validation, List<String> warnings) {
    public enum Kind { CREATED, UPDATED, DELETED, ADOPTED }

    public MergedChange {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(deployment, "deployment");
        Objects.requireNonNull(validation, "validation");
        warnings = List.copyOf(warnings);
    }
}

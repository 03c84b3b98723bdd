package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Objects;

/**
 * A resource that breaks when the target is deleted.
 *
 * @param depth 1 for a direct dependent, 2 for a dependent of a dependent, …
 * @param via   the resource it depends on that goes away (the target, or another affected resource)
 */
public record ImpactedResource(ResourceId id, ResourceKind kind, String name, int depth, ResourceId via) {
    public ImpactedResource {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(via, "via");
        if (depth < 1) throw new IllegalArgumentException("impact depth must be >= 1: " + depth);
    }
}

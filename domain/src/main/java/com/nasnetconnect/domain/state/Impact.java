package com.nasnetconnect.domain.state;

import java.util.List;
import java.util.Objects;

/** "What breaks if I delete {@code target}": every transitive dependent, nearest first, each once. */
public record Impact(ResourceId target, List<ImpactedResource> affected) {
    public Impact {
        Objects.requireNonNull(target, "target");
        affected = List.copyOf(affected);
    }

    public boolean safeToDelete() {
        return affected.isEmpty();
    }
}

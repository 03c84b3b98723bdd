package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import java.util.List;
import java.util.Objects;

/**
 * What breaks if a resource is deleted: every live resource that depends on it, directly or through others,
 * nearest first. Deleting it needs cascade (which deletes them too) unless the list is empty.
 */
public record DeletionImpact(ResourceId target, List<Resource> affected) {
    public DeletionImpact {
        Objects.requireNonNull(target, "target");
        affected = List.copyOf(affected);
    }

    public boolean requiresCascade() {
        return !affected.isEmpty();
    }
}

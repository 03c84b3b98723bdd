package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.router.RouterId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One committed change, as recorded in the router's event log.
 *
 * @param sequence per-router position in the log, strictly increasing with commit order
 * @param version  the resource's version after the change (for a delete: the version it had)
 * @param changes  configuration fields that changed (empty when only other layers changed)
 * @param state    the resource's event-sourced layers after the change ({@link Resource#intentAndReality()});
 *                 empty for {@link ChangeType#DELETED}
 */
public record ResourceEvent(long sequence, RouterId routerId, ResourceId resourceId, ResourceKind kind, ChangeType type,
                            Instant at, String actor, long version, List<FieldDifference> changes,
                            Optional<Resource> state) {
    public ResourceEvent {
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(resourceId, "resourceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        changes = List.copyOf(changes);
        Objects.requireNonNull(state, "state");
        if ((type == ChangeType.DELETED) != state.isEmpty()) {
            throw new IllegalArgumentException("event " + type + " of " + resourceId
                    + (state.isEmpty() ? " lacks the state after the change" : " must not carry a state"));
        }
    }
}

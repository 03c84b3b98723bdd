package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.router.RouterId;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * Changes to one router's resources that commit together or not at all: every change writes its event and
 * its row in one transaction. A resource may appear at most once.
 *
 * @param actor who makes the change (recorded on every event)
 * @param at    when (the events' time, used by time travel)
 */
public record ChangeSet(RouterId routerId, String actor, Instant at, List<ResourceChange> changes) {
    public ChangeSet {
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
        changes = List.copyOf(changes);
        if (actor.isBlank()) throw new IllegalArgumentException("change set has a blank actor");
        if (changes.isEmpty()) throw new IllegalArgumentException("change set for router " + routerId + " is empty");
        var seen = new HashSet<ResourceId>();
        for (ResourceChange c : changes) {
            if (!seen.add(c.id())) throw new IllegalArgumentException("resource " + c.id() + " appears twice in one change set");
            if (c instanceof ResourceChange.Put p && !p.resource().routerId().equals(routerId)) {
                throw new IllegalArgumentException("resource " + c.id() + " belongs to router " + p.resource().routerId()
                        + ", not " + routerId);
            }
        }
    }

    public static ChangeSet of(RouterId routerId, String actor, Instant at, ResourceChange... changes) {
        return new ChangeSet(routerId, actor, at, List.of(changes));
    }
}

package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * In-port for changing resources without touching a router: commit change sets (event and row together, then
 * publish), create, reconfigure, and delete with impact analysis. Apply-confirm-merge builds on
 * {@link #commit(Principal, ChangeSet)}.
 */
public final class ResourceService {
    private final ResourceStore store;
    private final ResourceEventPublisher publisher;
    private final ImpactAnalysis impact;
    private final Clock clock;

    public ResourceService(ResourceStore store, ResourceEventPublisher publisher, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.impact = new ImpactAnalysis(store);
    }

    /** Commits the set in one transaction, then publishes its events. Needs the operator role. */
    public List<ResourceEvent> commit(Principal who, ChangeSet changes) {
        who.require(Role.OPERATOR, "change resources of router " + changes.routerId());
        List<ResourceEvent> events = store.commit(changes);
        publisher.publish(events);
        return events;
    }

    /** A new resource from intent: version 1, not validated, not deployed. */
    public Resource create(Principal who, RouterId router, ResourceKind kind, Fields configuration, Relationships relationships) {
        var now = clock.instant();
        var r = Resource.create(ResourceId.random(), router, kind, configuration, relationships, Platform.MIKROTIK, now, who.name());
        commit(who, ChangeSet.of(router, who.name(), now, new ResourceChange.Put(r, ChangeType.CREATED)));
        return store.find(router, r.id()).orElseThrow();
    }

    /** New intent for an existing resource; {@code expectedVersion} guards against lost updates. */
    public Resource reconfigure(Principal who, RouterId router, ResourceId id, long expectedVersion, Fields configuration) {
        Resource current = require(router, id);
        if (current.metadata().version() != expectedVersion) {
            throw new StateException.Conflict("resource " + id + " is at version " + current.metadata().version()
                    + ", not " + expectedVersion);
        }
        var now = clock.instant();
        var next = current.withConfiguration(configuration, now, who.name());
        commit(who, ChangeSet.of(router, who.name(), now, new ResourceChange.Put(next, ChangeType.CONFIGURED)));
        return store.find(router, id).orElseThrow();
    }

    /** What breaks if {@code id} is deleted (read only; any role). */
    public Impact impactOfDeleting(RouterId router, ResourceId id) {
        return impact.ofDeleting(router, id);
    }

    /**
     * Deletes the resource from the state (not from the router: apply does that). With dependents it is
     * refused with their list unless {@code cascade}; with cascade the dependents go too, farthest first,
     * all in one transaction. Returns the committed events.
     *
     * @throws StateException.HasDependents when there are dependents and cascade is false
     */
    public List<ResourceEvent> delete(Principal who, RouterId router, ResourceId id, boolean cascade) {
        who.require(Role.OPERATOR, "delete resources of router " + router);
        Resource target = require(router, id);
        Impact found = impact.ofDeleting(router, id);
        if (!found.safeToDelete() && !cascade) throw new StateException.HasDependents(found);
        var changes = new ArrayList<ResourceChange>();
        for (ImpactedResource a : found.affected().reversed()) {
            store.find(router, a.id()).ifPresent(r -> changes.add(new ResourceChange.Delete(r.id(), r.metadata().version())));
        }
        changes.add(new ResourceChange.Delete(id, target.metadata().version()));
        return commit(who, new ChangeSet(router, who.name(), clock.instant(), changes));
    }

    public Optional<Resource> find(RouterId router, ResourceId id) {
        return store.find(router, id);
    }

    private Resource require(RouterId router, ResourceId id) {
        return store.find(router, id).orElseThrow(() -> new StateException.NotFound("no resource " + id + " on router " + router));
    }
}

package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * In-port for people changing a router's resources (the UI, and GraphQL for drift checks): the caller's role is
 * checked here, then the change goes through apply-confirm-merge, so what comes back is what the router
 * confirmed. Screens follow committed changes (from any client) through {@link #follow}.
 */
public final class ResourceChanges {
    private final ApplyConfirmMergeService apply;
    private final RouterRepository routers;
    private final ResourceStore store;
    private final ResourceEventBus events;

    public ResourceChanges(ApplyConfirmMergeService apply, RouterRepository routers, ResourceStore store,
                           ResourceEventBus events) {
        this.apply = Objects.requireNonNull(apply, "apply");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The managed routers, for choosing one. */
    public List<Router> routers(Principal who) {
        who.require(Role.VIEWER, "see routers");
        return routers.findAll();
    }

    /** Up to 1000 resources of one kind on one router, as stored after the router confirmed them. */
    public List<Resource> list(Principal who, RouterId router, ResourceKind kind) {
        who.require(Role.VIEWER, "see resources");
        return store.list(router, Optional.of(kind), new PageRequest(PageRequest.MAX, Optional.empty())).items();
    }

    /**
     * Creates a resource on the router and returns it as the router confirmed it.
     *
     * @throws ApplyException.Invalid   the configuration breaks a rule; nothing reached the router
     * @throws ApplyException           the router refused or could not confirm; router and state are as before
     * @throws IllegalArgumentException no such router
     */
    public Resource create(Principal who, RouterId routerId, ResourceKind kind, Fields configuration) {
        who.require(Role.OPERATOR, "change router configuration");
        Router router = routers.find(routerId).orElseThrow(() -> new IllegalArgumentException("no router '" + routerId + "'"));
        ResourceId id = ResourceId.random();
        apply.apply(router, ChangePlan.of(who.name(), Change.upsert(DesiredResource.of(id, kind, configuration))));
        return store.find(routerId, id).orElseThrow(() -> new IllegalStateException("applied resource " + id + " not stored"));
    }

    /**
     * Every committed change to the router's resources from now on (whoever made it: this screen, another
     * browser, GraphQL, a drift check), on the committing thread: hand slow work elsewhere. Close to stop.
     */
    public ResourceEventBus.Subscription follow(Principal who, RouterId router, Consumer<ResourceEvent> listener) {
        who.require(Role.VIEWER, "see resources");
        return events.subscribe(router, listener);
    }

    /**
     * Compares every deployed resource of the router with what the router reports now and records the result
     * (under the router's apply lock). Returns one report per deployed resource; read-only towards the router.
     *
     * @throws IllegalArgumentException no such router
     * @throws com.nasnetconnect.domain.router.RouterException the router could not be read; nothing was recorded
     */
    public List<DriftReport> checkDrift(Principal who, RouterId routerId) {
        who.require(Role.OPERATOR, "check drift");
        Router router = routers.find(routerId).orElseThrow(() -> new IllegalArgumentException("no router '" + routerId + "'"));
        return apply.checkDrift(router);
    }

    /** Deletes a resource from the router and the state (refused while other resources depend on it). */
    public void delete(Principal who, RouterId routerId, ResourceId id) {
        who.require(Role.OPERATOR, "change router configuration");
        Router router = routers.find(routerId).orElseThrow(() -> new IllegalArgumentException("no router '" + routerId + "'"));
        apply.apply(router, ChangePlan.of(who.name(), Change.delete(id.toString())));
    }
}

package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceKind;
import com.nasnetconnect.domain.state.ResourceStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * In-port for people changing a router's resources (the UI): the caller's role is checked here, then the
 * change goes through apply-confirm-merge, so what comes back is what the router confirmed.
 */
public final class ResourceChanges {
    private final ApplyConfirmMergeService apply;
    private final RouterRepository routers;
    private final ResourceStore store;

    public ResourceChanges(ApplyConfirmMergeService apply, RouterRepository routers, ResourceStore store) {
        this.apply = Objects.requireNonNull(apply, "apply");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.store = Objects.requireNonNull(store, "store");
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

    /** Deletes a resource from the router and the state (refused while other resources depend on it). */
    public void delete(Principal who, RouterId routerId, ResourceId id) {
        who.require(Role.OPERATOR, "change router configuration");
        Router router = routers.find(routerId).orElseThrow(() -> new IllegalArgumentException("no router '" + routerId + "'"));
        apply.apply(router, ChangePlan.of(who.name(), Change.delete(id.toString())));
    }
}

package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.EventLog;
import com.nasnetconnect.domain.state.ImpactAnalysis;
import com.nasnetconnect.domain.state.ImpactedResource;
import com.nasnetconnect.domain.state.NoSuchResource;
import com.nasnetconnect.domain.state.Page;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceStore;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * In-port for reading resources, whoever asks (GraphQL, the UI): one resource by uuid alone, a router's
 * resources a page at a time, a resource's history and its state at an instant (time travel), what breaks if it
 * is deleted, a router's events newest first, and committed changes as they happen. Every principal may read.
 * A router id that names no router is a {@link NoSuchRouter}.
 */
public final class ResourceQueries {
    private final RouterRepository routers;
    private final ResourceStore store;
    private final EventLog events;
    private final ResourceLocator locator;
    private final ResourceEventBus bus;
    private final ImpactAnalysis impact;

    public ResourceQueries(RouterRepository routers, ResourceStore store, EventLog events, ResourceLocator locator,
                           ResourceEventBus bus) {
        this.routers = Objects.requireNonNull(routers, "routers");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.impact = new ImpactAnalysis(store);
    }

    /** The live resource with this uuid, on whichever router holds it. */
    public Optional<Resource> get(Principal who, ResourceId id) {
        who.require(Role.VIEWER, "see resources");
        return locator.find(id);
    }

    /** One page of a router's resources (of one kind, or all), in creation order. */
    public Page<Resource> list(Principal who, RouterId router, Optional<ResourceKind> kind, PageRequest page) {
        who.require(Role.VIEWER, "see resources");
        requireRouter(router);
        Page<Resource> found = store.list(router, kind, page);
        found.items().forEach(r -> locator.remember(r.id(), router));
        return found;
    }

    /** How many resources (of one kind, or all) the router has. */
    public int count(Principal who, RouterId router, Optional<ResourceKind> kind) {
        who.require(Role.VIEWER, "see resources");
        requireRouter(router);
        return store.listAll(router, kind).size();
    }

    /** Every event of the resource, oldest first, also after it was deleted; empty when no router knows it. */
    public List<ResourceEvent> history(Principal who, ResourceId id) {
        who.require(Role.VIEWER, "see resource history");
        return withHistory(id).map(r -> events.history(r, id)).orElse(List.of());
    }

    /** Time travel: the resource as it was at {@code at}; empty when it did not exist then. */
    public Optional<Resource> at(Principal who, ResourceId id, Instant at) {
        who.require(Role.VIEWER, "see resource history");
        return withHistory(id).flatMap(r -> events.resourceAt(r, id, at));
    }

    /**
     * What breaks if the resource is deleted.
     *
     * @throws NoSuchResource when no router holds a live resource with this uuid
     */
    public DeletionImpact impact(Principal who, ResourceId id) {
        who.require(Role.VIEWER, "see resources");
        RouterId router = locator.router(id).orElseThrow(() -> new NoSuchResource(id));
        var affected = impact.ofDeleting(router, id).affected().stream().map(ImpactedResource::id)
                .flatMap(a -> store.find(router, a).stream()).toList();
        return new DeletionImpact(id, affected);
    }

    /**
     * Up to {@code first} events of the router with {@code since <= at < until} and a sequence below
     * {@code before}, newest first; {@code hasNextPage} says whether older ones remain. The log pages oldest
     * first, so the window is read through once per page.
     *
     * @throws IllegalArgumentException when {@code first} is not 1..{@value PageRequest#MAX}
     */
    public Page<ResourceEvent> newestEvents(Principal who, RouterId router, Optional<Instant> since,
                                            Optional<Instant> until, long before, int first) {
        who.require(Role.VIEWER, "see events");
        if (first < 1 || first > PageRequest.MAX) throw new IllegalArgumentException("first must be 1.." + PageRequest.MAX + ": " + first);
        requireRouter(router);
        var newest = new ArrayDeque<ResourceEvent>();
        PageRequest request = PageRequest.first(PageRequest.MAX);
        while (true) {
            var page = events.events(router, since, until, request);
            for (var e : page.items()) {
                if (e.sequence() >= before) continue;
                newest.addFirst(e);
                if (newest.size() > first + 1) newest.removeLast();
            }
            if (!page.hasNextPage() || page.endCursor().isEmpty()) break;
            request = request.after(page.endCursor().get());
        }
        boolean more = newest.size() > first;
        if (more) newest.removeLast();
        newest.forEach(e -> locator.remember(e.resourceId(), router));
        return new Page<>(List.copyOf(newest), Optional.ofNullable(newest.peekLast()).map(e -> String.valueOf(e.sequence())), more);
    }

    /**
     * Every committed change to the router's resources from now on (whoever made it), on the committing thread:
     * hand slow work elsewhere. Close to stop.
     */
    public ResourceEventBus.Subscription follow(Principal who, RouterId router, Consumer<ResourceEvent> listener) {
        who.require(Role.VIEWER, "see resources");
        requireRouter(router);
        return bus.subscribe(router, listener);
    }

    private Router requireRouter(RouterId id) {
        return routers.find(id).orElseThrow(() -> new NoSuchRouter(id.value()));
    }

    /** The router whose log knows the resource: from the index, else the first router with history of it. */
    private Optional<RouterId> withHistory(ResourceId id) {
        Optional<RouterId> router = locator.known(id);
        if (router.isEmpty()) {
            router = routers.findAll().stream().map(Router::id)
                    .filter(r -> !ResourceLocator.unlessQuarantined(() -> events.history(r, id), List.<ResourceEvent>of()).isEmpty())
                    .findFirst();
            router.ifPresent(r -> locator.remember(id, r));
        }
        return router;
    }
}

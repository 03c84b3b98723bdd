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
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
    private final ResourceKindSpecs specs;
    private final Optional<RouterGateway> gateway;
    private final Clock clock;
    /** The router's own objects by router and menu, read at most once per {@link #ROUTER_OBJECTS_TTL}. */
    private final Map<String, RouterObjects> routerObjects = new ConcurrentHashMap<>();

    /** How long a read of a router's own objects (for {@link #choices}) is reused. */
    static final Duration ROUTER_OBJECTS_TTL = Duration.ofSeconds(5);

    private record RouterObjects(Instant readAt, List<String> values) {
    }

    /** Without a gateway: {@link #choices} offers managed targets and builtins only. */
    public ResourceQueries(RouterRepository routers, ResourceStore store, EventLog events, ResourceLocator locator,
                           ResourceEventBus bus) {
        this(routers, store, events, locator, bus, ResourceKindSpecs.defaults(), null, Clock.systemUTC());
    }

    /**
     * @param specs   the reference table ({@link Reference}) that {@link #choices} follows
     * @param gateway reads the router's own objects for {@link #choices}
     */
    public ResourceQueries(RouterRepository routers, ResourceStore store, EventLog events, ResourceLocator locator,
                           ResourceEventBus bus, ResourceKindSpecs specs, RouterGateway gateway, Clock clock) {
        this.specs = Objects.requireNonNull(specs, "specs");
        this.gateway = Optional.ofNullable(gateway);
        this.clock = Objects.requireNonNull(clock, "clock");
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

    /**
     * What a reference field of a kind may name on the router (an interface, a bridge, a pool, a routing table,
     * an address list …): the values of the managed resources it can refer to, the router's own objects of the
     * reference's menu (one read per menu, reused for {@value #TTL_SECONDS} s; when the router cannot be read, the
     * rest with {@code routerRead} false) and the builtins. Empty when the field is no reference.
     */
    public Optional<FieldChoices> choices(Principal who, RouterId router, ResourceKind kind, String field) {
        who.require(Role.VIEWER, "see resources");
        Router r = requireRouter(router);
        Optional<Reference> found = specs.spec(kind).references().stream().filter(ref -> ref.field().equals(field)).findFirst();
        if (found.isEmpty()) return Optional.empty();
        Reference ref = found.get();
        var values = new java.util.TreeSet<String>(ref.builtins());
        for (ResourceKind target : ref.targets()) {
            for (Resource res : store.listAll(router, Optional.of(target))) res.configuration().string(ref.targetField()).ifPresent(values::add);
        }
        boolean read = true;
        if (ref.routerMenu().isPresent()) {
            try {
                values.addAll(routerObjects(r, ref.routerMenu().get(), specs.targetAttribute(ref)));
            } catch (RouterException unreachable) {
                read = false;
            }
        }
        values.remove("");
        return Optional.of(new FieldChoices(List.copyOf(values), ref.routerMenu().isPresent(), read && gateway.isPresent()));
    }

    static final long TTL_SECONDS = 5;

    private List<String> routerObjects(Router router, String menu, String attribute) {
        if (gateway.isEmpty()) return List.of();
        String key = router.id().value() + " " + menu + " " + attribute;
        Instant now = clock.instant();
        RouterObjects cached = routerObjects.get(key);
        if (cached != null && cached.readAt().plus(ROUTER_OBJECTS_TTL).isAfter(now)) return cached.values();
        var reply = gateway.get().execute(router.endpoint(), RouterCommand.of(menu + "/print").props(attribute));
        var values = reply.rows().stream().map(row -> row.get(attribute)).filter(Objects::nonNull).distinct().toList();
        routerObjects.put(key, new RouterObjects(now, values));
        return values;
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

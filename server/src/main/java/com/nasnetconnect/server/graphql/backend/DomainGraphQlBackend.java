package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.apply.AdoptService;
import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.apply.ApplyResult;
import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.apply.DesiredResource;
import com.nasnetconnect.domain.apply.DriftReport;
import com.nasnetconnect.domain.apply.MergedChange;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.common.Echo;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.schema.types.AddRouterInput;
import com.nasnetconnect.domain.schema.types.AdoptRouterPayload;
import com.nasnetconnect.domain.schema.types.ApplyPlanPayload;
import com.nasnetconnect.domain.schema.types.CheckDriftPayload;
import com.nasnetconnect.domain.schema.types.DeletePayload;
import com.nasnetconnect.domain.schema.types.EventConnection;
import com.nasnetconnect.domain.schema.types.EventEdge;
import com.nasnetconnect.domain.schema.types.Impact;
import com.nasnetconnect.domain.schema.types.PageInfo;
import com.nasnetconnect.domain.schema.types.PlanChangeInput;
import com.nasnetconnect.domain.schema.types.PlanOp;
import com.nasnetconnect.domain.schema.types.Resource;
import com.nasnetconnect.domain.schema.types.ResourceChange;
import com.nasnetconnect.domain.schema.types.ResourceConnection;
import com.nasnetconnect.domain.schema.types.ResourceEdge;
import com.nasnetconnect.domain.schema.types.ResourceEvent;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.schema.types.ResourcePayload;
import com.nasnetconnect.domain.schema.types.Router;
import com.nasnetconnect.domain.schema.types.RouterPayload;
import com.nasnetconnect.domain.schema.types.RouterStatus;
import com.nasnetconnect.domain.schema.types.UserError;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.EventLog;
import com.nasnetconnect.domain.state.ImpactedResource;
import com.nasnetconnect.domain.state.Page;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceService;
import com.nasnetconnect.domain.state.ResourceStore;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.server.graphql.GraphQlBackend;
import com.nasnetconnect.domain.schema.types.AccessRole;
import com.nasnetconnect.domain.schema.types.ApiKey;
import com.nasnetconnect.domain.schema.types.ApiKeyPayload;
import com.nasnetconnect.domain.schema.types.CreateApiKeyPayload;
import com.nasnetconnect.domain.security.ApiKeyInfo;
import com.nasnetconnect.domain.security.ApiKeys;
import com.nasnetconnect.domain.security.CreatedApiKey;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The {@link GraphQlBackend} over the real domain: routers from the {@link RouterRepository} with live status from
 * the {@link RouterStatusFeed}; resources, history and time travel from the {@link ResourceStore} and
 * {@link EventLog}; what-breaks from {@link ResourceService}; and every change to a router through
 * {@link ApplyConfirmMergeService} (validated, applied in dependency order, read back, then stored as the router
 * confirmed it) or {@link AdoptService}; drift checks on demand through {@link ResourceChanges}. Subscriptions listen to the {@link ResourceEventBus} and the status feed.
 *
 * <p>Roles: any principal reads; changing routers or resources needs {@link Role#OPERATOR} (checked here before
 * anything else, and again by the domain services). Domain refusals (invalid configuration, a router that
 * refused a command, dependents without cascade, unknown ids in a mutation) come back as {@code userErrors}, each
 * naming the input field and the bad value; nothing invalid is sent to a router.
 *
 * <p>Sensitive values are returned in clear: the GraphQL layer masks them (also inside event change maps).
 *
 * <p>Updates merge: fields given in the input replace the stored ones, absent (null) fields keep their value, and
 * an empty string clears a field on the router.
 */
public final class DomainGraphQlBackend implements GraphQlBackend, AutoCloseable {
    private final RouterRepository routers;
    private final RouterStatusFeed status;
    private final RouterGateway gateway;
    private final ResourceService resources;
    private final ResourceStore store;
    private final EventLog events;
    private final ResourceEventBus bus;
    private final ApplyConfirmMergeService apply;
    private final AdoptService adopt;
    private final ApiKeys apiKeys;
    private final Clock clock;
    private final ResourceChanges changes;
    private final GraphQlMapper mapper;
    /** Which router holds a resource (GraphQL addresses resources by uuid alone); filled from the bus and reads. */
    private final Map<ResourceId, RouterId> located = new ConcurrentHashMap<>();
    private final ResourceEventBus.Subscription locator;

    /** Subscribes to the bus (to index which router holds each resource); {@link #close()} ends that. */
    public DomainGraphQlBackend(RouterRepository routers, RouterStatusFeed status, RouterGateway gateway,
                                ResourceService resources, ResourceStore store, EventLog events, ResourceEventBus bus,
                                ApplyConfirmMergeService apply, AdoptService adopt, ApiKeys apiKeys, Clock clock,
                                ResourceChanges changes) {
        this.routers = Objects.requireNonNull(routers, "routers");
        this.status = Objects.requireNonNull(status, "status");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.adopt = Objects.requireNonNull(adopt, "adopt");
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.mapper = new GraphQlMapper();
        this.locator = bus.subscribe(e -> located.put(e.resourceId(), e.routerId()));
    }

    // ---- queries ----------------------------------------------------------------------------------------

    @Override
    public List<Router> routers(Principal who) {
        var statuses = statuses();
        return routers.findAll().stream().map(r -> GraphQlMapper.router(r, Optional.ofNullable(statuses.get(r.id())),
                clock.instant())).toList();
    }

    @Override
    public Optional<Router> router(Principal who, String id) {
        return findRouter(id).map(r -> GraphQlMapper.router(r, Optional.ofNullable(statuses().get(r.id())), clock.instant()));
    }

    @Override
    public Optional<Resource> resource(Principal who, String uuid) {
        ResourceId id = ResourceId.parse(uuid);
        return locate(id).flatMap(router -> store.find(router, id)).map(mapper::resource);
    }

    @Override
    public ResourceConnection resources(Principal who, String routerId, ResourceKind kind, int first, String after) {
        RouterId router = requireRouter(routerId).id();
        var k = Optional.ofNullable(kind);
        var position = after == null ? new Cursors.ResourcePosition(Optional.empty(), 0) : Cursors.resource(after);
        Optional<String> base = position.base();
        boolean exhausted = false;
        if (position.skip() > 0) {
            Page<com.nasnetconnect.domain.state.Resource> skipped = store.list(router, k, new PageRequest(position.skip(), base));
            exhausted = skipped.items().size() < position.skip() || !skipped.hasNextPage();
            base = skipped.endCursor().or(() -> position.base());
        }
        Page<com.nasnetconnect.domain.state.Resource> page = exhausted
                ? new Page<>(List.of(), Optional.empty(), false)
                : store.list(router, k, new PageRequest(first, base));
        var edges = new ArrayList<ResourceEdge>();
        for (int i = 0; i < page.items().size(); i++) {
            var r = page.items().get(i);
            located.put(r.id(), router);
            boolean last = i == page.items().size() - 1;
            String cursor = last && page.endCursor().isPresent() ? Cursors.resource(page.endCursor(), 0) : Cursors.resource(base, i + 1);
            edges.add(new ResourceEdge(cursor, mapper.resource(r)));
        }
        var info = new PageInfo(page.hasNextPage(), after != null,
                edges.isEmpty() ? null : edges.getFirst().getCursor(), edges.isEmpty() ? null : edges.getLast().getCursor());
        return new ResourceConnection(edges, info, count(router, k));
    }

    @Override
    public Optional<Resource> resourceAt(Principal who, String uuid, Instant at) {
        ResourceId id = ResourceId.parse(uuid);
        Optional<RouterId> router = Optional.ofNullable(located.get(id));
        if (router.isEmpty()) {
            router = routers.findAll().stream().map(com.nasnetconnect.domain.router.Router::id)
                    .filter(r -> !unlessQuarantined(() -> events.history(r, id), List.of()).isEmpty()).findFirst();
            router.ifPresent(r -> located.put(id, r));
        }
        return router.flatMap(r -> events.resourceAt(r, id, at)).map(mapper::resource);
    }

    @Override
    public Impact impact(Principal who, String uuid) {
        ResourceId id = ResourceId.parse(uuid);
        RouterId router = locate(id).orElseThrow(() -> new IllegalArgumentException("no resource " + Echo.of(uuid)));
        var found = resources.impactOfDeleting(router, id);
        var affected = found.affected().stream().map(ImpactedResource::id)
                .flatMap(a -> store.find(router, a).stream()).map(mapper::resource).toList();
        return new Impact(uuid, affected, !found.safeToDelete());
    }

    /** Newest first. The event log pages oldest first, so the window is read through once per page. */
    @Override
    public EventConnection events(Principal who, String routerId, Instant since, Instant until, int first, String after) {
        if (first < 1 || first > PageRequest.MAX) throw new IllegalArgumentException("first must be 1.." + PageRequest.MAX + ": " + first);
        RouterId router = requireRouter(routerId).id();
        long before = after == null ? Long.MAX_VALUE : Cursors.event(after);
        var newest = new ArrayDeque<com.nasnetconnect.domain.state.ResourceEvent>();
        PageRequest request = PageRequest.first(PageRequest.MAX);
        while (true) {
            var page = events.events(router, Optional.ofNullable(since), Optional.ofNullable(until), request);
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
        var edges = newest.stream().map(e -> {
            located.put(e.resourceId(), router);
            return new EventEdge(Cursors.event(e.sequence()), mapper.event(e));
        }).toList();
        return new EventConnection(edges, new PageInfo(more, after != null,
                edges.isEmpty() ? null : edges.getFirst().getCursor(), edges.isEmpty() ? null : edges.getLast().getCursor()));
    }

    @Override
    public Optional<String> configurationValue(Principal who, String uuid, String field) {
        ResourceId id = ResourceId.parse(uuid);
        return locate(id).flatMap(r -> store.find(r, id)).flatMap(r -> r.configuration().string(field));
    }

    // ---- routers ----------------------------------------------------------------------------------------

    @Override
    public RouterPayload addRouter(Principal who, AddRouterInput input) {
        who.require(Role.OPERATOR, "add routers");
        var added = register(input);
        return new RouterPayload(added.router().map(this::view).orElse(null), added.errors());
    }

    @Override
    public AdoptRouterPayload adoptRouter(Principal who, AddRouterInput input) {
        who.require(Role.OPERATOR, "adopt routers");
        var added = register(input);
        if (added.router().isEmpty()) return new AdoptRouterPayload(null, List.of(), added.errors());
        var router = added.router().get();
        var specs = ResourceKindSpecs.defaults();
        var kinds = EnumSet.noneOf(com.nasnetconnect.domain.schema.types.ResourceKind.class);
        for (var k : com.nasnetconnect.domain.schema.types.ResourceKind.values()) {
            if (specs.spec(k).requiredPackage().map(added.platform()::hasPackage).orElse(true)) kinds.add(k);
        }
        try {
            var merged = adopt.adopt(router, kinds, who.name());
            var adopted = merged.stream().map(m -> ResourceId.parse(m.resource().id()))
                    .flatMap(id -> store.find(router.id(), id).stream()).map(mapper::resource).toList();
            return new AdoptRouterPayload(view(router), adopted, List.of());
        } catch (RouterException | StateException e) {
            routers.delete(router.id());
            gateway.disconnect(router.endpoint());
            status.refreshNow();
            return new AdoptRouterPayload(null, List.of(), List.of(error(List.of("input", "host"),
                    "reading the existing configuration of " + router.endpoint().address() + " failed, the router was not added: "
                            + e.getMessage(), router.endpoint().address())));
        }
    }

    @Override
    public RouterPayload removeRouter(Principal who, String id) {
        who.require(Role.OPERATOR, "remove routers");
        var router = findRouter(id);
        if (router.isEmpty()) return new RouterPayload(null, List.of(error(List.of("id"), "no router " + Echo.of(id), id)));
        var view = view(router.get());
        routers.delete(router.get().id());
        gateway.disconnect(router.get().endpoint());
        status.refreshNow();
        return new RouterPayload(view, List.of());
    }

    private record Registered(Optional<com.nasnetconnect.domain.router.Router> router, PlatformInfo platform,
                              List<UserError> errors) {
        static Registered refused(UserError e) {
            return new Registered(Optional.empty(), null, List.of(e));
        }
    }

    /** Checks the input, logs in and reads the platform (RouterOS 7 needed), then saves. Nothing is saved on failure. */
    private Registered register(AddRouterInput in) {
        int port = in.getPort() == null ? 8728 : in.getPort();
        String address = in.getHost() + ":" + port;
        RouterEndpoint endpoint;
        com.nasnetconnect.domain.router.Router router;
        try {
            endpoint = new RouterEndpoint(in.getHost(), port, Boolean.TRUE.equals(in.getTls()), in.getUsername(),
                    Secret.of(in.getPassword() == null ? "" : in.getPassword()));
            router = new com.nasnetconnect.domain.router.Router(RouterId.random(), in.getName(), endpoint, false, clock.instant());
        } catch (IllegalArgumentException e) {
            return Registered.refused(error(List.of("input"), e.getMessage(), null));
        }
        for (var existing : routers.findAll()) {
            if (existing.endpoint().address().equalsIgnoreCase(endpoint.address())) {
                return Registered.refused(error(List.of("input", "host"), "router " + existing.id() + " ('" + existing.name()
                        + "') already uses " + endpoint.address(), address));
            }
        }
        PlatformInfo platform;
        try {
            platform = gateway.platform(endpoint);
        } catch (RouterException.LoginFailed e) {
            gateway.disconnect(endpoint);
            return Registered.refused(error(List.of("input", "username"), e.getMessage()
                    + ": check the user name and password", in.getUsername()));
        } catch (RouterException e) {
            gateway.disconnect(endpoint);
            return Registered.refused(error(List.of("input", "host"), "router at " + address + " did not answer as RouterOS: "
                    + e.getMessage(), address));
        }
        if (!platform.atLeast(7, 0)) {
            gateway.disconnect(endpoint);
            return Registered.refused(error(List.of("input", "host"), "router at " + address + " runs RouterOS "
                    + platform.version() + "; RouterOS 7 or later is needed", platform.version()));
        }
        routers.save(router);
        status.refreshNow();
        return new Registered(Optional.of(router), platform, List.of());
    }

    // ---- resources --------------------------------------------------------------------------------------

    @Override
    public ResourcePayload create(Principal who, String routerId, ResourceKind kind, Object input) {
        who.require(Role.OPERATOR, "create resources");
        var router = findRouter(routerId);
        if (router.isEmpty()) return new ResourcePayload(null, List.of(error(List.of("routerId"), "no router " + Echo.of(routerId), routerId)));
        var desired = new DesiredResource(UUID.randomUUID().toString(), kind, GraphQlMapper.desired(input));
        return applyOne(who, router.get(), desired, List.of("input"));
    }

    @Override
    public ResourcePayload update(Principal who, String uuid, ResourceKind kind, Object input) {
        who.require(Role.OPERATOR, "update resources");
        var current = existing(uuid);
        if (current.isEmpty()) return new ResourcePayload(null, List.of(error(List.of("uuid"), "no resource " + Echo.of(uuid), uuid)));
        var r = current.get();
        if (r.kind() != kind) {
            return new ResourcePayload(null, List.of(error(List.of("uuid"), "resource " + uuid + " is a " + r.kind()
                    + ", not a " + kind + "; use the update mutation of its kind", uuid)));
        }
        var router = routers.find(r.routerId());
        if (router.isEmpty()) return new ResourcePayload(null, List.of(error(List.of("uuid"), "the router of resource " + uuid + " was removed", uuid)));
        return applyOne(who, router.get(), new DesiredResource(uuid, r.kind(), merged(r, input)), List.of("input"));
    }

    @Override
    public DeletePayload delete(Principal who, String uuid, boolean cascade) {
        who.require(Role.OPERATOR, "delete resources");
        var current = existing(uuid);
        if (current.isEmpty()) return new DeletePayload(List.of(), List.of(error(List.of("uuid"), "no resource " + Echo.of(uuid), uuid)));
        var r = current.get();
        var router = routers.find(r.routerId());
        if (router.isEmpty()) return new DeletePayload(List.of(), List.of(error(List.of("uuid"), "the router of resource " + uuid + " was removed", uuid)));
        var impact = resources.impactOfDeleting(r.routerId(), r.id());
        if (!impact.safeToDelete() && !cascade) {
            return new DeletePayload(List.of(), List.of(error(List.of("cascade"), new StateException.HasDependents(impact).getMessage()
                    + "; dependents: " + impact.affected().stream().map(a -> a.id().toString()).toList(), "false")));
        }
        var changes = new ArrayList<Change>();
        changes.add(Change.delete(uuid));
        impact.affected().forEach(a -> changes.add(Change.delete(a.id().toString())));
        try {
            ApplyResult result = apply.apply(router.get(), new ChangePlan(changes, who.name()));
            var deleted = result.changes().stream().filter(m -> m.change() == MergedChange.Kind.DELETED)
                    .map(m -> m.resource().id()).toList();
            return new DeletePayload(deleted, List.of());
        } catch (ApplyException | RouterException | StateException e) {
            Map<String, List<String>> paths = new HashMap<>();
            paths.put(uuid, List.of("uuid"));
            return new DeletePayload(List.of(), refusal(e, paths, List.of("uuid")));
        }
    }

    @Override
    public ApplyPlanPayload applyPlan(Principal who, String routerId, List<PlanChangeInput> input) {
        who.require(Role.OPERATOR, "apply plans");
        var router = findRouter(routerId);
        if (router.isEmpty()) return new ApplyPlanPayload(List.of(), List.of(error(List.of("routerId"), "no router " + Echo.of(routerId), routerId)));
        var errors = new ArrayList<UserError>();
        var changes = new ArrayList<Change>();
        var paths = new LinkedHashMap<String, List<String>>();
        var upsertOrder = new ArrayList<String>();
        for (int i = 0; i < input.size(); i++) {
            PlanChangeInput c = input.get(i);
            List<String> at = List.of("changes", String.valueOf(i));
            String field = GraphQlMapper.planInputField(c.getKind());
            List<String> given = GraphQlMapper.givenPlanInputs(c);
            boolean wantsInput = c.getOp() != PlanOp.DELETE;
            if (wantsInput ? !given.equals(List.of(field)) : !given.isEmpty()) {
                errors.add(error(plus(at, wantsInput ? field : given.getFirst()), c.getOp() + " of " + c.getKind()
                        + (wantsInput ? " needs exactly the '" + field + "' input" : " takes no input") + ", got " + given, String.join(",", given)));
                continue;
            }
            if (c.getOp() == PlanOp.CREATE) {
                if (c.getUuid() != null) {
                    errors.add(error(plus(at, "uuid"), "CREATE takes no uuid (the server assigns one)", c.getUuid()));
                    continue;
                }
                var desired = new DesiredResource(UUID.randomUUID().toString(), c.getKind(),
                        GraphQlMapper.desired(GraphQlMapper.planInput(c)));
                paths.put(desired.id(), plus(at, field));
                upsertOrder.add(desired.id());
                changes.add(Change.upsert(desired));
                continue;
            }
            var current = c.getUuid() == null ? Optional.<com.nasnetconnect.domain.state.Resource>empty() : existing(c.getUuid());
            if (current.isEmpty() || !current.get().routerId().equals(router.get().id())) {
                errors.add(error(plus(at, "uuid"), c.getOp() + " needs the uuid of a resource of router " + routerId
                        + (c.getUuid() == null ? "" : "; there is none with " + c.getUuid()), c.getUuid()));
                continue;
            }
            var r = current.get();
            if (r.kind() != c.getKind()) {
                errors.add(error(plus(at, "kind"), "resource " + c.getUuid() + " is a " + r.kind() + ", not a " + c.getKind(),
                        c.getKind().name()));
                continue;
            }
            if (c.getOp() == PlanOp.UPDATE) {
                paths.put(c.getUuid(), plus(at, field));
                upsertOrder.add(c.getUuid());
                changes.add(Change.upsert(new DesiredResource(c.getUuid(), r.kind(), merged(r, GraphQlMapper.planInput(c)))));
            } else {
                paths.put(c.getUuid(), plus(at, "uuid"));
                changes.add(Change.delete(c.getUuid()));
            }
        }
        if (!errors.isEmpty()) return new ApplyPlanPayload(List.of(), errors);
        try {
            apply.apply(router.get(), new ChangePlan(changes, who.name()));
        } catch (ApplyException | RouterException | StateException | IllegalArgumentException e) {
            return new ApplyPlanPayload(List.of(), refusal(e, paths, List.of("changes")));
        }
        var out = upsertOrder.stream().map(ResourceId::parse).flatMap(id -> store.find(router.get().id(), id).stream())
                .map(mapper::resource).toList();
        return new ApplyPlanPayload(out, List.of());
    }

    @Override
    public CheckDriftPayload checkDrift(Principal who, String routerId) {
        who.require(Role.OPERATOR, "check drift");
        var router = findRouter(routerId);
        if (router.isEmpty()) return new CheckDriftPayload(null, 0, List.of(), List.of(error(List.of("routerId"), "no router " + Echo.of(routerId), routerId)));
        List<DriftReport> reports;
        try {
            reports = changes.checkDrift(who, router.get().id());
        } catch (RouterException | StateException e) {
            return new CheckDriftPayload(null, 0, List.of(), List.of(error(List.of("routerId"), "the drift check could not read router '"
                    + router.get().name() + "': " + e.getMessage(), routerId)));
        }
        var drifted = reports.stream().filter(DriftReport::drifted).map(r -> ResourceId.parse(r.resourceId()))
                .flatMap(id -> store.find(router.get().id(), id).stream()).map(mapper::resource).toList();
        Instant at = reports.stream().map(DriftReport::checkedAt).findFirst().orElse(clock.instant());
        return new CheckDriftPayload(at, reports.size(), drifted, List.of());
    }

    private ResourcePayload applyOne(Principal who, com.nasnetconnect.domain.router.Router router, DesiredResource desired,
                                     List<String> inputPath) {
        try {
            apply.apply(router, ChangePlan.of(who.name(), Change.upsert(desired)));
        } catch (ApplyException | RouterException | StateException e) {
            return new ResourcePayload(null, refusal(e, Map.of(desired.id(), inputPath), inputPath));
        }
        var id = ResourceId.parse(desired.id());
        located.put(id, router.id());
        return new ResourcePayload(store.find(router.id(), id).map(mapper::resource).orElse(null), List.of());
    }

    /** The stored configuration as router text, overlaid with the input's non-null fields. */
    private static Map<String, String> merged(com.nasnetconnect.domain.state.Resource current, Object input) {
        var out = new LinkedHashMap<String, String>();
        current.configuration().values().forEach((k, v) -> out.put(k, GraphQlMapper.text(v)));
        out.putAll(GraphQlMapper.desired(input));
        return out;
    }

    // ---- subscriptions ----------------------------------------------------------------------------------

    @Override
    public AutoCloseable onResourceChanged(Principal who, String routerId, Consumer<ResourceChange> listener) {
        RouterId router = requireRouter(routerId).id();
        return bus.subscribe(router, e -> listener.accept(mapper.change(e)));
    }

    @Override
    public AutoCloseable onRouterStatus(Principal who, String routerId, Consumer<RouterStatus> listener) {
        Optional<RouterId> only = routerId == null ? Optional.empty() : Optional.of(requireRouter(routerId).id());
        return status.subscribe(all -> all.stream().filter(s -> only.map(s.routerId()::equals).orElse(true))
                .map(GraphQlMapper::status).forEach(listener));
    }

    @Override
    public AutoCloseable onEvent(Principal who, String routerId, Consumer<ResourceEvent> listener) {
        RouterId router = requireRouter(routerId).id();
        return bus.subscribe(router, e -> listener.accept(mapper.event(e)));
    }

    /** Stops indexing resource locations (the bus subscription); the backend still answers, by scanning. */
    @Override
    public void close() {
        locator.close();
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private Map<RouterId, com.nasnetconnect.domain.router.RouterStatus> statuses() {
        var out = new HashMap<RouterId, com.nasnetconnect.domain.router.RouterStatus>();
        status.current().forEach(s -> out.put(s.routerId(), s));
        return out;
    }

    private Router view(com.nasnetconnect.domain.router.Router r) {
        return GraphQlMapper.router(r, Optional.ofNullable(statuses().get(r.id())), clock.instant());
    }

    private Optional<com.nasnetconnect.domain.router.Router> findRouter(String id) {
        if (id == null) return Optional.empty();
        try {
            return routers.find(new RouterId(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private com.nasnetconnect.domain.router.Router requireRouter(String id) {
        return findRouter(id).orElseThrow(() -> new IllegalArgumentException("no router '" + id + "'"));
    }

    /** The router holding a live resource: from the index, else by asking each router's store. */
    private Optional<RouterId> locate(ResourceId id) {
        RouterId known = located.get(id);
        if (known != null) return Optional.of(known);
        for (var r : routers.findAll()) {
            if (unlessQuarantined(() -> store.find(r.id(), id), Optional.empty()).isPresent()) {
                located.put(id, r.id());
                return Optional.of(r.id());
            }
        }
        return Optional.empty();
    }

    /** One router's read while scanning every router: a router whose database is quarantined holds nothing to find. */
    private static <T> T unlessQuarantined(java.util.function.Supplier<T> read, T nothing) {
        try {
            return read.get();
        } catch (StateException.Quarantined e) {
            return nothing;
        }
    }

    private Optional<com.nasnetconnect.domain.state.Resource> existing(String uuid) {
        ResourceId id;
        try {
            id = ResourceId.parse(uuid);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return locate(id).flatMap(r -> store.find(r, id));
    }

    private int count(RouterId router, Optional<com.nasnetconnect.domain.schema.types.ResourceKind> kind) {
        int n = 0;
        PageRequest request = PageRequest.first(PageRequest.MAX);
        while (true) {
            var page = store.list(router, kind, request);
            n += page.items().size();
            if (!page.hasNextPage() || page.endCursor().isEmpty()) return n;
            request = request.after(page.endCursor().get());
        }
    }

    /**
     * A refused change as userErrors. Validation issues each name their field (under the input path of the
     * resource they are about) and the bad value; a router refusal names the failing command and the router's
     * message.
     */
    private static List<UserError> refusal(RuntimeException e, Map<String, List<String>> inputPaths, List<String> fallback) {
        return switch (e) {
            case ApplyException.Invalid invalid -> invalid.errors().stream().map(i -> {
                List<String> base = inputPaths.getOrDefault(i.resourceId(), fallback);
                List<String> path = switch (i.field()) {
                    case "id", "kind", "nativeId" -> base.getFirst().equals("input") ? List.of("uuid") : base;
                    case "router" -> List.of("routerId");
                    default -> plus(base, i.field());
                };
                String shown = i.value() == null ? "" : "='" + i.value() + "'";
                return error(path, i.field() + shown + ": " + i.message(), i.value());
            }).toList();
            case ApplyException.Rejected r -> List.of(error(fallback, "the router refused command " + r.failedStep() + " of "
                    + r.totalSteps() + " (" + r.failedCommand() + "): " + r.routerMessage() + "; "
                    + (r.routerRestored() ? "the commands before it were undone" : "the router reverts on its own"), null));
            case ApplyException a -> List.of(error(fallback, a.getMessage(), null));
            case RouterException r -> List.of(error(fallback, "router problem: " + r.getMessage(), null));
            default -> List.of(error(fallback, e.getMessage(), null));
        };
    }

    // ---- API keys (the domain service checks that the caller is an admin, and audits) ----------------------

    @Override
    public List<ApiKey> apiKeys(Principal who) {
        return apiKeys.list(who).stream().map(this::apiKey).toList();
    }

    @Override
    public CreateApiKeyPayload createApiKey(Principal who, String name, AccessRole role, Instant expiresAt) {
        try {
            CreatedApiKey created = apiKeys.create(who, name, com.nasnetconnect.domain.security.Role.valueOf(role.name()),
                    expiresAt);
            return new CreateApiKeyPayload(apiKey(created.info()), created.token().reveal(), List.of());
        } catch (ApiKeys.BadExpiry refused) {
            return new CreateApiKeyPayload(null, null,
                    List.of(error(List.of("expiresAt"), refused.getMessage(), String.valueOf(expiresAt))));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return new CreateApiKeyPayload(null, null, List.of(error(List.of("name"), refused.getMessage(), name)));
        }
    }

    @Override
    public ApiKeyPayload revokeApiKey(Principal who, String name) {
        try {
            return new ApiKeyPayload(apiKey(apiKeys.revoke(who, name)), List.of());
        } catch (IllegalArgumentException | IllegalStateException refused) {
            return new ApiKeyPayload(null, List.of(error(List.of("name"), refused.getMessage(), name)));
        }
    }

    private ApiKey apiKey(ApiKeyInfo k) {
        return new ApiKey(k.name(), AccessRole.valueOf(k.role().name()), k.createdAt(), k.createdBy(), k.lastUsedAt(),
                k.revokedAt(), k.activeAt(clock.instant()), k.expiresAt());
    }

    /** A user error; the rejected value is echoed shortened ({@link Echo}), as in every message. */
    private static UserError error(List<String> field, String message, String value) {
        return new UserError(field, message, value == null ? null : Echo.of(value));
    }

    private static List<String> plus(List<String> path, String field) {
        var out = new ArrayList<>(path);
        out.add(field);
        return List.copyOf(out);
    }
}

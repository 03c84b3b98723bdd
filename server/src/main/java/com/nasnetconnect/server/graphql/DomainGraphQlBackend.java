package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.apply.AdoptService;
import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.apply.DesiredResource;
import com.nasnetconnect.domain.apply.MergedChange;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.schema.types.AddRouterInput;
import com.nasnetconnect.domain.schema.types.AdoptRouterPayload;
import com.nasnetconnect.domain.schema.types.ApplyPlanPayload;
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
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceService;
import com.nasnetconnect.domain.state.ResourceStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@link GraphQlBackend} over the domain's in-ports: routers and their live status, resource state, the
 * event log (time travel), impact analysis, apply-confirm-merge and adopt, and the resource event bus for
 * subscriptions. Changes to resources always go through apply (validated, applied to the router, confirmed,
 * then stored); refusals come back as {@code userErrors} naming field and value.
 */
public final class DomainGraphQlBackend implements GraphQlBackend {
    private final RouterRepository routers;
    private final RouterStatusFeed statusFeed;
    private final ResourceStore store;
    private final EventLog events;
    private final ResourceService resources;
    private final ApplyConfirmMergeService apply;
    private final AdoptService adopt;
    private final ResourceEventBus bus;
    private final Clock clock;

    public DomainGraphQlBackend(RouterRepository routers, RouterStatusFeed statusFeed, ResourceStore store, EventLog events,
                                ResourceService resources, ApplyConfirmMergeService apply, AdoptService adopt,
                                ResourceEventBus bus, Clock clock) {
        this.routers = Objects.requireNonNull(routers, "routers");
        this.statusFeed = Objects.requireNonNull(statusFeed, "statusFeed");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.resources = Objects.requireNonNull(resources, "resources");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.adopt = Objects.requireNonNull(adopt, "adopt");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- routers -----------------------------------------------------------------------------------------

    @Override
    public List<Router> routers(Principal who) {
        return routers.findAll().stream().map(this::router).toList();
    }

    @Override
    public Optional<Router> router(Principal who, String id) {
        return routers.find(new RouterId(id)).map(this::router);
    }

    private Router router(com.nasnetconnect.domain.router.Router r) {
        var e = r.endpoint();
        return new Router(r.id().value(), r.name(), e.host(), e.port(), e.tls(), e.username(), r.demo(), r.addedAt(), status(r));
    }

    private RouterStatus status(com.nasnetconnect.domain.router.Router r) {
        var s = statusFeed.current().stream().filter(x -> x.routerId().equals(r.id())).findFirst()
                .orElseGet(() -> com.nasnetconnect.domain.router.RouterStatus.unknown(r, clock.instant()));
        return status(s);
    }

    private static RouterStatus status(com.nasnetconnect.domain.router.RouterStatus s) {
        return new RouterStatus(s.routerId().value(), s.reachable(), s.identity().orElse(null), s.version().orElse(null),
                s.board().orElse(null), s.uptime().map(d -> (int) Math.min(Integer.MAX_VALUE, d.toSeconds())).orElse(null),
                s.cpuLoadPercent().orElse(null), s.freeMemoryBytes().map(Long::doubleValue).orElse(null),
                s.totalMemoryBytes().map(Long::doubleValue).orElse(null), s.problem().orElse(null), s.checkedAt());
    }

    @Override
    public RouterPayload addRouter(Principal who, AddRouterInput input) {
        who.require(Role.OPERATOR, "add routers");
        var router = register(input);
        return new RouterPayload(router(router), List.of());
    }

    @Override
    public AdoptRouterPayload adoptRouter(Principal who, AddRouterInput input) {
        who.require(Role.OPERATOR, "adopt routers");
        var router = register(input);
        try {
            List<MergedChange> adopted = adopt.adopt(router, EnumSet.allOf(com.nasnetconnect.domain.state.ResourceKind.class), who.name());
            var found = adopted.stream().map(m -> store.find(router.id(), ResourceId.parse(m.resource().id())))
                    .flatMap(Optional::stream).map(SchemaTypes::resource).toList();
            return new AdoptRouterPayload(router(router), found, List.of());
        } catch (RuntimeException e) {
            return new AdoptRouterPayload(router(router), List.of(), List.of(error(List.of("input"),
                    "router registered, but adopting its configuration failed: " + e.getMessage(), null)));
        }
    }

    private com.nasnetconnect.domain.router.Router register(AddRouterInput in) {
        var endpoint = new RouterEndpoint(in.getHost(), in.getPort() == null ? 8728 : in.getPort(),
                Boolean.TRUE.equals(in.getTls()), in.getUsername(), Secret.of(in.getPassword()));
        var router = new com.nasnetconnect.domain.router.Router(RouterId.random(), in.getName(), endpoint, false, clock.instant());
        routers.save(router);
        return router;
    }

    @Override
    public RouterPayload removeRouter(Principal who, String id) {
        who.require(Role.OPERATOR, "remove routers");
        var router = routers.find(new RouterId(id));
        if (router.isEmpty()) return new RouterPayload(null, List.of(error(List.of("id"), "no router " + id, id)));
        routers.delete(router.get().id());
        return new RouterPayload(router(router.get()), List.of());
    }

    // ---- resources ---------------------------------------------------------------------------------------

    @Override
    public Optional<Resource> resource(Principal who, String uuid) {
        return find(uuid).map(SchemaTypes::resource);
    }

    private Optional<com.nasnetconnect.domain.state.Resource> find(String uuid) {
        ResourceId id = ResourceId.parse(uuid);
        for (var r : routers.findAll()) {
            var found = store.find(r.id(), id);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    @Override
    public ResourceConnection resources(Principal who, String routerId, ResourceKind kind, int first, String after) {
        var page = store.list(new RouterId(routerId), Optional.ofNullable(kind).map(SchemaTypes::kind),
                new PageRequest(first, Optional.ofNullable(after)));
        var edges = page.items().stream().map(r -> new ResourceEdge(r.id().toString(), SchemaTypes.resource(r))).toList();
        return new ResourceConnection(edges, new PageInfo(page.hasNextPage(), after != null,
                edges.isEmpty() ? null : edges.getFirst().getCursor(), page.endCursor().orElse(null)), edges.size());
    }

    @Override
    public Optional<Resource> resourceAt(Principal who, String uuid, Instant at) {
        ResourceId id = ResourceId.parse(uuid);
        for (var r : routers.findAll()) {
            if (!events.history(r.id(), id).isEmpty()) return events.resourceAt(r.id(), id, at).map(SchemaTypes::resource);
        }
        return Optional.empty();
    }

    @Override
    public Impact impact(Principal who, String uuid) {
        var target = find(uuid).orElseThrow(() -> new IllegalArgumentException("no resource " + uuid));
        var impact = resources.impactOfDeleting(target.routerId(), target.id());
        var affected = impact.affected().stream().map(a -> store.find(target.routerId(), a.id()))
                .flatMap(Optional::stream).map(SchemaTypes::resource).toList();
        return new Impact(uuid, affected, !impact.safeToDelete());
    }

    @Override
    public EventConnection events(Principal who, String routerId, Instant since, Instant until, int first, String after) {
        var page = events.events(new RouterId(routerId), Optional.ofNullable(since), Optional.ofNullable(until),
                new PageRequest(first, Optional.ofNullable(after)));
        var edges = page.items().stream().map(e -> new EventEdge(Long.toString(e.sequence()), event(e))).toList();
        return new EventConnection(edges, new PageInfo(page.hasNextPage(), after != null,
                edges.isEmpty() ? null : edges.getFirst().getCursor(), page.endCursor().orElse(null)));
    }

    private static ResourceEvent event(com.nasnetconnect.domain.state.ResourceEvent e) {
        return new ResourceEvent(e.routerId().value() + ":" + e.sequence(), e.routerId().value(), e.resourceId().toString(),
                SchemaTypes.kind(e.kind()), SchemaTypes.eventType(e.type()), e.at(), e.actor(), SchemaTypes.changes(e.changes()));
    }

    // ---- changes (all through apply-confirm-merge) -------------------------------------------------------

    @Override
    public ResourcePayload create(Principal who, String routerId, ResourceKind kind, Object input) {
        who.require(Role.OPERATOR, "create resources");
        var router = routers.find(new RouterId(routerId));
        if (router.isEmpty()) return new ResourcePayload(null, List.of(error(List.of("routerId"), "no router " + routerId, routerId)));
        var desired = desired(ResourceId.random(), kind, input);
        return applyOne(who, router.get(), desired);
    }

    @Override
    public ResourcePayload update(Principal who, String uuid, ResourceKind kind, Object input) {
        who.require(Role.OPERATOR, "change resources");
        var current = find(uuid);
        if (current.isEmpty()) return new ResourcePayload(null, List.of(error(List.of("uuid"), "no resource " + uuid, uuid)));
        if (SchemaTypes.kind(current.get().kind()) != kind) {
            return new ResourcePayload(null, List.of(error(List.of("uuid"), "resource " + uuid + " is a "
                    + current.get().kind() + ", not a " + kind, uuid)));
        }
        var router = routers.find(current.get().routerId()).orElseThrow();
        return applyOne(who, router, desired(current.get().id(), kind, input));
    }

    private ResourcePayload applyOne(Principal who, com.nasnetconnect.domain.router.Router router, DesiredResource desired) {
        var errors = run(router, ChangePlan.of(who.name(), new Change.Upsert(desired)));
        if (!errors.isEmpty()) return new ResourcePayload(null, errors);
        return new ResourcePayload(store.find(router.id(), ResourceId.parse(desired.id())).map(SchemaTypes::resource).orElse(null), List.of());
    }

    @Override
    public DeletePayload delete(Principal who, String uuid, boolean cascade) {
        who.require(Role.OPERATOR, "delete resources");
        var target = find(uuid);
        if (target.isEmpty()) return new DeletePayload(List.of(), List.of(error(List.of("uuid"), "no resource " + uuid, uuid)));
        var impact = resources.impactOfDeleting(target.get().routerId(), target.get().id());
        if (!impact.safeToDelete() && !cascade) {
            String names = String.join(", ", impact.affected().stream().map(a -> a.kind() + " " + a.name()).toList());
            return new DeletePayload(List.of(), List.of(error(List.of("cascade"),
                    "resource " + uuid + " has dependents (" + names + "); delete with cascade: true to remove them too", "false")));
        }
        var changes = new ArrayList<Change>();
        var deleted = new ArrayList<String>();
        for (var a : impact.affected().reversed()) {
            changes.add(new Change.Delete(a.id().toString()));
            deleted.add(a.id().toString());
        }
        changes.add(new Change.Delete(uuid));
        deleted.add(uuid);
        var router = routers.find(target.get().routerId()).orElseThrow();
        var errors = run(router, new ChangePlan(changes, who.name()));
        return errors.isEmpty() ? new DeletePayload(deleted, List.of()) : new DeletePayload(List.of(), errors);
    }

    @Override
    public ApplyPlanPayload applyPlan(Principal who, String routerId, List<PlanChangeInput> plan) {
        who.require(Role.OPERATOR, "apply plans");
        var router = routers.find(new RouterId(routerId));
        if (router.isEmpty()) return new ApplyPlanPayload(List.of(), List.of(error(List.of("routerId"), "no router " + routerId, routerId)));
        var changes = new ArrayList<Change>();
        var ids = new ArrayList<String>();
        for (int i = 0; i < plan.size(); i++) {
            var c = plan.get(i);
            String path = "changes[" + i + "]";
            if (c.getOp() == PlanOp.DELETE) {
                if (c.getUuid() == null) return planError(path + ".uuid", "a delete needs the uuid");
                changes.add(new Change.Delete(c.getUuid()));
                continue;
            }
            Object input = planInput(c);
            if (input == null) return planError(path, c.getOp() + " of " + c.getKind() + " needs its input field set");
            if (c.getOp() == PlanOp.UPDATE && c.getUuid() == null) return planError(path + ".uuid", "an update needs the uuid");
            ResourceId id = c.getOp() == PlanOp.CREATE ? ResourceId.random() : ResourceId.parse(c.getUuid());
            changes.add(new Change.Upsert(desired(id, c.getKind(), input)));
            ids.add(id.toString());
        }
        var errors = run(router.get(), new ChangePlan(changes, who.name()));
        if (!errors.isEmpty()) return new ApplyPlanPayload(List.of(), errors);
        var out = ids.stream().map(id -> store.find(router.get().id(), ResourceId.parse(id)))
                .flatMap(Optional::stream).map(SchemaTypes::resource).toList();
        return new ApplyPlanPayload(out, List.of());
    }

    private static ApplyPlanPayload planError(String path, String message) {
        return new ApplyPlanPayload(List.of(), List.of(error(List.of(path.split("\\.")), message, null)));
    }

    /** The typed input of a plan change: the field named after its kind ({@code BRIDGE_PORT} -> {@code bridgePort}). */
    private static Object planInput(PlanChangeInput c) {
        String type = SchemaDirectives.typeName(c.getKind());
        try {
            return PlanChangeInput.class.getMethod("get" + type).invoke(c);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("PlanChangeInput has no field for kind " + c.getKind(), e);
        }
    }

    @Override
    public Optional<String> configurationValue(Principal who, String uuid, String field) {
        return find(uuid).flatMap(r -> r.configuration().string(field));
    }

    /** Runs a plan; a refusal becomes user errors (field + value), never an exception. */
    private List<UserError> run(com.nasnetconnect.domain.router.Router router, ChangePlan plan) {
        try {
            apply.apply(router, plan);
            return List.of();
        } catch (ApplyException.Invalid e) {
            return e.errors().stream().map(i -> error(List.of("input", i.field()), i.message(), i.value())).toList();
        } catch (ApplyException.Rejected e) {
            return List.of(error(List.of("input"), "router refused " + e.failedCommand() + ": " + e.routerMessage()
                    + (e.routerRestored() ? " (router restored)" : " (router NOT restored)"), null));
        } catch (ApplyException e) {
            return List.of(error(List.of("input"), e.getMessage(), null));
        }
    }

    private static DesiredResource desired(ResourceId id, ResourceKind kind, Object input) {
        var fields = new LinkedHashMap<String, Object>();
        SchemaTypes.fields(input).forEach((k, v) -> fields.put(k, v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : v));
        return DesiredResource.of(id, SchemaTypes.kind(kind), new Fields(fields));
    }

    private static UserError error(List<String> field, String message, String value) {
        return new UserError(field, message, value);
    }

    // ---- subscriptions -----------------------------------------------------------------------------------

    @Override
    public AutoCloseable onResourceChanged(Principal who, String routerId, Consumer<ResourceChange> listener) {
        return bus.subscribe(new RouterId(routerId), e -> listener.accept(new ResourceChange(e.routerId().value(),
                SchemaTypes.eventType(e.type()), e.resourceId().toString(), SchemaTypes.kind(e.kind()),
                e.state().map(SchemaTypes::resource).orElse(null), e.at())));
    }

    @Override
    public AutoCloseable onRouterStatus(Principal who, String routerId, Consumer<RouterStatus> listener) {
        return statusFeed.subscribe(all -> all.stream()
                .filter(s -> routerId == null || s.routerId().value().equals(routerId))
                .forEach(s -> listener.accept(status(s))));
    }

    @Override
    public AutoCloseable onEvent(Principal who, String routerId, Consumer<ResourceEvent> listener) {
        return bus.subscribe(new RouterId(routerId), e -> listener.accept(event(e)));
    }

}

package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.schema.types.UserError;
import com.nasnetconnect.domain.schema.types.RevealPayload;
import com.nasnetconnect.domain.apply.RevealSecret;
import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.apply.DriftReport;
import com.nasnetconnect.domain.apply.DriftResolution;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.telemetry.TelemetryQueries;
import com.nasnetconnect.domain.apply.RouterRegistration;
import com.nasnetconnect.domain.common.Echo;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.events.EventLogQueries;
import com.nasnetconnect.domain.factory.RoutingPolicies;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.schema.types.*;
import com.nasnetconnect.domain.security.ApiKeys;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.state.NoSuchResource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.server.graphql.GraphQlBackend;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import static com.nasnetconnect.server.graphql.backend.Arguments.requireRouterId;
import static com.nasnetconnect.server.graphql.backend.Arguments.routerId;
import static com.nasnetconnect.server.graphql.backend.UserErrors.plus;

/**
 * The {@link GraphQlBackend} over the domain's in-ports: {@link RouterRegistration} (routers), {@link ResourceQueries}
 * (resources, history, time travel, impact, events), {@link ResourceChanges} (every change, through
 * apply-confirm-merge), the {@link RouterStatusFeed} and {@link ApiKeys}. It only translates: arguments into
 * domain values, results into the schema's types, and domain refusals into {@code userErrors} naming the input
 * field and the bad value. Roles are checked by the in-ports. Sensitive values are returned in clear: the
 * GraphQL layer masks them (also inside event change maps).
 */
public final class DomainGraphQlBackend implements GraphQlBackend {
    private final RouterRegistration registration;
    private final ResourceQueries queries;
    private final ResourceChanges changes;
    private final RouterViews views;
    private final ApiKeyPayloads apiKeys;
    private final Clock clock;
    /** The domain's reveal of secret fields; absent on servers built without it. */
    private Optional<RevealSecret> secrets = Optional.empty();
    private final GraphQlMapper mapper = new GraphQlMapper();
    private final Optional<ServicePayloads> services;
    private final Optional<TelemetryQueries> telemetry;
    private final Optional<EventLogPayloads> eventLog;
    private Optional<UpdatePayloads> updates = Optional.empty();
    private final Optional<DriftResolution> drift;

    /** Without the Virtual Interface Factory: its queries answer with nothing, its mutations with a user error. */
    public DomainGraphQlBackend(RouterRegistration registration, ResourceQueries queries, ResourceChanges changes,
                                RouterStatusFeed status, ApiKeys apiKeys, Clock clock) {
        this(registration, queries, changes, status, apiKeys, clock, null, null, null, null);
    }

    /** With the Virtual Interface Factory's in-ports. */
    public DomainGraphQlBackend(RouterRegistration registration, ResourceQueries queries, ResourceChanges changes,
                                RouterStatusFeed status, ApiKeys apiKeys, ServiceFactory factory, RoutingPolicies policies,
                                Clock clock) {
        this(registration, queries, changes, status, apiKeys, clock, Objects.requireNonNull(factory, "factory"),
                Objects.requireNonNull(policies, "policies"), null, null);
    }

    /** With the Virtual Interface Factory's in-ports and the event log's ({@code eventLog}, {@code eventStorage}). */
    public DomainGraphQlBackend(RouterRegistration registration, ResourceQueries queries, ResourceChanges changes,
                                RouterStatusFeed status, ApiKeys apiKeys, ServiceFactory factory, RoutingPolicies policies,
                                EventLogQueries events, Clock clock) {
        this(registration, queries, changes, status, apiKeys, clock, Objects.requireNonNull(factory, "factory"),
                Objects.requireNonNull(policies, "policies"), Objects.requireNonNull(events, "events"), null);
    }

    /**
     * With the Virtual Interface Factory's in-ports, the event log's, and resources' runtime and telemetry from the
     * telemetry poller's.
     */
    public DomainGraphQlBackend(RouterRegistration registration, ResourceQueries queries, ResourceChanges changes,
                                RouterStatusFeed status, ApiKeys apiKeys, ServiceFactory factory, RoutingPolicies policies,
                                EventLogQueries events, TelemetryQueries telemetry, Clock clock) {
        this(registration, queries, changes, status, apiKeys, clock, Objects.requireNonNull(factory, "factory"),
                Objects.requireNonNull(policies, "policies"), Objects.requireNonNull(events, "events"),
                Objects.requireNonNull(telemetry, "telemetry"));
    }

    /** As above, with drift resolution ({@code acceptRouterValues}, {@code reapplyResource}). */
    public DomainGraphQlBackend(RouterRegistration registration, ResourceQueries queries, ResourceChanges changes,
                                RouterStatusFeed status, ApiKeys apiKeys, ServiceFactory factory, RoutingPolicies policies,
                                EventLogQueries events, TelemetryQueries telemetry, DriftResolution drift, Clock clock) {
        this(registration, queries, changes, status, apiKeys, clock, Objects.requireNonNull(factory, "factory"),
                Objects.requireNonNull(policies, "policies"), Objects.requireNonNull(events, "events"),
                Objects.requireNonNull(telemetry, "telemetry"), Objects.requireNonNull(drift, "drift"));
    }

    /** As above, with the domain's reveal of secret fields ({@code revealSecret}). */
    public DomainGraphQlBackend(RouterRegistration registration, ResourceQueries queries, ResourceChanges changes,
                                RouterStatusFeed status, ApiKeys apiKeys, ServiceFactory factory, RoutingPolicies policies,
                                EventLogQueries events, TelemetryQueries telemetry, RevealSecret secrets, Clock clock) {
        this(registration, queries, changes, status, apiKeys, clock, Objects.requireNonNull(factory, "factory"),
                Objects.requireNonNull(policies, "policies"), Objects.requireNonNull(events, "events"),
                Objects.requireNonNull(telemetry, "telemetry"));
        this.secrets = Optional.of(secrets);
    }

    private DomainGraphQlBackend(RouterRegistration registration, ResourceQueries queries, ResourceChanges changes,
                                 RouterStatusFeed status, ApiKeys apiKeys, Clock clock, ServiceFactory factory,
                                 RoutingPolicies policies, EventLogQueries events, TelemetryQueries telemetry) {
        this(registration, queries, changes, status, apiKeys, clock, factory, policies, events, telemetry, null);
    }

    private DomainGraphQlBackend(RouterRegistration registration, ResourceQueries queries, ResourceChanges changes,
                                 RouterStatusFeed status, ApiKeys apiKeys, Clock clock, ServiceFactory factory,
                                 RoutingPolicies policies, EventLogQueries events, TelemetryQueries telemetry,
                                 DriftResolution drift) {
        this.drift = Optional.ofNullable(drift);
        this.eventLog = Optional.ofNullable(events).map(EventLogPayloads::new);
        this.telemetry = Optional.ofNullable(telemetry);
        this.services = factory == null ? Optional.empty() : Optional.of(new ServicePayloads(factory, policies, queries, mapper));
        this.registration = Objects.requireNonNull(registration, "registration");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.views = new RouterViews(status, clock);
        this.apiKeys = new ApiKeyPayloads(apiKeys, clock);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RuntimeLayer runtime(Principal who, Resource resource) {
        return telemetry.flatMap(t -> t.runtime(ResourceId.parse(resource.getUuid()))).map(mapper::runtime)
                .orElse(resource.getRuntime());
    }

    @Override
    public TelemetryLayer telemetry(Principal who, Resource resource) {
        if (telemetry.isEmpty()) return resource.getTelemetry();
        var points = telemetry.get().ofResource(new RouterId(resource.getRouterId()), ResourceId.parse(resource.getUuid()));
        return points.samples().isEmpty() ? resource.getTelemetry() : GraphQlMapper.telemetry(points);
    }

    @Override
    public List<Router> routers(Principal who) {
        return registration.routers(who).stream().map(views.now()).toList();
    }

    @Override
    public Optional<Router> router(Principal who, String id) {
        return routerId(id).flatMap(r -> registration.router(who, r)).map(views.now());
    }

    @Override
    public Optional<Resource> resource(Principal who, String uuid) {
        return queries.get(who, ResourceId.parse(uuid)).map(mapper::resource);
    }

    @Override
    public ResourceConnection resources(Principal who, String routerId, ResourceKind kind, int first, String after) {
        RouterId router = requireRouterId(routerId);
        var k = Optional.ofNullable(kind);
        return Cursors.resources(page -> queries.list(who, router, k, page), () -> queries.count(who, router, k), mapper::resource,
                first, after);
    }

    @Override
    public Optional<Resource> resourceAt(Principal who, String uuid, Instant at) {
        return queries.at(who, ResourceId.parse(uuid), at).map(mapper::resource);
    }

    @Override
    public Impact impact(Principal who, String uuid) {
        try {
            var found = queries.impact(who, ResourceId.parse(uuid));
            return new Impact(uuid, found.affected().stream().map(mapper::resource).toList(), found.requiresCascade());
        } catch (NoSuchResource e) {
            throw new IllegalArgumentException("no resource " + Echo.of(uuid));
        }
    }

    /** Newest first. */
    @Override
    public EventConnection events(Principal who, String routerId, Instant since, Instant until, int first, String after) {
        RouterId router = requireRouterId(routerId);
        long before = after == null ? Long.MAX_VALUE : Cursors.event(after);
        var page = queries.newestEvents(who, router, Optional.ofNullable(since), Optional.ofNullable(until), before, first);
        var edges = page.items().stream().map(e -> new EventEdge(Cursors.event(e.sequence()), mapper.event(e))).toList();
        return new EventConnection(edges, Cursors.pageInfo(page.hasNextPage(), after != null, edges.stream().map(EventEdge::getCursor).toList()));
    }

    @Override
    public EventLogConnection eventLog(Principal who, String routerId, List<String> classes, List<String> types, Instant since,
                                       Instant until, int first, String after) {
        return eventLog().eventLog(who, routerId, classes, types, since, until, first, after);
    }

    @Override
    public EventStorage eventStorage(Principal who) {
        return eventLog().eventStorage(who);
    }

    private EventLogPayloads eventLog() {
        return eventLog.orElseThrow(() -> new IllegalStateException("this server has no event log"));
    }

    @Override
    public RevealPayload revealSecret(Principal who, String uuid, String field, String reason) {
        RevealSecret reveal = secrets.orElseThrow(() -> new IllegalStateException("this server reveals no secrets"));
        try {
            return new RevealPayload(reveal.reveal(who, ResourceId.parse(uuid), field, reason).orElse(null), List.of());
        } catch (NoSuchResource e) {
            return new RevealPayload(null, List.of(new UserError(List.of("uuid"), "no resource " + uuid, uuid)));
        } catch (InputRefused e) {
            return new RevealPayload(null, UserErrors.refused(e, at -> at));
        }
    }

    @Override
    public RouterPayload addRouter(Principal who, AddRouterInput input) {
        try {
            return new RouterPayload(views.now().apply(registration.add(who, Arguments.newRouter(input))), List.of());
        } catch (InputRefused e) {
            return new RouterPayload(null, UserErrors.refused(e, at -> plus(List.of("input"), at)));
        }
    }

    @Override
    public AdoptRouterPayload adoptRouter(Principal who, AddRouterInput input) {
        try {
            var adopted = registration.adopt(who, Arguments.newRouter(input));
            return new AdoptRouterPayload(views.now().apply(adopted.router()),
                    adopted.resources().stream().map(mapper::resource).toList(), List.of());
        } catch (InputRefused e) {
            return new AdoptRouterPayload(null, List.of(), UserErrors.refused(e, at -> plus(List.of("input"), at)));
        }
    }

    @Override
    public RouterPayload removeRouter(Principal who, String id) {
        var view = views.now();
        try {
            return new RouterPayload(view.apply(registration.remove(who, requireRouterId(id))), List.of());
        } catch (NoSuchRouter e) {
            return new RouterPayload(null, UserErrors.noRouter("id", id));
        }
    }

    @Override
    public ResourcePayload create(Principal who, String routerId, ResourceKind kind, Object input) {
        try {
            return new ResourcePayload(mapper.resource(changes.create(who, requireRouterId(routerId), kind, Arguments.fields(input))), List.of());
        } catch (NoSuchRouter e) {
            return new ResourcePayload(null, UserErrors.noRouter("routerId", routerId));
        } catch (ApplyException | RouterException | StateException e) {
            return new ResourcePayload(null, UserErrors.refusal(e, List.of("input")));
        }
    }

    @Override
    public ResourcePayload update(Principal who, String uuid, ResourceKind kind, Object input) {
        Optional<ResourceId> id = Arguments.resourceId(uuid);
        try {
            if (id.isPresent()) return new ResourcePayload(mapper.resource(changes.update(who, id.get(), kind, Arguments.fields(input))), List.of());
        } catch (NoSuchResource e) {
            // answered below, as a uuid that is none
        } catch (InputRefused e) {  // of another kind: the caller used the update mutation of a different kind
            return new ResourcePayload(null, UserErrors.refused(e, at -> List.of("uuid"),
                    at -> at.equals(List.of("kind")) ? "; use the update mutation of its kind" : ""));
        } catch (ApplyException | RouterException | StateException e) {
            return new ResourcePayload(null, UserErrors.refusal(e, List.of("input")));
        }
        return new ResourcePayload(null, UserErrors.noResource(uuid));
    }

    @Override
    public DeletePayload delete(Principal who, String uuid, boolean cascade) {
        Optional<ResourceId> id = Arguments.resourceId(uuid);
        try {
            if (id.isPresent()) return new DeletePayload(changes.delete(who, id.get(), cascade).stream().map(ResourceId::toString).toList(), List.of());
        } catch (NoSuchResource e) {
            // answered below, as a uuid that is none
        } catch (InputRefused e) {
            return new DeletePayload(List.of(), UserErrors.refused(e, at -> at));
        } catch (ApplyException | RouterException | StateException e) {
            return new DeletePayload(List.of(), UserErrors.refusal(e, List.of("uuid")));
        }
        return new DeletePayload(List.of(), UserErrors.noResource(uuid));
    }

    @Override
    public ApplyPlanPayload applyPlan(Principal who, String routerId, List<PlanChangeInput> input) {
        var plan = PlanInputs.translate(input);
        if (!plan.errors().isEmpty()) return new ApplyPlanPayload(List.of(), plan.errors());
        try {
            return new ApplyPlanPayload(changes.applyPlan(who, requireRouterId(routerId), plan.changes()).stream().map(mapper::resource).toList(),
                    List.of());
        } catch (NoSuchRouter e) {
            return new ApplyPlanPayload(List.of(), UserErrors.noRouter("routerId", routerId));
        } catch (InputRefused e) {
            return new ApplyPlanPayload(List.of(), UserErrors.refused(e, PlanInputs.paths(input)));
        } catch (ApplyException | RouterException | StateException | IllegalArgumentException e) {
            return new ApplyPlanPayload(List.of(), UserErrors.refusal(e, List.of("changes")));
        }
    }

    @Override
    public CheckDriftPayload checkDrift(Principal who, String routerId) {
        List<DriftReport> reports;
        try {
            reports = changes.checkDrift(who, requireRouterId(routerId));
        } catch (NoSuchRouter e) {
            return new CheckDriftPayload(null, 0, List.of(), UserErrors.noRouter("routerId", routerId));
        } catch (RouterException | StateException e) {
            String name = registration.router(who, requireRouterId(routerId)).map(com.nasnetconnect.domain.router.Router::name).orElse(routerId);
            return new CheckDriftPayload(null, 0, List.of(), UserErrors.of(List.of("routerId"), "the drift check could not read router '"
                    + name + "': " + e.getMessage(), routerId));
        }
        var drifted = reports.stream().filter(DriftReport::drifted).flatMap(r -> queries.get(who, ResourceId.parse(r.resourceId())).stream());
        return new CheckDriftPayload(reports.stream().map(DriftReport::checkedAt).findFirst().orElse(clock.instant()), reports.size(),
                drifted.map(mapper::resource).toList(), List.of());
    }

    @Override
    public ResourcePayload acceptRouterValues(Principal who, String uuid) {
        return resolveDrift(who, uuid, "accepting the router's values of", DriftResolution::acceptRouterValues);
    }

    @Override
    public ResourcePayload reapplyResource(Principal who, String uuid) {
        return resolveDrift(who, uuid, "re-applying", DriftResolution::reapply);
    }

    /** Either way of settling drift; a refusal names the resource in words ("re-applying VLAN guest: …"). */
    private ResourcePayload resolveDrift(Principal who, String uuid, String doing,
                                         TriFunction<DriftResolution, Principal, ResourceId, com.nasnetconnect.domain.state.Resource> how) {
        if (drift.isEmpty()) return GraphQlBackend.super.reapplyResource(who, uuid);
        Optional<ResourceId> id = Arguments.resourceId(uuid);
        var found = id.flatMap(i -> queries.get(who, i));
        if (found.isEmpty()) return new ResourcePayload(null, UserErrors.noResource(uuid));
        String named = com.nasnetconnect.domain.state.ResourceLabels.describe(found.get());
        try {
            return new ResourcePayload(mapper.resource(how.apply(drift.get(), who, id.get())), List.of());
        } catch (NoSuchResource e) {
            return new ResourcePayload(null, UserErrors.noResource(uuid));
        } catch (InputRefused e) {
            return new ResourcePayload(null, UserErrors.refused(e, at -> at));
        } catch (ApplyException | RouterException | StateException e) {
            return new ResourcePayload(null, UserErrors.refusal(e, List.of("uuid")).stream().map(u -> UserErrors.error(u.getField(),
                    doing + " " + named + ": " + u.getMessage(), u.getValue())).toList());
        }
    }

    @FunctionalInterface
    private interface TriFunction<A, B, C, R> {
        R apply(A a, B b, C c);
    }

    @Override
    public AutoCloseable onResourceChanged(Principal who, String routerId, Consumer<ResourceChange> listener) {
        return queries.follow(who, requireRouterId(routerId), e -> listener.accept(mapper.change(e)));
    }

    @Override
    public AutoCloseable onRouterStatus(Principal who, String routerId, Consumer<RouterStatus> listener) {
        Optional<RouterId> only = routerId == null ? Optional.empty()
                : Optional.of(registration.router(who, requireRouterId(routerId)).orElseThrow(() -> new NoSuchRouter(routerId)).id());
        return views.subscribe(only, listener);
    }

    @Override
    public AutoCloseable onEvent(Principal who, String routerId, Consumer<ResourceEvent> listener) {
        return queries.follow(who, requireRouterId(routerId), e -> listener.accept(mapper.event(e)));
    }

    @Override
    public List<ApiKey> apiKeys(Principal who) {
        return apiKeys.list(who);
    }

    @Override
    public CreateApiKeyPayload createApiKey(Principal who, String name, AccessRole role, Instant expiresAt) {
        return apiKeys.create(who, name, role, expiresAt);
    }

    @Override
    public ApiKeyPayload revokeApiKey(Principal who, String name) {
        return apiKeys.revoke(who, name);
    }

    // ---- Services: the Virtual Interface Factory (ServicePayloads) -------------------------------------------

    @Override
    public List<ServiceTemplate> serviceTemplates(Principal who) {
        return services.map(s -> s.templates(who)).orElse(List.of());
    }

    @Override
    public List<ServiceInstance> serviceInstances(Principal who, String routerId) {
        return services.map(s -> s.instances(who, routerId)).orElse(List.of());
    }

    @Override
    public ServiceInstancePayload installService(Principal who, String routerId, InstallServiceInput input) {
        return services.map(s -> s.install(who, routerId, input))
                .orElseGet(() -> new ServiceInstancePayload(null, NO_FACTORY));
    }

    @Override
    public ServiceInstancePayload uninstallService(Principal who, String id) {
        return services.map(s -> s.uninstall(who, id)).orElseGet(() -> new ServiceInstancePayload(null, NO_FACTORY));
    }

    @Override
    public RoutingPolicyPayload routeThroughService(Principal who, RoutingPolicyInput input) {
        return services.map(s -> s.routeThrough(who, input)).orElseGet(() -> new RoutingPolicyPayload(null, NO_FACTORY));
    }

    @Override
    public RoutingPolicyPayload removeRoutingPolicy(Principal who, String id) {
        return services.map(s -> s.remove(who, id)).orElseGet(() -> new RoutingPolicyPayload(null, NO_FACTORY));
    }

    @Override
    public List<RoutingPolicy> routingPolicies(Principal who, String routerId, String instanceId) {
        return services.map(s -> s.policies(who, routerId, instanceId)).orElse(List.of());
    }

    @Override
    public java.util.Map<String, List<com.nasnetconnect.domain.schema.types.RoutingPolicy>> routingPoliciesOfInstances(Principal who, String routerId,
                                                                            java.util.Collection<String> instanceIds) {
        var out = new java.util.LinkedHashMap<String, List<com.nasnetconnect.domain.schema.types.RoutingPolicy>>();
        instanceIds.forEach(id -> out.put(id, new java.util.ArrayList<>()));
        services.map(s -> s.policies(who, routerId)).orElse(List.of()).forEach(p -> {
            var mine = out.get(p.getInstanceId());
            if (mine != null) mine.add(p);
        });
        return out;
    }

    @Override
    public List<Resource> resourcesByUuid(Principal who, List<String> uuids) {
        return services.map(s -> s.resources(who, uuids)).orElse(List.of());
    }

    @Override
    public AutoCloseable onServiceInstanceChanged(Principal who, String routerId, Consumer<ServiceInstance> listener) {
        return services.map(s -> s.follow(who, routerId, listener)).orElse(() -> { });
    }

    private static final List<UserError> NO_FACTORY = UserErrors.of(List.of(), "this server runs without the service factory", null);

    // ---- Updates (issue 15) ----------------------------------------------------------------------------------

    /** Reveals secret fields ({@code revealSecret}) through the domain's in-port (admin only, audited). Returns this. */
    public DomainGraphQlBackend withSecrets(RevealSecret secrets) {
        this.secrets = Optional.of(Objects.requireNonNull(secrets, "secrets"));
        return this;
    }

    /** Answers the update fields from {@code updates}; without it they fail as "no update checker". Returns this. */
    public DomainGraphQlBackend withUpdates(com.nasnetconnect.domain.update.Updates updates) {
        this.updates = Optional.of(new UpdatePayloads(updates));
        return this;
    }

    private UpdatePayloads updates() {
        return updates.orElseThrow(() -> new IllegalStateException("this server has no update checker"));
    }

    @Override
    public UpdateStatus updateStatus(Principal who) {
        return updates().status(who);
    }

    @Override
    public UpdateStatus checkForUpdates(Principal who) {
        return updates().check(who);
    }

    @Override
    public ApplyUpdatePayload applyUpdate(Principal who, String version) {
        return updates().apply(who, version);
    }

    @Override
    public List<UpdateRecord> updateHistory(Principal who, int first) {
        return updates().history(who, first);
    }
}

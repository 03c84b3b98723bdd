package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.schema.types.AddRouterInput;
import com.nasnetconnect.domain.schema.types.InstallServiceInput;
import com.nasnetconnect.domain.schema.types.RoutingPolicy;
import com.nasnetconnect.domain.schema.types.RoutingPolicyInput;
import com.nasnetconnect.domain.schema.types.ServiceInstance;
import com.nasnetconnect.domain.schema.types.PlanChangeInput;
import com.nasnetconnect.domain.schema.types.Resource;
import com.nasnetconnect.domain.schema.types.ResourceChange;
import com.nasnetconnect.domain.schema.types.ResourceEvent;
import com.nasnetconnect.domain.schema.types.RouterStatus;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.security.Principal;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data fetchers: each converts its arguments to the generated schema types, makes one call on the
 * {@link GraphQlBackend}, and returns what it returns. Argument validation, roles and masking of sensitive
 * fields are applied around them by {@link GraphQlWiring}, not here.
 */
final class Fetchers {
    /**
     * Jackson 2's defaults: with Jackson 3's, a generated type's {@code Interface} field would become a property of
     * that name (losing {@code interface}), properties would be sorted by name and a null int refused.
     */
    private static final ObjectMapper MAPPER = JsonMapper.builderWithJackson2Defaults()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Complete before the first fetch: the schema may be built (the slow part of start-up) before the backend is. */
    private final CompletableFuture<GraphQlBackend> backend;
    private final int maxBufferedUpdates;

    Fetchers(GraphQlBackend backend, int maxBufferedUpdates) {
        this(CompletableFuture.completedFuture(backend), maxBufferedUpdates);
    }

    Fetchers(CompletableFuture<GraphQlBackend> backend, int maxBufferedUpdates) {
        this.backend = backend;
        this.maxBufferedUpdates = maxBufferedUpdates;
    }

    private GraphQlBackend backend() {
        return backend.join();
    }

    static Principal principal(DataFetchingEnvironment env) {
        Principal p = env.getGraphQlContext().get(Principal.class);
        if (p == null) throw new IllegalStateException("no principal in the GraphQL context");
        return p;
    }

    // ---- Query -------------------------------------------------------------------------------------------

    Object routers(DataFetchingEnvironment env) {
        return backend().routers(principal(env));
    }

    Object router(DataFetchingEnvironment env) {
        return backend().router(principal(env), env.getArgument("id")).orElse(null);
    }

    Object resource(DataFetchingEnvironment env) {
        return backend().resource(principal(env), env.getArgument("uuid")).orElse(null);
    }

    Object resources(DataFetchingEnvironment env) {
        String kind = env.getArgument("kind");
        return backend().resources(principal(env), env.getArgument("routerId"),
                kind == null ? null : ResourceKind.valueOf(kind), env.<Integer>getArgument("first"), env.getArgument("after"));
    }

    Object resourceAt(DataFetchingEnvironment env) {
        return backend().resourceAt(principal(env), env.getArgument("uuid"), env.<Instant>getArgument("at")).orElse(null);
    }

    Object impact(DataFetchingEnvironment env) {
        return backend().impact(principal(env), env.getArgument("uuid"));
    }

    Object events(DataFetchingEnvironment env) {
        return backend().events(principal(env), env.getArgument("routerId"), env.getArgument("since"),
                env.getArgument("until"), env.<Integer>getArgument("first"), env.getArgument("after"));
    }

    Object eventLog(DataFetchingEnvironment env) {
        return backend().eventLog(principal(env), env.getArgument("routerId"), env.getArgument("classes"), env.getArgument("types"),
                env.getArgument("since"), env.getArgument("until"), env.<Integer>getArgument("first"), env.getArgument("after"));
    }

    Object eventStorage(DataFetchingEnvironment env) {
        return backend().eventStorage(principal(env));
    }

    /** {@code LogEvent.class}: the generated getter cannot be named {@code getClass}. */
    Object eventClass(DataFetchingEnvironment env) {
        return env.<com.nasnetconnect.domain.schema.types.LogEvent>getSource().GetClass();
    }

    // ---- Mutation ----------------------------------------------------------------------------------------

    Object apiKeys(DataFetchingEnvironment env) {
        return backend().apiKeys(principal(env));
    }

    Object createApiKey(DataFetchingEnvironment env) {
        return backend().createApiKey(principal(env), env.getArgument("name"),
                com.nasnetconnect.domain.schema.types.AccessRole.valueOf(env.<String>getArgument("role")),
                env.<java.time.Instant>getArgument("expiresAt"));
    }

    Object revokeApiKey(DataFetchingEnvironment env) {
        return backend().revokeApiKey(principal(env), env.getArgument("name"));
    }

    Object addRouter(DataFetchingEnvironment env) {
        return backend().addRouter(principal(env), input(env, "input", AddRouterInput.class));
    }

    Object adoptRouter(DataFetchingEnvironment env) {
        return backend().adoptRouter(principal(env), input(env, "input", AddRouterInput.class));
    }

    Object removeRouter(DataFetchingEnvironment env) {
        return backend().removeRouter(principal(env), env.getArgument("id"));
    }

    /** {@code create<Kind>(routerId, input)}: the input class is the generated one, so a rename fails compilation. */
    DataFetcher<Object> create(ResourceKind kind, Class<?> inputType) {
        return env -> backend().create(principal(env), env.getArgument("routerId"), kind, input(env, "input", inputType));
    }

    DataFetcher<Object> update(ResourceKind kind, Class<?> inputType) {
        return env -> backend().update(principal(env), env.getArgument("uuid"), kind, input(env, "input", inputType));
    }

    Object deleteResource(DataFetchingEnvironment env) {
        return backend().delete(principal(env), env.getArgument("uuid"), Boolean.TRUE.equals(env.getArgument("cascade")));
    }

    Object applyPlan(DataFetchingEnvironment env) {
        List<Map<String, Object>> raw = env.getArgument("changes");
        List<PlanChangeInput> changes = raw.stream().map(m -> MAPPER.convertValue(m, PlanChangeInput.class)).toList();
        return backend().applyPlan(principal(env), env.getArgument("routerId"), changes);
    }

    /** Resource.runtime: the poller's latest when it has one (the backend decides). */
    Object runtime(DataFetchingEnvironment env) {
        return backend().runtime(principal(env), env.<Resource>getSource());
    }

    /** Resource.telemetry: recent points from the event log's hot tier. */
    Object telemetry(DataFetchingEnvironment env) {
        return backend().telemetry(principal(env), env.<Resource>getSource());
    }

    Object checkDrift(DataFetchingEnvironment env) {
        return backend().checkDrift(principal(env), env.getArgument("routerId"));
    }

    Object acceptRouterValues(DataFetchingEnvironment env) {
        return backend().acceptRouterValues(principal(env), env.getArgument("uuid"));
    }

    Object reapplyResource(DataFetchingEnvironment env) {
        return backend().reapplyResource(principal(env), env.getArgument("uuid"));
    }

    /** Reveals one sensitive configuration field through the domain's reveal in-port (admin only, audited). */
    Object revealSecret(DataFetchingEnvironment env) {
        return backend().revealSecret(principal(env), env.getArgument("uuid"), env.getArgument("field"), env.getArgument("reason"));
    }

    // ---- Services (the Virtual Interface Factory) --------------------------------------------------------

    Object serviceTemplates(DataFetchingEnvironment env) {
        return backend().serviceTemplates(principal(env));
    }

    Object serviceInstances(DataFetchingEnvironment env) {
        return backend().serviceInstances(principal(env), env.getArgument("routerId"));
    }

    Object installService(DataFetchingEnvironment env) {
        return backend().installService(principal(env), env.getArgument("routerId"), input(env, "input", InstallServiceInput.class));
    }

    Object uninstallService(DataFetchingEnvironment env) {
        return backend().uninstallService(principal(env), env.getArgument("id"));
    }

    Object routeThroughService(DataFetchingEnvironment env) {
        return backend().routeThroughService(principal(env), input(env, "input", RoutingPolicyInput.class));
    }

    Object removeRoutingPolicy(DataFetchingEnvironment env) {
        return backend().removeRoutingPolicy(principal(env), env.getArgument("id"));
    }

    /** {@code ServiceInstance.policies}, fetched only when a query selects it; batched per request by router. */
    Object instancePolicies(DataFetchingEnvironment env) {
        ServiceInstance i = env.getSource();
        return env.<InstanceKey, List<RoutingPolicy>>getDataLoader(POLICIES).load(new InstanceKey(i.getRouterId(), i.getId()));
    }

    /** {@code ServiceInstance.resources}, fetched only when a query selects it; batched per request. */
    Object instanceResources(DataFetchingEnvironment env) {
        ServiceInstance i = env.getSource();
        return resources(env, i.getResourceIds());
    }

    /** {@code RoutingPolicy.resources}, fetched only when a query selects it; batched per request. */
    Object policyResources(DataFetchingEnvironment env) {
        RoutingPolicy p = env.getSource();
        return resources(env, p.getResourceIds());
    }

    /** The resources of these uuids that exist now, in the given order, loaded with every other list's in one call. */
    private static java.util.concurrent.CompletableFuture<List<Resource>> resources(DataFetchingEnvironment env, List<String> uuids) {
        return env.<String, Resource>getDataLoader(RESOURCES).loadMany(uuids)
                .thenApply(found -> found.stream().filter(java.util.Objects::nonNull).toList());
    }

    // ---- DataLoaders: where a list fans out ----------------------------------------------------------------

    static final String POLICIES = "routingPoliciesOfInstances";
    static final String RESOURCES = "resourcesByUuid";

    /** One service instance of one router, the key of its policies. */
    record InstanceKey(String routerId, String instanceId) {
    }

    /**
     * The DataLoaders of one request by {@code who}: the policies a list of service instances asks for cost one
     * backend call per router, the resources a list of instances or policies asks for one call in all, dispatched
     * when graphql-java has collected a level's fields. Fresh per request, so nothing outlives it.
     */
    org.dataloader.DataLoaderRegistry loaders(Principal who) {
        org.dataloader.MappedBatchLoader<InstanceKey, List<RoutingPolicy>> policies = keys -> {
            var out = new java.util.HashMap<InstanceKey, List<RoutingPolicy>>();
            var byRouter = new java.util.LinkedHashMap<String, java.util.List<String>>();
            keys.forEach(k -> byRouter.computeIfAbsent(k.routerId(), r -> new java.util.ArrayList<>()).add(k.instanceId()));
            try {
                byRouter.forEach((router, ids) -> backend().routingPoliciesOfInstances(who, router, ids)
                        .forEach((id, list) -> out.put(new InstanceKey(router, id), list)));
            } catch (RuntimeException e) {
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            keys.forEach(k -> out.putIfAbsent(k, List.of()));
            return java.util.concurrent.CompletableFuture.completedFuture(out);
        };
        org.dataloader.MappedBatchLoader<String, Resource> resources = uuids -> {
            try {
                var out = new java.util.HashMap<String, Resource>();
                backend().resourcesByUuid(who, List.copyOf(uuids)).forEach(r -> out.put(r.getUuid(), r));
                return java.util.concurrent.CompletableFuture.completedFuture(out);
            } catch (RuntimeException e) {
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
        };
        return org.dataloader.DataLoaderRegistry.newRegistry()
                .register(POLICIES, org.dataloader.DataLoaderFactory.newMappedDataLoader(policies))
                .register(RESOURCES, org.dataloader.DataLoaderFactory.newMappedDataLoader(resources))
                .build();
    }

    // ---- Subscription ------------------------------------------------------------------------------------

    Object resourceChanged(DataFetchingEnvironment env) {
        return this.<ResourceChange>stream(env, (who, l) -> backend().onResourceChanged(who, env.getArgument("routerId"), l));
    }

    Object routerStatus(DataFetchingEnvironment env) {
        // only the current status matters: one waiting per router, the latest, never a queue of old ones
        Principal who = principal(env);
        return ListenerPublisher.<RouterStatus>latest(l -> backend().onRouterStatus(who, env.getArgument("routerId"), l),
                RouterStatus::getRouterId, maxBufferedUpdates);
    }

    Object serviceInstanceChanged(DataFetchingEnvironment env) {
        return this.<ServiceInstance>stream(env, (who, l) -> backend().onServiceInstanceChanged(who, env.getArgument("routerId"), l));
    }

    Object eventStream(DataFetchingEnvironment env) {
        return this.<ResourceEvent>stream(env, (who, l) -> backend().onEvent(who, env.getArgument("routerId"), l));
    }

    private <T> ListenerPublisher<T> stream(DataFetchingEnvironment env, BiFunction<Principal, Consumer<T>, AutoCloseable> register) {
        Principal who = principal(env);
        return new ListenerPublisher<>(listener -> register.apply(who, listener), maxBufferedUpdates);
    }

    // ------------------------------------------------------------------------------------------------------

    private static <T> T input(DataFetchingEnvironment env, String name, Class<T> type) {
        Map<String, Object> raw = env.getArgument(name);
        return MAPPER.convertValue(raw, type);
    }

    // ---- Updates (issue 15) ----------------------------------------------------------------------------------

    Object updateStatus(DataFetchingEnvironment env) {
        return backend().updateStatus(principal(env));
    }

    Object updateHistory(DataFetchingEnvironment env) {
        return backend().updateHistory(principal(env), env.<Integer>getArgument("first"));
    }

    Object checkForUpdates(DataFetchingEnvironment env) {
        return backend().checkForUpdates(principal(env));
    }

    Object applyUpdate(DataFetchingEnvironment env) {
        return backend().applyUpdate(principal(env), env.getArgument("version"));
    }
}

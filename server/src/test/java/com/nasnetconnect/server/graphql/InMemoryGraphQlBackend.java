package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.schema.types.*;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** An in-memory {@link GraphQlBackend} fake (one router "r1") for transport tests; counts every call. */
final class InMemoryGraphQlBackend implements GraphQlBackend {
    private static final ObjectMapper MAPPER = JsonMapper.builderWithJackson2Defaults().build();
    private static final String PKG = "com.nasnetconnect.domain.schema.types.";

    final AtomicInteger calls = new AtomicInteger();
    private final Clock clock;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> rawConfig = new ConcurrentHashMap<>();
    private final List<Consumer<ResourceChange>> changeListeners = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> listenersByRouter = new ConcurrentHashMap<>();
    private final List<Consumer<RouterStatus>> statusListeners = new CopyOnWriteArrayList<>();

    InMemoryGraphQlBackend(Clock clock) {
        this.clock = clock;
    }

    int changeListenerCount(String routerId) {
        return listenersByRouter.computeIfAbsent(routerId, k -> new AtomicInteger()).get();
    }

    /** When set, {@link #routers} counts down {@code entered} and waits for {@code release}: an execution held open. */
    volatile java.util.concurrent.CountDownLatch entered;
    volatile java.util.concurrent.CountDownLatch release;

    @Override
    public List<Router> routers(Principal who) {
        calls.incrementAndGet();
        var hold = release;
        if (hold != null) {
            entered.countDown();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return List.of(router());
    }

    private Router router() {
        var now = clock.instant();
        var status = new RouterStatus("r1", true, "MikroTik", "7.23.3", "CHR", 3600, 4, 200e6, 1e9, null, now, now);
        return new Router("r1", "Lab", "127.0.0.1", 8728, false, "admin", true, clock.instant(), status);
    }

    @Override
    public Optional<Router> router(Principal who, String id) {
        calls.incrementAndGet();
        return id.equals("r1") ? Optional.of(router()) : Optional.empty();
    }

    @Override
    public Optional<Resource> resource(Principal who, String uuid) {
        calls.incrementAndGet();
        return Optional.ofNullable(resources.get(uuid));
    }

    @Override
    public ResourceConnection resources(Principal who, String routerId, ResourceKind kind, int first, String after) {
        calls.incrementAndGet();
        var nodes = resources.values().stream().filter(r -> kind == null || r.getKind() == kind).limit(first).toList();
        var edges = nodes.stream().map(r -> new ResourceEdge(r.getUuid(), r)).toList();
        return new ResourceConnection(edges, new PageInfo(false, false, null, null), nodes.size());
    }

    @Override
    public Optional<Resource> resourceAt(Principal who, String uuid, Instant at) {
        calls.incrementAndGet();
        return Optional.ofNullable(resources.get(uuid));
    }

    @Override
    public Impact impact(Principal who, String uuid) {
        calls.incrementAndGet();
        return new Impact(uuid, List.of(), false);
    }

    @Override
    public EventConnection events(Principal who, String routerId, Instant since, Instant until, int first, String after) {
        calls.incrementAndGet();
        return new EventConnection(List.of(), new PageInfo(false, false, null, null));
    }

    @Override
    public RouterPayload addRouter(Principal who, AddRouterInput input) {
        calls.incrementAndGet();
        return new RouterPayload(router(), List.of());
    }

    @Override
    public AdoptRouterPayload adoptRouter(Principal who, AddRouterInput input) {
        calls.incrementAndGet();
        return new AdoptRouterPayload(router(), List.of(), List.of());
    }

    @Override
    public RouterPayload removeRouter(Principal who, String id) {
        calls.incrementAndGet();
        return new RouterPayload(null, List.of());
    }

    @Override
    public ResourcePayload create(Principal who, String routerId, ResourceKind kind, Object input) {
        calls.incrementAndGet();
        who.require(Role.OPERATOR, "create");
        String uuid = UUID.randomUUID().toString();
        Resource r = build(kind, uuid, routerId, input, 1, who.name());
        resources.put(uuid, r);
        @SuppressWarnings("unchecked")
        Map<String, Object> raw = MAPPER.convertValue(input, Map.class);
        rawConfig.put(uuid, raw);
        var change = new ResourceChange(routerId, EventType.CREATED, uuid, kind, r, clock.instant());
        changeListeners.forEach(l -> {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                // one broken listener must not starve the others
            }
        });
        return new ResourcePayload(r, List.of());
    }

    @Override
    public ResourcePayload update(Principal who, String uuid, ResourceKind kind, Object input) {
        calls.incrementAndGet();
        Resource old = resources.get(uuid);
        if (old == null) return new ResourcePayload(null, List.of(new UserError(List.of("uuid"), "no resource " + uuid, uuid)));
        Resource r = build(kind, uuid, old.getRouterId(), input, old.getMetadata().getVersion() + 1, who.name());
        resources.put(uuid, r);
        return new ResourcePayload(r, List.of());
    }

    @Override
    public DeletePayload delete(Principal who, String uuid, boolean cascade) {
        calls.incrementAndGet();
        return resources.remove(uuid) == null
                ? new DeletePayload(List.of(), List.of(new UserError(List.of("uuid"), "no resource " + uuid, uuid)))
                : new DeletePayload(List.of(uuid), List.of());
    }

    @Override
    public ApplyPlanPayload applyPlan(Principal who, String routerId, List<PlanChangeInput> changes) {
        calls.incrementAndGet();
        var out = new ArrayList<Resource>();
        for (var c : changes) {
            if (c.getOp() == PlanOp.CREATE && c.getVlan() != null) out.add(create(who, routerId, ResourceKind.VLAN, c.getVlan()).getResource());
        }
        return new ApplyPlanPayload(out, List.of());
    }

    @Override
    public CheckDriftPayload checkDrift(Principal who, String routerId) {
        calls.incrementAndGet();
        return new CheckDriftPayload(clock.instant(), resources.size(), List.of(), List.of());
    }

    /** Reveals through this redactor (the test server's audit), as the domain's in-port does: role, audit, value. */
    volatile com.nasnetconnect.domain.schema.Redactor redactor;

    @Override
    public com.nasnetconnect.domain.schema.types.RevealPayload revealSecret(Principal who, String uuid, String field, String reason) {
        calls.incrementAndGet();
        who.require(com.nasnetconnect.domain.security.Role.ADMIN, "reveal secrets");
        var raw = rawConfig.get(uuid);
        if (raw == null || !resources.containsKey(uuid)) {
            return new com.nasnetconnect.domain.schema.types.RevealPayload(null, List.of(new UserError(List.of("uuid"), "no resource " + uuid, uuid)));
        }
        String type = com.nasnetconnect.domain.schema.ResourceKinds.typeName(resources.get(uuid).getKind()) + "Config";
        String value = redactor.reveal(who, uuid, type, field, reason, () -> Optional.ofNullable(raw.get(field)).map(String::valueOf).orElse(null));
        return new com.nasnetconnect.domain.schema.types.RevealPayload(value, List.of());
    }

    @Override
    public AutoCloseable onResourceChanged(Principal who, String routerId, Consumer<ResourceChange> listener) {
        Consumer<ResourceChange> filtered = c -> {
            if (c.getRouterId().equals(routerId)) listener.accept(c);
        };
        changeListeners.add(filtered);
        listenersByRouter.computeIfAbsent(routerId, k -> new AtomicInteger()).incrementAndGet();
        return () -> {
            if (changeListeners.remove(filtered)) listenersByRouter.get(routerId).decrementAndGet();
        };
    }

    @Override
    public AutoCloseable onRouterStatus(Principal who, String routerId, Consumer<RouterStatus> listener) {
        listener.accept(router().getStatus());
        statusListeners.add(listener);
        return () -> statusListeners.remove(listener);
    }

    /** Publishes a status to every status listener, on the calling thread, as the router monitor does. */
    void publishStatus(RouterStatus status) {
        statusListeners.forEach(l -> l.accept(status));
    }

    @Override
    public AutoCloseable onEvent(Principal who, String routerId, Consumer<ResourceEvent> listener) {
        return () -> { };
    }

    private Resource build(ResourceKind kind, String uuid, String routerId, Object input, int version, String actor) {
        try {
            String type = SchemaDirectives.typeName(kind);
            Class<?> rc = Class.forName(PKG + type);
            Class<?> cc = Class.forName(PKG + type + "Config");
            Object r = rc.getConstructor().newInstance();
            Instant now = clock.instant();
            rc.getMethod("setUuid", String.class).invoke(r, uuid);
            rc.getMethod("setKind", ResourceKind.class).invoke(r, kind);
            rc.getMethod("setRouterId", String.class).invoke(r, routerId);
            rc.getMethod("setConfiguration", cc).invoke(r, MAPPER.convertValue(input, cc));
            rc.getMethod("setValidation", ValidationLayer.class).invoke(r, new ValidationLayer(true, List.of(), List.of()));
            rc.getMethod("setMetadata", MetadataLayer.class).invoke(r,
                    new MetadataLayer(now, actor, now, actor, version, List.of(), null));
            rc.getMethod("setRelationships", RelationshipsLayer.class).invoke(r, new RelationshipsLayer(List.of(), List.of()));
            rc.getMethod("setPlatform", PlatformLayer.class).invoke(r, new PlatformLayer("mikrotik", List.of("routeros-7")));
            return (Resource) r;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    // API keys: a plain in-memory list, enough for the HTTP-level tests of the wiring.
    private final Map<String, com.nasnetconnect.domain.schema.types.ApiKey> keys = new ConcurrentHashMap<>();

    @Override
    public List<com.nasnetconnect.domain.schema.types.ApiKey> apiKeys(Principal who) {
        calls.incrementAndGet();
        return List.copyOf(keys.values());
    }

    @Override
    public com.nasnetconnect.domain.schema.types.CreateApiKeyPayload createApiKey(Principal who, String name,
            com.nasnetconnect.domain.schema.types.AccessRole role, java.time.Instant expiresAt) {
        calls.incrementAndGet();
        var key = new com.nasnetconnect.domain.schema.types.ApiKey(name, role, clock.instant(), who.name(), null, null, true,
                expiresAt);
        keys.put(name, key);
        return new com.nasnetconnect.domain.schema.types.CreateApiKeyPayload(key, "nnc_test_" + name, List.of());
    }

    @Override
    public com.nasnetconnect.domain.schema.types.ApiKeyPayload revokeApiKey(Principal who, String name) {
        calls.incrementAndGet();
        var k = keys.get(name);
        if (k == null) return new com.nasnetconnect.domain.schema.types.ApiKeyPayload(null,
                List.of(new com.nasnetconnect.domain.schema.types.UserError(List.of("name"), "no API key named '" + name + "'", name)));
        k.setActive(false);
        k.setRevokedAt(clock.instant());
        return new com.nasnetconnect.domain.schema.types.ApiKeyPayload(k, List.of());
    }

    // the Virtual Interface Factory is tested over the domain backend (ServicesOverGraphQlTest); here: nothing installed

    @Override
    public List<ServiceTemplate> serviceTemplates(Principal who) {
        calls.incrementAndGet();
        return List.of();
    }

    @Override
    public List<ServiceInstance> serviceInstances(Principal who, String routerId) {
        calls.incrementAndGet();
        return List.of();
    }

    @Override
    public ServiceInstancePayload installService(Principal who, String routerId, InstallServiceInput input) {
        calls.incrementAndGet();
        return new ServiceInstancePayload(null, List.of(new UserError(List.of("input", "template"), "no services here", input.getTemplate())));
    }

    @Override
    public ServiceInstancePayload uninstallService(Principal who, String id) {
        calls.incrementAndGet();
        return new ServiceInstancePayload(null, List.of(new UserError(List.of("id"), "no service instance " + id, id)));
    }

    @Override
    public RoutingPolicyPayload routeThroughService(Principal who, RoutingPolicyInput input) {
        calls.incrementAndGet();
        return new RoutingPolicyPayload(null, List.of(new UserError(List.of("input", "instanceId"), "no service instance", input.getInstanceId())));
    }

    @Override
    public RoutingPolicyPayload removeRoutingPolicy(Principal who, String id) {
        calls.incrementAndGet();
        return new RoutingPolicyPayload(null, List.of(new UserError(List.of("id"), "no routing policy " + id, id)));
    }

    @Override
    public List<RoutingPolicy> routingPolicies(Principal who, String routerId, String instanceId) {
        return List.of();
    }

    @Override
    public List<Resource> resourcesByUuid(Principal who, List<String> uuids) {
        return uuids.stream().map(resources::get).filter(java.util.Objects::nonNull).toList();
    }

    @Override
    public AutoCloseable onServiceInstanceChanged(Principal who, String routerId, Consumer<ServiceInstance> listener) {
        return () -> { };
    }
}

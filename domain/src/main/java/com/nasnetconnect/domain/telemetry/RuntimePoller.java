package com.nasnetconnect.domain.telemetry;

import com.nasnetconnect.domain.common.FailureLog;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventJournal;
import com.nasnetconnect.domain.events.NewEvent;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.router.RouterSession;
import com.nasnetconnect.domain.schema.RouterOsDurations;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceStore;
import com.nasnetconnect.domain.state.RuntimeState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Fills the runtime layer of every managed resource and records LOW telemetry events. Each poll of a router is
 * ONE batch on one router session (one round trip): {@code /system/resource}, {@code /interface} with its
 * counters, and the menus of the runtime-bearing kinds the router has resources of (WireGuard peers,
 * containers). The gateway pools connections per router, so the session reuses the status monitor's
 * connection. A router that does not answer within the gateway's deadline is skipped until the next round.
 *
 * <p>Rates (bits per second) come from the counters of two polls and the injected clock's time between them.
 *
 * <p>Flash: the latest runtime of every resource is kept in memory ({@link #runtime}); it is written to the
 * router database ({@link ResourceStore#observe}) only when the resource is first seen, when its {@code running}
 * changes, or when the stored one is older than {@code persistEvery}. Telemetry goes to the event log as LOW
 * events, which by default live in the hot tier (tmpfs) only.
 */
public final class RuntimePoller implements AutoCloseable {
    static final RouterCommand SYSTEM = RouterCommand.of("/system/resource/print")
            .props("cpu-load", "free-memory", "total-memory", "uptime");
    static final RouterCommand INTERFACES = RouterCommand.of("/interface/print")
            .props(".id", "name", "type", "running", "disabled", "rx-byte", "tx-byte", "rx-packet", "tx-packet");
    static final RouterCommand PEERS = RouterCommand.of("/interface/wireguard/peers/print")
            .props(".id", "disabled", "last-handshake", "rx", "tx", "current-endpoint-address", "current-endpoint-port");
    static final RouterCommand CONTAINERS = RouterCommand.of("/container/print").props(".id", "status");

    /** Kinds whose runtime is read from {@code /interface} (they share its ids). */
    static final Set<ResourceKind> INTERFACE_KINDS = EnumSet.of(ResourceKind.VLAN, ResourceKind.BRIDGE,
            ResourceKind.WIREGUARD_INTERFACE, ResourceKind.VETH);
    /** A peer that shook hands longer ago than this is not running (WireGuard re-keys every 2 minutes). */
    static final Duration HANDSHAKE_FRESH = Duration.ofMinutes(3);

    private final RouterRepository routers;
    private final RouterGateway gateway;
    private final ResourceStore store;
    private final EventJournal journal;
    private final Clock clock;
    private final Duration persistEvery;
    private final FailureLog failures;
    /** Per router: the previous counter readings, by counter key ({@code if:*1}, {@code peer:*2}). */
    private final Map<RouterId, Map<String, Reading>> previous = new ConcurrentHashMap<>();
    /** The latest runtime per resource, and the one last written to the store. */
    private final Map<ResourceId, RuntimeState> latest = new ConcurrentHashMap<>();
    private final Map<ResourceId, RuntimeState> persisted = new ConcurrentHashMap<>();
    /** Per router: the resources of its last poll. */
    private final Map<RouterId, Set<ResourceId>> known = new ConcurrentHashMap<>();
    /** Per router: every interface of its last answered poll, in the router's order. */
    private final Map<RouterId, List<InterfaceState>> interfaces = new ConcurrentHashMap<>();
    private final Set<RouterId> polling = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> round;
    private volatile ScheduledExecutorService scheduler;

    public RuntimePoller(RouterRepository routers, RouterGateway gateway, ResourceStore store, EventJournal journal,
                         Clock clock, Duration persistEvery) {
        this.routers = Objects.requireNonNull(routers, "routers");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.store = Objects.requireNonNull(store, "store");
        this.journal = Objects.requireNonNull(journal, "journal");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (persistEvery.isNegative() || persistEvery.isZero()) {
            throw new IllegalArgumentException("persistEvery must be positive: " + persistEvery);
        }
        this.persistEvery = persistEvery;
        this.failures = new FailureLog(System.getLogger(RuntimePoller.class.getName()), clock, Duration.ofHours(1));
    }

    /**
     * Persists a resource's runtime when first seen, when its running state changes, and otherwise once a day: each
     * write is a transaction on flash (a few 4 KiB pages), so 30 resources written hourly would alone cost ~8 MB a day.
     */
    public RuntimePoller(RouterRepository routers, RouterGateway gateway, ResourceStore store, EventJournal journal, Clock clock) {
        this(routers, gateway, store, journal, clock, Duration.ofDays(1));
    }

    /**
     * Polls every router once per {@code interval} on {@code scheduler}; within a round the routers are spread
     * evenly over the interval (router i of n starts i·interval/n in), so n routers never answer at once. A router
     * still being polled when its next turn comes is skipped that round.
     */
    public void start(ScheduledExecutorService scheduler, Duration interval) {
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive: " + interval);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        long periodNanos = interval.toNanos();
        round = scheduler.scheduleAtFixedRate(() -> scheduleRound(periodNanos), 0, periodNanos, TimeUnit.NANOSECONDS);
    }

    private void scheduleRound(long periodNanos) {
        try {
            List<Router> all = routers.findAll();
            previous.keySet().retainAll(all.stream().map(Router::id).toList());
            interfaces.keySet().retainAll(all.stream().map(Router::id).toList());
            for (int i = 0; i < all.size(); i++) {
                Router r = all.get(i);
                scheduler.schedule(() -> pollSafely(r), periodNanos * i / all.size(), TimeUnit.NANOSECONDS);
            }
            failures.succeeded("round", "telemetry round");
        } catch (RuntimeException e) {
            failures.failed("round", "telemetry round", e.toString());
        }
    }

    private void pollSafely(Router router) {
        if (!polling.add(router.id())) return;
        try {
            poll(router);
            failures.succeeded(router.id().value(), "telemetry of router " + router.name());
        } catch (RuntimeException e) {
            // unreachable (the gateway's deadline), quarantined database…: skipped until the next round
            failures.failed(router.id().value(), "telemetry of router " + router.name(), e.getMessage());
        } finally {
            polling.remove(router.id());
        }
    }

    /**
     * Polls one router now: one batch, then runtime layers and telemetry events.
     *
     * @throws com.nasnetconnect.domain.router.RouterException when the router does not answer (within the deadline)
     */
    public void poll(Router router) {
        RouterId id = router.id();
        List<Resource> resources = store.listAll(id, Optional.empty()).stream()
                .filter(r -> r.deployment().isPresent()).toList();
        Set<ResourceKind> kinds = EnumSet.noneOf(ResourceKind.class);
        resources.forEach(r -> kinds.add(r.kind()));
        RouterReply sys;
        RouterReply ifs;
        Optional<RouterReply> peers;
        Optional<RouterReply> containers;
        try (RouterSession session = gateway.session(router.endpoint())) {
            RouterSession.Batch batch = session.batch();
            var pSys = batch.add(SYSTEM);
            var pIfs = batch.add(INTERFACES);
            var pPeers = kinds.contains(ResourceKind.WIREGUARD_PEER) ? batch.add(PEERS) : null;
            var pContainers = kinds.contains(ResourceKind.CONTAINER) ? batch.add(CONTAINERS) : null;
            batch.run();
            sys = pSys.get();
            ifs = pIfs.get();
            peers = pPeers == null ? Optional.empty() : Optional.of(pPeers.get());
            containers = pContainers == null ? Optional.empty() : Optional.of(pContainers.get());
        }
        Instant now = clock.instant();
        Map<String, Reading> before = previous.getOrDefault(id, Map.of());
        Map<String, Reading> readings = new HashMap<>();

        sys.first().ifPresent(s -> recordRouter(id, s));
        Map<String, Fields> runtimeById = new HashMap<>();
        Map<String, Boolean> runningById = new HashMap<>();
        List<InterfaceState> states = new java.util.ArrayList<>();
        for (Map<String, String> row : ifs.rows()) {
            String nativeId = row.get(".id");
            if (nativeId == null) continue;
            String name = row.getOrDefault("name", nativeId);
            if (!name.isBlank()) {
                states.add(new InterfaceState(name, row.getOrDefault("type", ""), "true".equals(row.get("running")),
                        "true".equals(row.get("disabled")), now));
            }
            long rx = number(row.get("rx-byte"));
            long tx = number(row.get("tx-byte"));
            var values = new LinkedHashMap<String, Object>();
            values.put("rxBytes", rx);
            values.put("txBytes", tx);
            values.put("rxPackets", number(row.get("rx-packet")));
            values.put("txPackets", number(row.get("tx-packet")));
            rates("if:" + nativeId, rx, tx, now, before, readings, values);
            runtimeById.put(nativeId, new Fields(values));
            runningById.put(nativeId, "true".equals(row.get("running")));
            var data = new LinkedHashMap<String, Object>();
            data.put("interface", row.getOrDefault("name", nativeId));
            data.putAll(values);
            journal.record(NewEvent.of(id, EventClass.LOW, TelemetryEvents.INTERFACE, TelemetryEvents.ACTOR,
                    "interface " + data.get("interface") + " counters", data));
        }
        Map<String, Fields> peerRuntime = new HashMap<>();
        Map<String, Boolean> peerRunning = new HashMap<>();
        peers.ifPresent(reply -> reply.rows().forEach(row -> {
            String nativeId = row.get(".id");
            if (nativeId == null) return;
            long rx = number(row.get("rx"));
            long tx = number(row.get("tx"));
            var values = new LinkedHashMap<String, Object>();
            values.put("rxBytes", rx);
            values.put("txBytes", tx);
            Optional<Duration> handshake = Optional.ofNullable(row.get("last-handshake")).flatMap(RouterOsDurations::parse);
            handshake.ifPresent(h -> {
                values.put("lastHandshakeSecondsAgo", h.toSeconds());
                values.put("lastHandshakeAt", now.minus(h).toString());
            });
            String endpoint = row.get("current-endpoint-address");
            if (endpoint != null && !endpoint.isEmpty()) values.put("currentEndpoint", endpoint + ":" + row.getOrDefault("current-endpoint-port", "0"));
            rates("peer:" + nativeId, rx, tx, now, before, readings, values);
            peerRuntime.put(nativeId, new Fields(values));
            peerRunning.put(nativeId, !"true".equals(row.get("disabled"))
                    && handshake.map(h -> h.compareTo(HANDSHAKE_FRESH) <= 0).orElse(false));
        }));
        Map<String, String> containerStatus = new HashMap<>();
        containers.ifPresent(reply -> reply.rows().forEach(row -> {
            if (row.get(".id") != null) containerStatus.put(row.get(".id"), row.getOrDefault("status", "unknown"));
        }));
        previous.put(id, readings);
        interfaces.put(id, List.copyOf(states));

        // forget the runtime of this router's resources that are gone
        Set<ResourceId> present = new java.util.HashSet<>();
        resources.forEach(r -> present.add(r.id()));
        Set<ResourceId> gone = new java.util.HashSet<>(known.getOrDefault(id, Set.of()));
        gone.removeAll(present);
        gone.forEach(g -> {
            latest.remove(g);
            persisted.remove(g);
        });
        known.put(id, present);

        for (Resource r : resources) {
            String nativeId = r.deployment().get().nativeId();
            RuntimeState state;
            if (INTERFACE_KINDS.contains(r.kind()) && runtimeById.containsKey(nativeId)) {
                state = new RuntimeState(runningById.get(nativeId), runtimeById.get(nativeId), now);
            } else if (r.kind() == ResourceKind.WIREGUARD_PEER && peerRuntime.containsKey(nativeId)) {
                state = new RuntimeState(peerRunning.get(nativeId), peerRuntime.get(nativeId), now);
            } else if (r.kind() == ResourceKind.CONTAINER && containerStatus.containsKey(nativeId)) {
                String status = containerStatus.get(nativeId);
                state = new RuntimeState("running".equals(status), Fields.of("status", status), now);
            } else {
                continue;
            }
            observe(id, r, state);
        }
    }

    /** The latest runtime polled for a resource since the server started (fresher than the stored one). */
    public Optional<RuntimeState> runtime(ResourceId resource) {
        return Optional.ofNullable(latest.get(resource));
    }

    /** The router's interfaces as its latest answered poll read them, in the router's order; empty before one. */
    public List<InterfaceState> interfaces(RouterId router) {
        return interfaces.getOrDefault(router, List.of());
    }

    private void observe(RouterId router, Resource r, RuntimeState state) {
        latest.put(r.id(), state);
        var numbers = new LinkedHashMap<String, Object>();
        numbers.put("resource", r.id().toString());
        numbers.put("kind", r.kind().name());
        numbers.put("label", com.nasnetconnect.domain.state.ResourceLabels.describe(r.kind(),
                com.nasnetconnect.domain.state.SensitiveState.redact(r.kind(), r.configuration())));
        numbers.put("running", state.running() ? 1L : 0L);
        state.values().values().forEach((k, v) -> {
            if (v instanceof Number) numbers.put(k, v);
        });
        journal.record(NewEvent.of(router, EventClass.LOW, TelemetryEvents.RESOURCE, TelemetryEvents.ACTOR,
                r.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + r.displayName() + " counters", numbers));
        RuntimeState stored = persisted.get(r.id());
        if (stored == null || stored.running() != state.running()
                || !stored.observedAt().plus(persistEvery).isAfter(state.observedAt())) {
            store.observe(router, r.id(), state, Optional.empty());
            persisted.put(r.id(), state);
        }
    }

    private void recordRouter(RouterId router, Map<String, String> s) {
        var data = new LinkedHashMap<String, Object>();
        data.put("cpuLoad", number(s.get("cpu-load")));
        data.put("freeMemory", number(s.get("free-memory")));
        data.put("totalMemory", number(s.get("total-memory")));
        journal.record(NewEvent.of(router, EventClass.LOW, TelemetryEvents.ROUTER, TelemetryEvents.ACTOR,
                "cpu " + data.get("cpuLoad") + "%, free memory " + ((long) data.get("freeMemory") >> 20) + " MiB", data));
    }

    private static void rates(String key, long rx, long tx, Instant now, Map<String, Reading> before,
                              Map<String, Reading> readings, Map<String, Object> values) {
        Reading was = before.get(key);
        if (was != null) {
            Rates.bitsPerSecond(was.rx(), was.at(), rx, now).ifPresent(bps -> values.put("rxBps", Math.round(bps)));
            Rates.bitsPerSecond(was.tx(), was.at(), tx, now).ifPresent(bps -> values.put("txBps", Math.round(bps)));
        }
        readings.put(key, new Reading(rx, tx, now));
    }

    private static long number(String s) {
        if (s == null) return 0;
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public void close() {
        var r = round;
        if (r != null) r.cancel(false);
    }

    private record Reading(long rx, long tx, Instant at) {
    }
}

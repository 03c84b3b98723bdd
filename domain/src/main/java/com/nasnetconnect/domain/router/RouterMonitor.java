package com.nasnetconnect.domain.router;

import com.nasnetconnect.domain.schema.RouterOsDurations;
import com.nasnetconnect.domain.common.FailureLog;
import com.nasnetconnect.domain.state.DatabaseHealth;
import com.nasnetconnect.domain.state.DatabaseStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Polls every registered router for its identity and {@code /system/resource} on a fixed period and
 * publishes the results. One router that times out or refuses does not delay the others beyond the
 * gateway's deadline, and never stops the monitor. An unreachable router keeps its last known values and the
 * time it last answered ({@link RouterStatus#lastSeenAt()}). A router whose database is quarantined
 * ({@link DatabaseStatus}) says so in its {@code problem}, reachable or not. A poll round or listener that keeps
 * failing is logged once (a {@link FailureLog}), not every period.
 */
public final class RouterMonitor implements RouterStatusFeed, AutoCloseable {
    static final RouterCommand RESOURCE = RouterCommand.of("/system/resource/print")
            .props("uptime", "version", "board-name", "cpu-load", "free-memory", "total-memory");
    static final RouterCommand IDENTITY = RouterCommand.of("/system/identity/print");

    private final RouterRepository routers;
    private final RouterGateway gateway;
    private final Clock clock;
    private final Duration period;
    private final Duration timeout;
    private final List<Consumer<List<RouterStatus>>> listeners = new CopyOnWriteArrayList<>();
    private final Map<RouterId, RouterStatus> latest = new LinkedHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final DatabaseStatus databases;
    private final FailureLog failures;
    private final java.util.concurrent.atomic.AtomicBoolean refreshQueued = new java.util.concurrent.atomic.AtomicBoolean();
    /** Routers polled at the same time at most: enough for a thousand in a 2 s period, few enough to cause no burst. */
    static final int MAX_IN_FLIGHT = 32;

    public RouterMonitor(RouterRepository routers, RouterGateway gateway, Clock clock, Duration period, Duration timeout) {
        this(routers, gateway, clock, period, timeout, null);
    }

    /** As above, and each router's {@code problem} also tells when its database is quarantined. */
    public RouterMonitor(RouterRepository routers, RouterGateway gateway, Clock clock, Duration period, Duration timeout,
                         DatabaseStatus databases) {
        this.databases = databases;
        this.failures = new FailureLog(System.getLogger(RouterMonitor.class.getName()), clock, Duration.ofHours(1));
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("period must be positive: " + period);
        this.routers = routers;
        this.gateway = gateway;
        this.clock = clock;
        this.period = period;
        this.timeout = timeout;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "router-monitor");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts polling: first round right away, then every period. */
    public void start() {
        scheduler.scheduleWithFixedDelay(() -> pollSafely(spread()), 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized List<RouterStatus> current() {
        return List.copyOf(latest.values());
    }

    @Override
    public AutoCloseable subscribe(Consumer<List<RouterStatus>> listener) {
        listeners.add(listener);
        listener.accept(current());
        return () -> listeners.remove(listener);
    }

    /** Requests while a round asked for is still waiting to run join that round: a burst of requests polls once. */
    @Override
    public void refreshNow() {
        if (!refreshQueued.compareAndSet(false, true)) return;
        scheduler.execute(() -> {
            refreshQueued.set(false);
            pollSafely(Duration.ZERO);
        });
    }

    /**
     * Polls only this router (just added) and publishes the list with it; the others keep their last status. With
     * a thousand routers, adding one no longer polls them all, and adding many does not queue a round per router.
     */
    @Override
    public void refresh(RouterId router) {
        scheduler.execute(() -> {
            try {
                pollOne(router);
            } catch (RuntimeException e) {
                failures.failed("poll " + router.value(), "poll of router " + router.value(), e.toString());
            }
        });
    }

    /** Polls one router now and publishes; a router no longer registered leaves the list. Visible for tests. */
    void pollOne(RouterId id) {
        Optional<Router> router = routers.find(id);
        RouterStatus polled = router.map(this::poll).orElse(null);
        if (polled != null) {
            var q = quarantined().get(id.value());
            if (q != null) polled = withProblem(polled, polled.problem().map(p -> p + "; ").orElse("") + q.problem());
        }
        List<RouterStatus> snapshot;
        synchronized (this) {
            if (polled == null) latest.remove(id);
            else latest.put(id, polled);
            snapshot = List.copyOf(latest.values());
        }
        publish(snapshot);
    }

    /** How far apart a scheduled round starts its routers' polls: over half the period, so many routers make no burst. */
    private Duration spread() {
        return period.dividedBy(2);
    }

    private void pollSafely(Duration spread) {
        try {
            pollRound(spread);
            failures.succeeded("poll", "router poll round");
        } catch (RuntimeException e) {
            failures.failed("poll", "router poll round", e.toString());
        }
    }

    /** One poll round over all routers; visible for tests. */
    void pollOnce() {
        pollRound(Duration.ZERO);
    }

    /**
     * Polls every router, at most {@value #MAX_IN_FLIGHT} at a time, the i-th of n starting {@code spread * i / n}
     * after the round began; publishes once all have answered or failed (each within the timeout).
     */
    private void pollRound(Duration spread) {
        List<Router> all = routers.findAll();
        Map<String, DatabaseHealth.QuarantinedDatabase> quarantined = quarantined();
        Map<RouterId, RouterStatus> next = new LinkedHashMap<>();
        var polls = new ArrayList<java.util.concurrent.Future<RouterStatus>>(all.size());
        var inFlight = new java.util.concurrent.Semaphore(MAX_IN_FLIGHT);
        long began = System.nanoTime();
        int n = all.size();
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                Router router = all.get(i);
                long startAfter = n <= 1 ? 0 : spread.toNanos() * i / n;
                polls.add(threads.submit(() -> {
                    long wait = began + startAfter - System.nanoTime();
                    if (wait > 0) java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait); // pacing, not synchronisation
                    inFlight.acquire();
                    try {
                        return poll(router);
                    } finally {
                        inFlight.release();
                    }
                }));
            }
        }
        for (int i = 0; i < n; i++) {
            Router router = all.get(i);
            RouterStatus polled;
            try {
                polled = polls.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.util.concurrent.CancellationException e) {
                return; // closing
            } catch (java.util.concurrent.ExecutionException e) {
                polled = RouterStatus.unknown(router, clock.instant());
            }
            var q = quarantined.get(router.id().value());
            next.put(router.id(), q == null ? polled : withProblem(polled,
                    polled.problem().map(p -> p + "; ").orElse("") + q.problem()));
        }
        List<RouterStatus> snapshot;
        synchronized (this) {
            latest.clear();
            latest.putAll(next);
            snapshot = List.copyOf(latest.values());
        }
        publish(snapshot);
    }

    private void publish(List<RouterStatus> snapshot) {
        for (var listener : listeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                failures.failed("listener " + listener, "router status listener " + listener.getClass().getName(), e.toString());
            }
        }
    }

    private RouterStatus poll(Router router) {
        try {
            Map<String, String> res = gateway.execute(router.endpoint(), RESOURCE, timeout).first()
                    .orElseThrow(() -> new IllegalStateException("empty /system/resource"));
            String identity = gateway.execute(router.endpoint(), IDENTITY, timeout).first()
                    .map(r -> r.get("name")).orElse(null);
            Instant now = clock.instant();
            return new RouterStatus(router.id(), router.name(), true,
                    Optional.ofNullable(identity),
                    Optional.ofNullable(res.get("version")),
                    Optional.ofNullable(res.get("board-name")),
                    Optional.ofNullable(res.get("uptime")).flatMap(RouterOsDurations::parse),
                    parseInt(res.get("cpu-load")),
                    parseLong(res.get("free-memory")),
                    parseLong(res.get("total-memory")),
                    Optional.empty(),
                    now, Optional.of(now));
        } catch (RuntimeException e) {
            RouterStatus last;
            synchronized (this) {
                last = latest.get(router.id());
            }
            String problem = e instanceof RouterException ? e.getMessage() : "unexpected answer: " + e.getMessage();
            if (last == null) {
                RouterStatus unknown = RouterStatus.unknown(router, clock.instant());
                return new RouterStatus(router.id(), router.name(), false, unknown.identity(), unknown.version(),
                        unknown.board(), unknown.uptime(), unknown.cpuLoadPercent(), unknown.freeMemoryBytes(),
                        unknown.totalMemoryBytes(), Optional.of(problem), clock.instant(), Optional.empty());
            }
            return new RouterStatus(router.id(), router.name(), false, last.identity(), last.version(), last.board(),
                    last.uptime(), last.cpuLoadPercent(), last.freeMemoryBytes(), last.totalMemoryBytes(),
                    Optional.of(problem), clock.instant(), last.lastSeenAt());
        }
    }

    /** The quarantined router databases by router id; none when the databases cannot tell. */
    private Map<String, DatabaseHealth.QuarantinedDatabase> quarantined() {
        if (databases == null) return Map.of();
        try {
            var out = new LinkedHashMap<String, DatabaseHealth.QuarantinedDatabase>();
            databases.health().quarantined().forEach(q -> out.put(q.routerId(), q));
            return out;
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    private static RouterStatus withProblem(RouterStatus s, String problem) {
        return new RouterStatus(s.routerId(), s.name(), s.reachable(), s.identity(), s.version(), s.board(), s.uptime(),
                s.cpuLoadPercent(), s.freeMemoryBytes(), s.totalMemoryBytes(), Optional.of(problem), s.checkedAt(),
                s.lastSeenAt());
    }

    private static Optional<Integer> parseInt(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Integer.parseInt(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> parseLong(String s) {
        try {
            return s == null ? Optional.empty() : Optional.of(Long.parseLong(s.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        listeners.clear();
    }

    /** For tests and callers that want a copy of the listener list size. */
    int listenerCount() {
        return new ArrayList<>(listeners).size();
    }
}

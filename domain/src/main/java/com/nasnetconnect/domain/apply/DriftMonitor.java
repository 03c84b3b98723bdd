package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.common.FailureLog;
import com.nasnetconnect.domain.router.Router;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Periodic drift checks: every {@code period}, {@link DriftService#check} on each router the supplier lists.
 * A router that fails (unreachable, quarantined database, …) is skipped until the next round; it never stops the
 * others, and is logged once (a {@link FailureLog}), not every round.
 * Runs on one daemon thread; {@link #close()} stops it.
 */
public final class DriftMonitor implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DriftMonitor.class.getName());
    private final ScheduledExecutorService executor;

    public DriftMonitor(DriftService drift, Supplier<List<Router>> routers, Duration period) {
        this(drift, routers, period, Clock.systemUTC());
    }

    public DriftMonitor(DriftService drift, Supplier<List<Router>> routers, Duration period, Clock clock) {
        Objects.requireNonNull(drift, "drift");
        var failures = new FailureLog(LOG, clock, Duration.ofHours(6));
        Objects.requireNonNull(routers, "routers");
        if (period.isNegative() || period.isZero()) throw new IllegalArgumentException("drift period must be positive: " + period);
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            var t = new Thread(r, "drift-monitor");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            for (Router router : routers.get()) {
                String what = "drift check of router " + router.id();
                try {
                    drift.check(router);
                    failures.succeeded(router.id().value(), what);
                } catch (RuntimeException e) {
                    failures.failed(router.id().value(), what, String.valueOf(e.getMessage()));
                }
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

package com.nasnetconnect.storage.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.storage.testing.MutableClock;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Many threads on several routers while the cap and the sweeper keep closing databases: nothing is lost or fails. */
@Timeout(120)
class DatabaseConcurrencyTest {
    @TempDir Path dir;

    @Test
    void concurrentWritersSurviveCapEvictionAndIdleSweeps() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        List<RouterId> routers = List.of(new RouterId("c1"), new RouterId("c2"), new RouterId("c3"), new RouterId("c4"));
        int threads = 4;
        int perThread = 60;
        var errors = new ConcurrentLinkedQueue<Throwable>();
        try (var databases = new DatabaseManager(dir, DatabaseSettings.defaults().withMaxOpenRouterDatabases(2)
                .withRouterIdleTimeout(Duration.ofSeconds(1)).withSweepInterval(Duration.ZERO), clock)) {
            var pool = Executors.newFixedThreadPool(threads + 1);
            var stop = new AtomicBoolean();
            try {
                Future<?> sweeper = pool.submit(() -> {
                    while (!stop.get()) {
                        clock.advance(Duration.ofSeconds(2));
                        databases.sweepIdle();
                        Thread.onSpinWait();
                    }
                });
                var writers = new ArrayList<Future<?>>();
                for (int t = 0; t < threads; t++) {
                    int thread = t;
                    writers.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            RouterId r = routers.get((thread + i) % routers.size());
                            try {
                                databases.inRouterTransaction(r, c -> c.createStatement().executeUpdate(
                                        "INSERT INTO config_snapshots(taken_nanos, taken_by, reason, content) VALUES (1, 't', 'r', 'x')"));
                            } catch (Throwable e) {
                                errors.add(e);
                            }
                        }
                    }));
                }
                for (Future<?> w : writers) w.get(60, TimeUnit.SECONDS);
                stop.set(true);
                sweeper.get(10, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(errors).isEmpty();
            long total = 0;
            for (RouterId r : routers) {
                total += databases.withRouter(r, c -> {
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM config_snapshots")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
            }
            assertThat(total).isEqualTo((long) threads * perThread);
            assertThat(databases.openRouterCount()).isLessThanOrEqualTo(2 + threads);
            assertThat(databases.health().quarantined()).isEmpty();
        }
    }
}

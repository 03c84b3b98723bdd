package com.nasnetconnect.server.bench;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.PreferSafeModeGuard;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.routeros.api.CertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * What the apply and factory benchmarks measure against: a RouterOS simulator of one version on a loopback port,
 * the gateway, router databases in a temporary directory (removed on close) and apply-confirm-merge with the
 * product's link-loss guard. A composition root of its own, like the benchmarks.
 */
final class BenchRouter implements AutoCloseable {
    final Path dir;
    final Clock clock = Clock.systemUTC();
    final RouterOsSimulator sim;
    final RouterOsGateway gateway;
    final DatabaseManager databases;
    final Router router;
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final SqliteResourceStore store;
    final PreferSafeModeGuard guard;
    final ApplyConfirmMergeService apply;

    BenchRouter(String version, String prefix) throws IOException {
        dir = Files.createTempDirectory(prefix);
        try {
            sim = RouterOsSimulator.builder().version(version).credentials("admin", "bench").apiPort(0).build().start();
        } catch (Exception e) {
            deleteTree(dir);
            throw new IOException("the simulator did not start: " + e.getMessage(), e);
        }
        gateway = new RouterOsGateway(GatewaySettings.defaults(), CertificatePins.inMemory());
        databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        router = new Router(new RouterId("bench"), "bench " + version,
                new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("bench")), false, clock.instant());
        store = new SqliteResourceStore(databases);
        guard = new PreferSafeModeGuard(gateway, specs, Duration.ofSeconds(30), clock);
        apply = new ApplyConfirmMergeService(gateway, new StateApplyLedger(store, new ResourceEventBus(), specs, clock), specs,
                new BasicSchemaRules(specs), guard, clock);
    }

    long roundTrips() {
        return gateway.roundTrips(router.endpoint());
    }

    /** The link-loss guard the router got, in words for the benchmark's second line. */
    String guardName() {
        return guard.offersSafeMode(router) ? "safe mode + journal script" : "revert script";
    }

    /** The value at a quantile of sorted nanoseconds, in milliseconds. */
    static double millis(long[] sorted, double quantile) {
        int i = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1));
        return sorted[i] / 1e6;
    }

    @Override
    public void close() {
        try (sim; gateway; databases) {
            // closed in reverse order
        } catch (Exception e) {
            throw new IllegalStateException("closing the benchmark's router: " + e.getMessage(), e);
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}

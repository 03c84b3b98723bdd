package com.nasnetconnect.server.bench;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.PreferSafeModeGuard;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.factory.FactorySettings;
import com.nasnetconnect.domain.factory.InstallRequest;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.domain.factory.ServiceInstanceFeed;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.routeros.api.CertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.factory.SqliteServiceCatalog;
import com.nasnetconnect.storage.factory.SqliteServiceInstanceStore;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Install and uninstall latency of the Virtual Interface Factory as the composition root wires it (the seeded
 * SQLite catalog and instance store, the install checks with their one batched router read, the plan through
 * apply-confirm-merge, the instance stored and published), against an in-process RouterOS simulator over loopback
 * TCP, SQLite in a temporary directory removed afterwards. Installs Tor (exit country us) and uninstalls it again,
 * each measured. Image pull is excluded: an install returns once the router has the plan, with the instance
 * PULLING. Round trips are the gateway's own count for one measured install and uninstall once warm.
 */
final class FactoryBenchmark {
    private static final int WARM_UP = 5;
    private static final Principal BENCH = new Principal("bench", Role.OPERATOR, false);
    private final String version;
    private final int iterations;

    FactoryBenchmark(String version, int iterations) {
        this.version = version;
        this.iterations = iterations;
    }

    void run(PrintStream out) throws IOException {
        Path dir = Files.createTempDirectory("nnc-bench-factory");
        Clock clock = Clock.systemUTC();
        try (var sim = RouterOsSimulator.builder().version(version).credentials("admin", "bench").apiPort(0).build().start();
             var gateway = new RouterOsGateway(GatewaySettings.defaults(), CertificatePins.inMemory());
             var databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            var router = new Router(new RouterId("bench"), "bench " + version,
                    new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("bench")), false, clock.instant());
            var specs = ResourceKindSpecs.defaults();
            var store = new SqliteResourceStore(databases);
            var ledger = new StateApplyLedger(store, new ResourceEventBus(), specs, clock);
            var guard = new PreferSafeModeGuard(gateway, specs, Duration.ofSeconds(30), clock);
            var apply = new ApplyConfirmMergeService(gateway, ledger, specs, new BasicSchemaRules(specs), guard, clock);
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            var factory = new ServiceFactory(new SqliteServiceCatalog(databases),
                    new SqliteServiceInstanceStore(databases, AesGcmSecretCipher.ofKey(key)), apply, only(router), gateway, store,
                    id -> FactorySettings.defaults().withVlanParent("ether1"), new ServiceInstanceFeed(), clock);

            long[] install = new long[iterations];
            long[] uninstall = new long[iterations];
            long installTrips = 0;
            long uninstallTrips = 0;
            int objects = 0;
            for (int i = -WARM_UP; i < iterations; i++) {
                long before = gateway.roundTrips(router.endpoint());
                long t0 = System.nanoTime();
                ServiceInstance installed = factory.install(BENCH, router.id(), InstallRequest.of("tor", "b" + (i + WARM_UP), "exitCountry", "us"));
                long t1 = System.nanoTime();
                long between = gateway.roundTrips(router.endpoint());
                factory.uninstall(BENCH, installed.id());
                long t2 = System.nanoTime();
                if (i >= 0) {
                    install[i] = t1 - t0;
                    uninstall[i] = t2 - t1;
                    installTrips = between - before;
                    uninstallTrips = gateway.roundTrips(router.endpoint()) - between;
                    objects = installed.resources().size();
                }
            }
            Arrays.sort(install);
            Arrays.sort(uninstall);
            out.printf(java.util.Locale.ROOT, "factory: install p50 %.2f ms p99 %.2f ms, %d objects, %d round trips; "
                            + "uninstall p50 %.2f ms p99 %.2f ms, %d round trips%n",
                    millis(install, 0.50), millis(install, 0.99), objects, installTrips,
                    millis(uninstall, 0.50), millis(uninstall, 0.99), uninstallTrips);
            out.printf(java.util.Locale.ROOT, "  tor (exit us) on the RouterOS %s simulator over loopback TCP, image pull excluded, "
                    + "link-loss guard: %s, SQLite in %s (removed)%n", version,
                    guard.offersSafeMode(router) ? "safe mode + journal script" : "revert script", dir);
            out.printf(java.util.Locale.ROOT, "  %d installs and uninstalls after %d warm-up%n", iterations, WARM_UP);
        } finally {
            deleteTree(dir);
        }
    }

    private static RouterRepository only(Router router) {
        return new RouterRepository() {
            @Override public List<Router> findAll() { return List.of(router); }
            @Override public Optional<Router> find(RouterId id) { return Optional.of(router).filter(r -> r.id().equals(id)); }
            @Override public void save(Router r) { throw new UnsupportedOperationException("the benchmark's router is fixed"); }
            @Override public void delete(RouterId id) { throw new UnsupportedOperationException("the benchmark's router is fixed"); }
        };
    }

    private static double millis(long[] sorted, double quantile) {
        int i = Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(quantile * sorted.length) - 1));
        return sorted[i] / 1e6;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

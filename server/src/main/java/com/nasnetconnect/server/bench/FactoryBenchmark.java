package com.nasnetconnect.server.bench;

import com.nasnetconnect.domain.factory.FactorySettings;
import com.nasnetconnect.domain.factory.InstallRequest;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.domain.factory.ServiceInstanceFeed;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.storage.factory.SqliteServiceCatalog;
import com.nasnetconnect.storage.factory.SqliteServiceInstanceStore;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import java.io.IOException;
import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

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
        try (var bench = new BenchRouter(version, "nnc-bench-factory")) {
            Router router = bench.router;
            var gateway = bench.gateway;
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            var factory = new ServiceFactory(new SqliteServiceCatalog(bench.databases),
                    new SqliteServiceInstanceStore(bench.databases, AesGcmSecretCipher.ofKey(key)), bench.apply, only(router), gateway,
                    bench.store, id -> FactorySettings.defaults().withVlanParent("ether1"), new ServiceInstanceFeed(), bench.clock);

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
                    BenchRouter.millis(install, 0.50), BenchRouter.millis(install, 0.99), objects, installTrips,
                    BenchRouter.millis(uninstall, 0.50), BenchRouter.millis(uninstall, 0.99), uninstallTrips);
            out.printf(java.util.Locale.ROOT, "  tor (exit us) on the RouterOS %s simulator over loopback TCP, image pull excluded, "
                    + "link-loss guard: %s, SQLite in %s (removed)%n", version,
                    bench.guardName(), bench.dir);
            out.printf(java.util.Locale.ROOT, "  %d installs and uninstalls after %d warm-up%n", iterations, WARM_UP);
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

}

package com.nasnetconnect.server.bench;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.apply.DesiredResource;
import com.nasnetconnect.domain.apply.MergedChange;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * End-to-end apply-confirm-merge latency as the composition root wires it (validation with the batched
 * pre-flight read, the link-loss guard, the plan's commands and read-back pipelined on one pinned session,
 * confirm, the SQLite commit, the event bus) against an in-process RouterOS simulator over loopback TCP, with
 * the router databases in a temporary directory that is removed afterwards. Measures one resource (a VLAN)
 * and a 12-object plan across eight kinds; each is deleted again between iterations (not measured). Round
 * trips are the gateway's own count for one measured apply once warm (a batch of pipelined commands written
 * together and awaited together counts once).
 */
final class ApplyBenchmark {
    private static final int WARM_UP = 20;
    private final String version;
    private final int iterations;

    ApplyBenchmark(String version, int iterations) {
        this.version = version;
        this.iterations = iterations;
    }

    void run(PrintStream out) throws IOException {
        try (var bench = new BenchRouter(version, "nnc-bench-apply")) {
            var one = measure(iterations, WARM_UP, i -> ChangePlan.of("bench", Change.upsert(new DesiredResource(
                    UUID.randomUUID().toString(), ResourceKind.VLAN, Map.of("name", "bench" + (i % 4000),
                    "vlanId", String.valueOf(2 + i % 4000), "interface", "ether1")))), bench.apply, bench.router, bench::roundTrips);
            int planIterations = Math.max(10, iterations / 4);
            var twelve = measure(planIterations, 5, i -> twelveObjects(), bench.apply, bench.router, bench::roundTrips);

            out.printf(java.util.Locale.ROOT, "apply: 1 resource p50 %.2f ms p99 %.2f ms, %d round trips; "
                            + "12 objects p50 %.2f ms p99 %.2f ms, %d round trips%n",
                    one.p50(), one.p99(), one.roundTrips(), twelve.p50(), twelve.p99(), twelve.roundTrips());
            out.printf(java.util.Locale.ROOT, "  RouterOS %s simulator over loopback TCP, link-loss guard: %s, SQLite in %s (removed)%n",
                    version, bench.guardName(), bench.dir);
            out.printf(java.util.Locale.ROOT, "  1 resource: %d iterations after %d warm-up; 12 objects: %d after 5; "
                    + "deleting again (not measured): %d and %d round trips%n", iterations, WARM_UP, planIterations,
                    one.deleteRoundTrips(), twelve.deleteRoundTrips());
        }
    }

    private record Result(double p50, double p99, long roundTrips, long deleteRoundTrips) { }

    private static Result measure(int n, int warmUp, java.util.function.IntFunction<ChangePlan> plans,
                                  ApplyConfirmMergeService apply, Router router, LongSupplier trips) {
        long[] nanos = new long[n];
        long applyTrips = 0;
        long deleteTrips = 0;
        for (int i = -warmUp; i < n; i++) {
            var plan = plans.apply(i + warmUp);
            long before = trips.getAsLong();
            long t0 = System.nanoTime();
            var result = apply.apply(router, plan);
            long t1 = System.nanoTime();
            long between = trips.getAsLong();
            var deletes = new ArrayList<Change>();
            result.changes().stream().map(MergedChange::resource).forEach(r -> deletes.add(Change.delete(r.id())));
            apply.apply(router, new ChangePlan(deletes, "bench"));
            if (i >= 0) {
                nanos[i] = t1 - t0;
                applyTrips = between - before;
                deleteTrips = trips.getAsLong() - between;
            }
        }
        Arrays.sort(nanos);
        return new Result(BenchRouter.millis(nanos, 0.50), BenchRouter.millis(nanos, 0.99), applyTrips, deleteTrips);
    }

    /** Twelve objects across eight kinds, with references between them, given out of dependency order. */
    static ChangePlan twelveObjects() {
        return new ChangePlan(List.of(
                upsert(ResourceKind.IP_ADDRESS, "address", "10.10.0.1/24", "interface", "v10"),
                upsert(ResourceKind.VLAN, "name", "v10", "vlanId", "10", "interface", "ether1"),
                upsert(ResourceKind.VLAN, "name", "v20", "vlanId", "20", "interface", "ether1"),
                upsert(ResourceKind.IP_ADDRESS, "address", "10.20.0.1/24", "interface", "v20"),
                upsert(ResourceKind.BRIDGE, "name", "br0", "comment", "lab"),
                upsert(ResourceKind.IP_POOL, "name", "pool10", "ranges", "10.10.0.100-10.10.0.200"),
                upsert(ResourceKind.ROUTING_TABLE, "name", "vpn", "fib", "yes"),
                upsert(ResourceKind.ROUTE, "dstAddress", "0.0.0.0/0", "gateway", "10.10.0.254", "routingTable", "vpn"),
                upsert(ResourceKind.WIREGUARD_INTERFACE, "name", "wg0", "listenPort", "13231"),
                upsert(ResourceKind.ADDRESS_LIST_ENTRY, "list", "trusted", "address", "10.10.0.0/24"),
                upsert(ResourceKind.DHCP_SERVER, "name", "dhcp10", "interface", "v10", "addressPool", "pool10"),
                upsert(ResourceKind.DHCP_NETWORK, "address", "10.10.0.0/24", "gateway", "10.10.0.1")), "bench");
    }

    private static Change upsert(ResourceKind kind, String... fieldsAndValues) {
        var fields = new LinkedHashMap<String, String>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        return Change.upsert(new DesiredResource(UUID.randomUUID().toString(), kind, fields));
    }

}

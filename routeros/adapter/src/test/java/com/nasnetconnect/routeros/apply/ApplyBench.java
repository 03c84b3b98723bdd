package com.nasnetconnect.routeros.apply;

import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.apply.DesiredResource;
import com.nasnetconnect.domain.apply.MergedChange;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Benchmark (not a test): end-to-end apply-confirm-merge latency (validate with pre-flight read, link-loss
 * guard, commands, read-back, confirm, SQLite commit, publish) for one resource and for a 12-object plan,
 * versus the raw router round trips the same change needs (the {@code add} commands alone, through the same
 * gateway, on the same simulator). Reports p50/p99 and their ratio, and round trips per operation.
 *
 * <p>Run from the repository root:
 * <pre>
 * mvn -B -q -o -pl domain,storage,routeros test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp routeros/target/test-classes:routeros/target/classes:$(cat routeros/target/bench.cp) \
 *     com.nasnetconnect.routeros.apply.ApplyBench [iterations]
 * </pre>
 */
public final class ApplyBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        for (String version : List.of("7.16.2", "7.23.3")) {
            try (var r = new SimRouter(version)) {
                r.awaitSchedulerWarmUp();
                var dir = Files.createTempDirectory("apply-bench");
                try (var server = new Server(dir, Duration.ofSeconds(30))) {
                    String guard = server.apply != null && version.equals("7.23.3") ? "safe mode" : "revert script";
                    System.out.printf("%nRouterOS %s simulator (link-loss guard: %s), %d iterations%n", version, guard, n);
                    single(r, server, n);
                    plan(r, server, Math.max(20, n / 4));
                }
            }
        }
    }

    private static void single(SimRouter r, Server server, int n) {
        var acm = new long[n];
        var raw = new long[n];
        int trips = 0;
        for (int i = -20; i < n; i++) {
            var vlan = new DesiredResource(UUID.randomUUID().toString(), ResourceKind.VLAN,
                    Map.of("name", "bench" + (i + 100), "vlanId", String.valueOf(i + 100), "interface", "ether1"));
            long before = server.gateway.roundTrips(r.router.endpoint());
            long t0 = System.nanoTime();
            server.apply.apply(r.router, ChangePlan.of("bench", Change.upsert(vlan)));
            long t1 = System.nanoTime();
            trips = (int) (server.gateway.roundTrips(r.router.endpoint()) - before);
            server.apply.apply(r.router, ChangePlan.of("bench", Change.delete(vlan.id())));

            long t2 = System.nanoTime();
            var id = server.gateway.execute(r.router.endpoint(), RouterCommand.of("/interface/vlan/add")
                    .with("name", "raw" + (i + 100)).with("vlan-id", String.valueOf(i + 100)).with("interface", "ether1")).ret().orElseThrow();
            long t3 = System.nanoTime();
            server.gateway.execute(r.router.endpoint(), RouterCommand.of("/interface/vlan/remove").with(".id", id));
            if (i >= 0) {
                acm[i] = t1 - t0;
                raw[i] = t3 - t2;
            }
        }
        report("1 resource (VLAN add)", acm, raw, trips, 1);
    }

    private static void plan(SimRouter r, Server server, int n) {
        var acm = new long[n];
        var raw = new long[n];
        int trips = 0;
        for (int i = -5; i < n; i++) {
            var plan = Plans.twelveObjects();
            long before = server.gateway.roundTrips(r.router.endpoint());
            long t0 = System.nanoTime();
            var result = server.apply.apply(r.router, plan);
            long t1 = System.nanoTime();
            trips = (int) (server.gateway.roundTrips(r.router.endpoint()) - before);
            var deletes = new ArrayList<Change>();
            result.changes().stream().map(MergedChange::resource).forEach(x -> deletes.add(Change.delete(x.id())));
            server.apply.apply(r.router, new ChangePlan(deletes, "bench"));

            // the same twelve adds, raw, in the order the plan ran them
            var ids = new ArrayList<String[]>();
            long t2 = System.nanoTime();
            for (String cmd : result.commands()) ids.add(new String[] {menuOf(cmd), rawAdd(server, r, cmd)});
            long t3 = System.nanoTime();
            for (var x : ids.reversed()) server.gateway.execute(r.router.endpoint(), RouterCommand.of(x[0] + "/remove").with(".id", x[1]));
            if (i >= 0) {
                acm[i] = t1 - t0;
                raw[i] = t3 - t2;
            }
        }
        report("12-object plan", acm, raw, trips, 12);
    }

    private static String menuOf(String printed) {
        String path = printed.split(" ")[0];
        return path.substring(0, path.lastIndexOf('/'));
    }

    /** Re-sends a printed dry-run command ("/menu/add =a=b =c=d") through the gateway. */
    private static String rawAdd(Server server, SimRouter r, String printed) {
        String[] words = printed.split(" ");
        var cmd = RouterCommand.of(words[0]);
        for (int i = 1; i < words.length; i++) {
            String w = words[i].substring(1);
            int eq = w.indexOf('=');
            cmd = cmd.with(w.substring(0, eq), w.substring(eq + 1));
        }
        return server.gateway.execute(r.router.endpoint(), cmd).ret().orElseThrow();
    }

    private static void report(String what, long[] acm, long[] raw, int trips, int rawTrips) {
        Arrays.sort(acm);
        Arrays.sort(raw);
        double a50 = ms(acm, 0.50), a99 = ms(acm, 0.99), r50 = ms(raw, 0.50), r99 = ms(raw, 0.99);
        System.out.printf("  %-22s apply-confirm-merge p50 %7.2f ms  p99 %7.2f ms | raw %2d round trip(s) p50 %6.2f ms  p99 %6.2f ms"
                        + " | ratio p50 %5.1fx  p99 %5.1fx | ACM round trips %d%n",
                what, a50, a99, rawTrips, r50, r99, a50 / r50, a99 / r99, trips);
    }

    private static double ms(long[] sorted, double q) {
        int i = Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1);
        return sorted[Math.max(0, i)] / 1e6;
    }
}

package com.nasnetconnect.storage.bench;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceChange;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Not a test: latency of router database open/close and of state commits on real files.
 * Run: {@code storage/bench.sh} (see the script for the plain java command).
 */
public final class DatabaseBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("nnc-bench");
        try {
            for (boolean check : new boolean[] {true, false}) {
                try (var db = new DatabaseManager(dir.resolve(check ? "checked" : "unchecked"),
                        DatabaseSettings.defaults().withSweepInterval(Duration.ZERO).withCheckIntegrityOnOpen(check), Clock.systemUTC())) {
                    String label = check ? "(quick_check on open)" : "(no integrity check)";
                    long[] create = new long[n];
                    for (int i = 0; i < n; i++) {
                        RouterId id = new RouterId("bench-" + i);
                        long t = System.nanoTime();
                        db.withRouter(id, c -> null);
                        create[i] = System.nanoTime() - t;
                        db.closeRouter(id);
                    }
                    report("first open: create + migrate " + label, create);
                    long[] reopen = new long[n];
                    long[] close = new long[n];
                    RouterId one = new RouterId("bench-0");
                    for (int i = 0; i < n; i++) {
                        long t = System.nanoTime();
                        db.withRouter(one, c -> null);
                        reopen[i] = System.nanoTime() - t;
                        t = System.nanoTime();
                        db.closeRouter(one);
                        close[i] = System.nanoTime() - t;
                    }
                    report("reopen of a closed, migrated database " + label, reopen);
                    report("close (pool shutdown) " + label, close);
                }
            }
            try (var db = new DatabaseManager(dir.resolve("commits"), DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC())) {
                RouterId r = new RouterId("commits");
                var store = new SqliteResourceStore(db);
                long[] warm = new long[n];
                db.withRouter(r, c -> null);
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    db.withRouter(r, c -> c.createStatement().execute("SELECT 1"));
                    warm[i] = System.nanoTime() - t;
                }
                report("use of an open database (SELECT 1)", warm);
                long[] single = new long[n];
                var created = new ArrayList<Resource>();
                for (int i = 0; i < n; i++) {
                    Resource res = vlan(r, i);
                    long t = System.nanoTime();
                    store.commit(ChangeSet.of(r, "bench", Instant.now(), new ResourceChange.Put(res, ChangeType.CREATED)));
                    single[i] = System.nanoTime() - t;
                    created.add(res);
                }
                report("commit of 1 change (event + row)", single);
                long[] twelve = new long[Math.max(1, n / 4)];
                for (int i = 0; i < twelve.length; i++) {
                    var changes = new ArrayList<ResourceChange>();
                    for (int k = 0; k < 12; k++) changes.add(new ResourceChange.Put(vlan(r, 10_000 + i * 12 + k), ChangeType.CREATED));
                    long t = System.nanoTime();
                    store.commit(new ChangeSet(r, "bench", Instant.now(), changes));
                    twelve[i] = System.nanoTime() - t;
                }
                report("commit of 12 changes in one transaction", twelve);
                Resource hot = created.getFirst();
                Instant middle = null;
                for (int v = 2; v <= 100; v++) {
                    hot = hot.withConfiguration(hot.configuration().with("mtu", 1000L + v), Instant.now(), "bench");
                    store.commit(ChangeSet.of(r, "bench", Instant.now(), new ResourceChange.Put(hot, ChangeType.CONFIGURED)));
                    if (v == 50) middle = Instant.now();
                }
                long[] travel = new long[n];
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    store.resourceAt(r, hot.id(), middle);
                    travel[i] = System.nanoTime() - t;
                }
                report("time travel to the middle of a 100-event history", travel);
                long[] find = new long[n];
                for (int i = 0; i < n; i++) {
                    long t = System.nanoTime();
                    store.find(r, created.get(i).id());
                    find[i] = System.nanoTime() - t;
                }
                report("find one resource (all layers)", find);
            }
        } finally {
            try (var walk = Files.walk(dir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Resource vlan(RouterId r, int i) {
        return Resource.create(ResourceId.random(), r, ResourceKind.VLAN, Fields.of("name", "vlan" + i, "vlanId", (long) (i % 4094) + 1,
                "interface", "bridge1"), Relationships.NONE, Platform.MIKROTIK, Instant.now(), "bench");
    }

    private static void report(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-60s n=%4d  p50=%8.3f ms  p99=%8.3f ms  max=%8.3f ms%n", what, s.length,
                s[s.length / 2] / 1e6, s[Math.min(s.length - 1, (int) Math.ceil(s.length * 0.99) - 1)] / 1e6, s[s.length - 1] / 1e6);
    }

    private DatabaseBench() {
    }

}

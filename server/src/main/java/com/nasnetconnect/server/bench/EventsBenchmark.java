package com.nasnetconnect.server.bench;

import com.nasnetconnect.domain.events.ColdEventTier;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventIds;
import com.nasnetconnect.domain.events.EventPage;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventRetention;
import com.nasnetconnect.domain.events.EventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.events.TieredEventLog;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.events.HotTierLocation;
import com.nasnetconnect.storage.events.SqliteHotEventTier;
import com.nasnetconnect.storage.events.SqliteWarmEventTier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * {@code bench events}: the event tiers on real files. The hot tier goes to /dev/shm when it is writable (else
 * the temporary directory, said in the output); the data directory (warm tier) to the temporary directory.
 * Everything is removed afterwards.
 */
final class EventsBenchmark {
    private static final Instant DAY_START = Instant.parse("2026-03-10T00:00:00Z");
    private static final String[] INTERFACES = {"ether1", "ether2", "ether3", "ether4", "ether5", "bridge1", "wg-tor", "vlan-guest"};

    private final int events;
    private final Random random = new Random(42);

    static final String USAGE = """
            Usage: java -jar nasnetconnect.jar bench events [--events N]
              Hot ingest events/s and append p99 (N telemetry events, default 1000000), recent-event query p99
              (1 h / one router / 100 rows), warm compression with and without trained dictionaries, and flash bytes
              per router per day (write_bytes of /proc/self/io over a simulated day, hot tier on /dev/shm).
            """;

    /** {@code args} start after "events". */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        int n = 1_000_000;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (!option.equals("--events") || i + 1 >= args.size()) {
                err.println("nasnetconnect bench events: unknown option or missing value '" + option + "'");
                err.print(USAGE);
                return 2;
            }
            String value = args.get(++i);
            try {
                n = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 1000 || n > 20_000_000) {
                err.println("nasnetconnect bench events: --events must be a whole number from 1000 to 20000000, not '" + value + "'");
                return 2;
            }
        }
        try {
            new EventsBenchmark(n).run(out);
            return 0;
        } catch (Exception e) {
            err.println("nasnetconnect bench events: " + e);
            return 1;
        }
    }

    EventsBenchmark(int events) {
        this.events = events;
    }

    void run(PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("nnc-bench-events");
        HotTierLocation shm = HotTierLocation.choose(Optional.empty(), Path.of("/dev/shm"), work);
        Path hotDir = shm.warning().isPresent() ? work.resolve("hot") : Files.createTempDirectory(Path.of("/dev/shm"), "nnc-bench-hot");
        try {
            hotTier(out, hotDir, work.resolve("data-hot"));
            compression(out, work.resolve("data-ratio"));
            flash(out, hotDir.resolve("day"), work.resolve("data-flash"), shm.warning().isEmpty());
        } finally {
            delete(work);
            delete(hotDir);
        }
    }

    // --- hot ingest, append latency, recent query -----------------------------------------------------------

    private void hotTier(PrintStream out, Path hotDir, Path data) throws Exception {
        var routers = new ArrayList<RouterId>();
        for (int r = 0; r < 10; r++) routers.add(new RouterId("router-" + r));
        var prepared = new LoggedEvent[events];
        long spanNanos = Duration.ofHours(24).toNanos();
        for (int i = 0; i < events; i++) {
            Instant at = DAY_START.plusNanos(spanNanos / events * i);
            prepared[i] = telemetry(routers.get(i % routers.size()), at, i);
        }
        Clock end = Clock.fixed(DAY_START.plus(Duration.ofHours(24)), ZoneOffset.UTC);
        try (var databases = new DatabaseManager(data, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), end);
             var hot = new SqliteHotEventTier(hotDir, Optional.empty(), SqliteHotEventTier.Settings.defaults().withQueueCapacity(events + 1))) {
            long[] appendNanos = new long[events];
            long start = System.nanoTime();
            for (int i = 0; i < events; i++) {
                long t0 = System.nanoTime();
                hot.append(prepared[i]);
                appendNanos[i] = System.nanoTime() - t0;
            }
            hot.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(appendNanos);
            var status = hot.status();
            out.printf("events: hot ingest %,.0f events/s (%,d telemetry events of 10 routers, group commit, stored %,d, dropped %d, in %s)%n",
                    events / seconds, events, status.events(), status.droppedLow() + status.droppedOther(), hotDir);
            out.printf("events: append p99 %.1f µs, p50 %.1f µs, max %.1f µs (the caller's time in append: queueing only)%n",
                    appendNanos[(int) (events * 0.99)] / 1e3, appendNanos[events / 2] / 1e3, appendNanos[events - 1] / 1e3);

            // the ingest's fixture (a million events in memory) is not part of a running server: let it go, so the
            // queries are not measured against the collector copying it
            Arrays.fill(prepared, null);
            appendNanos = null;
            System.gc();
            var log = new TieredEventLog(end, hot, new SqliteWarmEventTier(databases, end), ColdEventTier.NONE, EventRetention.defaults());
            int queries = 2000;
            long[] queryNanos = new long[queries];
            int rows = 0;
            for (int i = -WARM_UP_QUERIES; i < queries; i++) {
                RouterId router = routers.get(random.nextInt(routers.size()));
                Instant to = DAY_START.plus(Duration.ofMinutes(60 + random.nextInt(23 * 60)));
                var q = EventQuery.all(100).forRouter(router).between(to.minus(Duration.ofHours(1)), to);
                long t0 = System.nanoTime();
                EventPage page = log.query(q);
                if (i < 0) continue; // warm-up: a running server has compiled this path long before
                queryNanos[i] = System.nanoTime() - t0;
                rows += page.events().size();
            }
            Arrays.sort(queryNanos);
            out.printf("events: recent query p99 %.2f ms, p50 %.2f ms (1 h window, one router, first 100, over %,d hot events; %d rows/query on average; after %d warm-up queries)%n",
                    queryNanos[(int) (queries * 0.99)] / 1e6, queryNanos[queries / 2] / 1e6, events, rows / queries, WARM_UP_QUERIES);
        }
    }

    /** Recent queries run before the measured ones (JIT compilation of the query path). */
    static final int WARM_UP_QUERIES = 200;

    private LoggedEvent telemetry(RouterId router, Instant at, int i) {
        var data = new LinkedHashMap<String, Object>();
        data.put("interface", INTERFACES[i % INTERFACES.length]);
        data.put("rxBps", 1_000_000L + random.nextInt(50_000_000));
        data.put("txBps", 200_000L + random.nextInt(10_000_000));
        data.put("rxPackets", 10_000_000L + i);
        data.put("running", true);
        return new LoggedEvent(EventIds.next(at), Optional.of(router), EventClass.LOW, "telemetry.interface", at, "poller",
                INTERFACES[i % INTERFACES.length] + " rx/tx", data, EventTier.HOT);
    }

    // --- warm compression -----------------------------------------------------------------------------------

    private void compression(PrintStream out, Path data) {
        Clock clock = Clock.fixed(DAY_START, ZoneOffset.UTC);
        RouterId router = new RouterId("office");
        try (var databases = new DatabaseManager(data, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            var warm = new SqliteWarmEventTier(databases, clock);
            int perPhase = 3000;
            for (int i = 0; i < perPhase; i++) warm.appendBatched(realistic(router, i));
            warm.flush();
            int trained = warm.retrain(Optional.of(router));
            for (int i = perPhase; i < 2 * perPhase; i++) warm.appendBatched(realistic(router, i));
            warm.flush();
            var without = warm.compressionStats(Optional.of(router), false);
            var with = warm.compressionStats(Optional.of(router), true);
            out.printf("events: warm compression %.1fx with the trained dictionaries, %.1fx without (%d realistic NORMAL/CRITICAL events of %d"
                            + " types each way, %d dictionaries; payload JSON bytes / stored zstd bytes: %,d/%,d with, %,d/%,d without)%n",
                    with.ratio(), without.ratio(), perPhase, 5, trained, with.rawBytes(), with.storedBytes(), without.rawBytes(), without.storedBytes());
        }
    }

    private static final String[] KINDS = {"VLAN", "FIREWALL_FILTER", "FIREWALL_MANGLE", "IP_ADDRESS", "WIREGUARD_PEER", "ROUTE"};
    private static final String[] FIELDS = {"comment", "disabled", "vlanId", "interface", "action", "chain", "srcAddress", "gateway"};
    private static final String[] STATES = {"INSTALLING", "STARTING", "RUNNING", "STOPPED", "FAILED"};
    private static final String[] ACTORS = {"admin", "alice", "bob", "scheduler", "api-key:ci"};

    /** Event shapes the server writes warm: resource changes, service state, drift checks, reachability, logins. */
    private LoggedEvent realistic(RouterId router, int i) {
        Instant at = DAY_START.plusSeconds(i * 7L);
        var data = new LinkedHashMap<String, Object>();
        String id = java.util.UUID.nameUUIDFromBytes(("r" + random.nextInt(400)).getBytes()).toString();
        String kind = KINDS[random.nextInt(KINDS.length)];
        return switch (i % 5) {
            case 0 -> {
                var fields = new ArrayList<String>();
                for (int f = 0; f < 1 + random.nextInt(3); f++) fields.add(FIELDS[random.nextInt(FIELDS.length)]);
                long version = 1 + random.nextInt(30);
                data.put("resourceId", id);
                data.put("kind", kind);
                data.put("version", version);
                data.put("changedFields", fields);
                yield event(router, EventClass.CRITICAL, "resource.configured", at, ACTORS[random.nextInt(ACTORS.length)],
                        kind + " " + id + " configured (version " + version + ", fields " + String.join(", ", fields) + ")", data);
            }
            case 1 -> {
                String instance = java.util.UUID.nameUUIDFromBytes(("i" + random.nextInt(12)).getBytes()).toString();
                String from = STATES[random.nextInt(STATES.length)];
                String to = STATES[random.nextInt(STATES.length)];
                data.put("instanceId", instance);
                data.put("template", random.nextBoolean() ? "tor" : "wireguard");
                data.put("from", from);
                data.put("to", to);
                data.put("progress", random.nextInt(101));
                yield event(router, EventClass.NORMAL, "service.state", at, "lifecycle", "service " + instance + " " + from + " -> " + to, data);
            }
            case 2 -> {
                int drifted = random.nextInt(10) < 8 ? 0 : 1 + random.nextInt(3);
                data.put("resources", 120 + random.nextInt(5));
                data.put("drifted", drifted);
                data.put("durationMs", 80 + random.nextInt(400));
                yield event(router, EventClass.NORMAL, "router.drift-checked", at, "scheduler",
                        "drift check: " + drifted + " of " + data.get("resources") + " resources drifted", data);
            }
            case 3 -> {
                boolean up = random.nextBoolean();
                data.put("reachable", up);
                data.put("address", "192.168.88." + (1 + random.nextInt(3)));
                data.put("latencyMs", up ? 1 + random.nextInt(40) : null);
                data.put("error", up ? null : "connect timed out after 5000 ms");
                yield event(router, EventClass.NORMAL, "router.reachability", at, "poller", up ? "router reachable again" : "router unreachable", data);
            }
            default -> {
                String user = ACTORS[random.nextInt(3)];
                data.put("user", user);
                data.put("remoteAddress", "10.0.0." + (2 + random.nextInt(50)));
                data.put("userAgent", "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36");
                data.put("result", random.nextInt(10) == 0 ? "refused" : "ok");
                data.put("password", "******");
                yield event(router, EventClass.CRITICAL, "auth.login", at, user, user + " signed in from " + data.get("remoteAddress"), data);
            }
        };
    }

    private static LoggedEvent event(RouterId router, EventClass c, String type, Instant at, String actor, String summary, Map<String, Object> data) {
        return new LoggedEvent(EventIds.next(at), Optional.of(router), c, type, at, actor, summary, data, EventTier.WARM);
    }

    // --- flash bytes per router per day ---------------------------------------------------------------------

    /**
     * One router's simulated day at the default mix, written through the TieredEventLog as the server would:
     * telemetry every 5 s (router CPU/memory + 8 interfaces + 20 resources' counters: LOW, hot only), a drift
     * check every 5 min, 24 service state changes, 4 reachability changes (NORMAL, warm, batched and flushed
     * every 10 min), 100 resource changes and 10 logins (CRITICAL, warm, each durably on its own). The figure is
     * the delta of write_bytes in /proc/self/io over the day plus closing the databases (their WAL checkpoint).
     */
    private void flash(PrintStream out, Path hotDir, Path data, boolean hotOnTmpfs) throws IOException {
        Path io = Path.of("/proc/self/io");
        if (!Files.isReadable(io)) {
            out.println("events: flash bytes per router per day: not measured (/proc/self/io is not readable here)");
            return;
        }
        RouterId router = new RouterId("office");
        var clock = new SteppingClock(DAY_START);
        long before;
        long written = 0;
        var counts = new long[3];
        try (var databases = new DatabaseManager(data, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            databases.withRouter(router, c -> null); // create and migrate the router database before measuring
            try (var hot = new SqliteHotEventTier(hotDir, Optional.empty(), SqliteHotEventTier.Settings.defaults())) {
                var warm = new SqliteWarmEventTier(databases, clock);
                var log = new TieredEventLog(clock, hot, warm, ColdEventTier.NONE, EventRetention.defaults());
                before = writeBytes(io);
                int i = 0;
                for (long second = 0; second < 86_400; second += 5, i++) {
                    clock.set(DAY_START.plusSeconds(second));
                    record(log, router, EventClass.LOW, "telemetry.router", "cpu/memory", Map.of("cpuLoad", 3 + i % 40, "freeMemory", 180_000_000L - i), counts);
                    for (String itf : INTERFACES) {
                        record(log, router, EventClass.LOW, "telemetry.interface", itf + " rx/tx", Map.of("interface", itf, "rxBps", 1000L * (i % 997),
                                "txBps", 700L * (i % 991)), counts);
                    }
                    for (int r = 0; r < 20; r++) {
                        record(log, router, EventClass.LOW, "telemetry.resource", "counters", Map.of("resource", "res-" + r, "packets", (long) i * r,
                                "bytes", (long) i * r * 900), counts);
                    }
                    if (second % 300 == 0) record(log, router, EventClass.NORMAL, "router.drift-checked", "drift check: 0 of 120 drifted",
                            Map.of("resources", 120, "drifted", 0), counts);
                    if (second % 3600 == 0) record(log, router, EventClass.NORMAL, "service.state", "service tor RUNNING",
                            Map.of("template", "tor", "to", "RUNNING"), counts);
                    if (second % 21_600 == 0) record(log, router, EventClass.NORMAL, "router.reachability", "router reachable again",
                            Map.of("reachable", true), counts);
                    if (second % 865 == 0) record(log, router, EventClass.CRITICAL, "resource.configured", "VLAN configured (version 3, fields comment)",
                            Map.of("kind", "VLAN", "version", 3, "changedFields", List.of("comment")), counts);
                    if (second % 8640 == 0) record(log, router, EventClass.CRITICAL, "auth.login", "admin signed in", Map.of("user", "admin"), counts);
                    if (second % 600 == 595) warm.flush();
                }
                log.flush();
            }
        }
        written = writeBytes(io) - before;
        out.printf("events: flash bytes per router per day %,d (%.2f MB): write_bytes delta of /proc/self/io while one router's simulated day"
                        + " was written (%,d LOW telemetry at 5 s, hot tier %s; %,d NORMAL batched every 10 min; %,d CRITICAL each committed"
                        + " on its own) and its databases closed%n",
                written, written / 1e6, counts[2], hotOnTmpfs ? "on tmpfs" : "NOT on tmpfs (counted too)", counts[1], counts[0]);
    }

    private static void record(TieredEventLog log, RouterId router, EventClass c, String type, String summary, Map<String, Object> data, long[] counts) {
        log.record(com.nasnetconnect.domain.events.NewEvent.of(router, c, type, "poller", summary, data));
        counts[c.ordinal()]++;
    }

    private static long writeBytes(Path io) throws IOException {
        for (String line : Files.readAllLines(io)) {
            if (line.startsWith("write_bytes:")) return Long.parseLong(line.substring("write_bytes:".length()).strip());
        }
        throw new IOException("no write_bytes in " + io);
    }

    /** The simulated day's time. */
    private static final class SteppingClock extends Clock {
        private volatile Instant now;

        SteppingClock(Instant start) {
            now = start;
        }

        void set(Instant at) {
            now = at;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static void delete(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

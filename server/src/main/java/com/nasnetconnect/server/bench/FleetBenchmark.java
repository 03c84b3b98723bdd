package com.nasnetconnect.server.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bench fleet}: one server with a thousand routers, run the way the product runs. A RouterOS simulator
 * child process ({@code simulate --routers N}) plays the fleet; the server is a second child JVM started through
 * the launcher ({@code entrypoint.sh}, with whatever JVM options it and {@code NNC_JAVA_OPTS} set) or, without
 * one, as {@code java -XX:+PerfDisableSharedMem $NNC_JAVA_OPTS -jar}. Routers are registered over GraphQL
 * ({@code addRouter}, an operator API key); at 100 and at N routers, once every router answered a poll and the
 * server sat idle for a while, it reads the server's RSS (VmRSS, before and after a full GC by {@code jcmd}),
 * live heap (class histogram), threads, open files and open router databases ({@code /metrics}). At N it times
 * the {@code routers} query and reads, from each router's {@code status.checkedAt}, how one status round was
 * spread. Everything (data directory, logs) is removed afterwards unless {@code --keep}.
 */
final class FleetBenchmark {
    static final String USAGE = """
            Usage: java -jar nasnetconnect.jar bench fleet [--routers N] [--sim-port P] [--idle-seconds S] [--requests R]
                                                           [--launcher FILE|none] [--keep]
              Registers N simulated routers (default 1000, at least 200) with a server in its own JVM and measures
              it at 100 and at N routers. The first line reads
              fleet: 100 routers RSS X MB; N routers RSS Y MB, routers p50 A ms p99 B ms, open router DBs C
              --sim-port P     first of N consecutive ports for the simulated routers (default: a free block)
              --idle-seconds S how long the server idles before each measurement (default 10)
              --requests R     timed routers queries at N routers, after 20 untimed ones (default 200)
              --launcher FILE  the launcher to run the server with (default: entrypoint.sh beside the build, if
                               found); none: plain java -jar
              --keep           keep the data directory and logs (their path is printed)
            """;

    private static final ObjectMapper JSON = JsonMapper.shared();
    private static final String ADD_ROUTER = """
            mutation Add($input: AddRouterInput!) {
              addRouter(input: $input) { router { id } userErrors { message } }
            }""";
    private static final String ROUTERS = """
            query Routers { routers { id name host port status { reachable version checkedAt problem } } }""";
    private static final int WARM_UP = 20;

    private final int routers;
    private final int simPort;
    private final Duration idle;
    private final int requests;
    private final Optional<Path> launcher;
    private final boolean keep;
    private final Path jar;
    private final Path javaHome = Path.of(System.getProperty("java.home"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String routerPassword = secret();
    private int throttled;

    private FleetBenchmark(int routers, int simPort, Duration idle, int requests, Optional<Path> launcher, boolean keep, Path jar) {
        this.routers = routers;
        this.simPort = simPort;
        this.idle = idle;
        this.requests = requests;
        this.launcher = launcher;
        this.keep = keep;
        this.jar = jar;
    }

    /** {@code args} start after "fleet". */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        int routers = 1000;
        int simPort = 0;
        int idleSeconds = 10;
        int requests = 200;
        Optional<Path> launcher = null;
        boolean keep = false;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (option.equals("--keep")) {
                keep = true;
                continue;
            }
            if (i + 1 >= args.size()) {
                err.println("nasnetconnect bench fleet: unknown option or missing value '" + option + "' (try bench fleet --help)");
                return 2;
            }
            String value = args.get(++i);
            try {
                switch (option) {
                    case "--routers" -> routers = number(option, value, 200, 5000);
                    case "--sim-port" -> simPort = number(option, value, 1024, 65535);
                    case "--idle-seconds" -> idleSeconds = number(option, value, 0, 600);
                    case "--requests" -> requests = number(option, value, 10, 100_000);
                    case "--launcher" -> {
                        if (value.equals("none")) {
                            launcher = Optional.empty();
                        } else if (Files.isRegularFile(Path.of(value))) {
                            launcher = Optional.of(Path.of(value));
                        } else {
                            err.println("nasnetconnect bench fleet: --launcher '" + value + "' is not a file");
                            return 2;
                        }
                    }
                    default -> {
                        err.println("nasnetconnect bench fleet: unknown option '" + option + "' (try bench fleet --help)");
                        return 2;
                    }
                }
            } catch (IllegalArgumentException e) {
                err.println("nasnetconnect bench fleet: " + e.getMessage());
                return 2;
            }
        }
        Optional<Path> jar = runningJar();
        if (jar.isEmpty()) {
            err.println("nasnetconnect bench fleet: run it from the packaged jar (java -jar server/target/nasnetconnect.jar bench fleet)");
            return 2;
        }
        if (simPort != 0 && simPort + routers - 1 > 65535) {
            err.println("nasnetconnect bench fleet: --sim-port " + simPort + " with " + routers + " routers goes past port 65535");
            return 2;
        }
        if (launcher == null) launcher = defaultLauncher(jar.get());
        try {
            new FleetBenchmark(routers, simPort, Duration.ofSeconds(idleSeconds), requests, launcher, keep, jar.get()).run(out);
            return 0;
        } catch (Exception e) {
            err.println("nasnetconnect bench fleet: " + e.getMessage());
            return 1;
        }
    }

    private static int number(String option, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            n = Integer.MIN_VALUE;
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
        }
        return n;
    }

    private static Optional<Path> runningJar() {
        try {
            Path p = Path.of(FleetBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return p.toString().endsWith(".jar") && Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** The launcher of the build ({@code server/src/main/docker/entrypoint.sh} beside {@code server/target}) or of the image. */
    private static Optional<Path> defaultLauncher(Path jar) {
        Path dir = jar.toAbsolutePath().getParent();
        return Stream.of(dir.resolve("../src/main/docker/entrypoint.sh"), dir.resolve("entrypoint.sh"))
                .map(Path::normalize).filter(Files::isRegularFile).findFirst();
    }

    // -------------------------------------------------------------------------------------------------------------

    private void run(PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("nnc-fleet-bench");
        Path data = work.resolve("data");
        Process simulator = null;
        Server server = null;
        try {
            int firstPort = simPort != 0 ? simPort : freeBlock(routers);
            for (int attempt = 1; simulator == null; attempt++) {
                try {
                    simulator = startSimulator(firstPort, work.resolve("simulator.log"));
                } catch (IllegalStateException portTaken) {
                    if (simPort != 0 || attempt == 3) throw portTaken;
                    firstPort = freeBlock(routers); // another process took a port of the block meanwhile
                }
            }
            server = startServer(data, work.resolve("server.log"));
            String key = createApiKey(data); // once the server made the data directory (and its keys)
            server.key = key;

            Registration first = register(server, key, firstPort, 0, 100);
            awaitReachable(server, 100);
            Sample at100 = sample(server, 100);
            Registration rest = register(server, key, firstPort, 100, routers);
            awaitReachable(server, routers);
            Sample atN = sample(server, routers);
            Timings query = timeRoutersQuery(server, key);
            Spread spread = spread(query.lastBody());

            out.printf("fleet: 100 routers RSS %d MB; %d routers RSS %d MB, routers p50 %.1f ms p99 %.1f ms, open router DBs %d%n",
                    mb(at100.rss()), routers, mb(atN.rss()), query.p50(), query.p99(), atN.openRouterDbs());
            out.printf("  registering (addRouter, one at a time): 100 routers in %.1f s (p50 %.0f ms, p99 %.0f ms); %d more in %.1f s"
                            + " (p50 %.0f ms, p99 %.0f ms); %d requests throttled (429) and retried%n",
                    first.seconds(), first.p50(), first.p99(), routers - 100, rest.seconds(), rest.p50(), rest.p99(), throttled);
            for (Sample s : List.of(at100, atN)) {
                out.printf("  %d routers: RSS %d MB (%d MB after a full GC), live heap %.1f MB in %,d objects, %d threads,"
                                + " %d open files, open router DBs %d (of %d files), CPU %.0f%% of a core while idle%n",
                        s.routers(), mb(s.rss()), mb(s.rssAfterGc()), s.liveHeap() / 1048576.0, s.objects(), s.threads(),
                        s.openFiles(), s.openRouterDbs(), s.routerDbFiles(), s.cpuPercent());
            }
            int added = routers - 100;
            out.printf("  per router (100 -> %d): %+.1f KB RSS, %+.1f KB RSS after GC, %+.1f KB live heap, %+.3f threads%n",
                    routers, (atN.rss() - at100.rss()) / 1024.0 / added, (atN.rssAfterGc() - at100.rssAfterGc()) / 1024.0 / added,
                    (atN.liveHeap() - at100.liveHeap()) / 1024.0 / added, (atN.threads() - at100.threads()) / (double) added);
            out.println("  threads at " + routers + " routers: " + atN.threadGroups());
            out.println("  live heap growth by class (100 -> " + routers + "): " + histogramGrowth(at100, atN, 6));
            out.printf("  routers query at %d routers: p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d requests (after %d), %d KB each%n",
                    routers, query.p50(), query.p99(), query.max(), requests, WARM_UP, query.lastBody().length() / 1024);
            out.printf("  status polling: one round's %d polls (status.checkedAt) spread over %.1f s, at most %d in one second;"
                            + " %d of %d routers reachable%n",
                    spread.polls(), spread.spanSeconds(), spread.maxPerSecond(), spread.reachable(), routers);
            out.println("  server JVM: " + server.describe());
            if (keep) out.println("  kept: " + work);
        } catch (Exception e) {
            if (server != null) throw new IllegalStateException(e.getMessage() + " (server log: " + work.resolve("server.log")
                    + ", kept)", e);
            throw e;
        } finally {
            if (server != null) server.stop();
            if (simulator != null) stop(simulator);
            if (!keep && (server == null || server.healthy)) deleteTree(work); // a server that never came up keeps its log
        }
    }

    // --- processes -------------------------------------------------------------------------------------------

    private Path java() {
        return javaHome.resolve("bin").resolve("java");
    }

    private Process startSimulator(int firstPort, Path log) throws Exception {
        var pb = new ProcessBuilder(java().toString(), "-jar", jar.toString(), "simulate", "--routers", String.valueOf(routers),
                "--port", String.valueOf(firstPort), "--version", "7.16.2", "--user", "admin", "--password", routerPassword)
                .redirectErrorStream(true);
        Process p = pb.start();
        var reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || !line.contains("listening")) {
            stop(p);
            throw new IllegalStateException("the simulator did not start: " + line);
        }
        // drain the rest into the log so the simulator never blocks on a full pipe
        Thread.ofVirtual().start(() -> {
            try (var w = Files.newBufferedWriter(log)) {
                for (String l; (l = reader.readLine()) != null; ) w.write(l + "\n");
            } catch (IOException ignored) {
                // the simulator ended
            }
        });
        return p;
    }

    private String createApiKey(Path data) throws Exception {
        var pb = new ProcessBuilder(java().toString(), "-jar", jar.toString(), "apikey", "create", "--name", "fleet-bench",
                "--role", "operator", "--data-dir", data.toString());
        pb.environment().put("NNC_DATA_DIR", data.toString());
        Process p = pb.redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("apikey create failed: " + output.lines().filter(l -> l.startsWith("apikey")).findFirst().orElse("exit " + p.exitValue()));
        }
        return output.lines().findFirst().orElseThrow().strip();
    }

    private Server startServer(Path data, Path log) throws Exception {
        int port;
        try (var s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        String javaOpts = System.getenv().getOrDefault("NNC_JAVA_OPTS", "").strip();
        if (launcher.isPresent()) {
            command.addAll(List.of("/bin/sh", launcher.get().toString()));
        } else {
            command.addAll(List.of(java().toString(), "-XX:+PerfDisableSharedMem"));
            if (!javaOpts.isEmpty()) command.addAll(Arrays.asList(javaOpts.split("\\s+")));
            command.addAll(List.of("-jar", jar.toString()));
        }
        var pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("NNC_JAR", jar.toString());
        env.put("NNC_JAVA", java().toString());
        if (launcher.isPresent()) env.put("JDK_JAVA_OPTIONS", "-XX:+PerfDisableSharedMem");
        env.put("NNC_PORT", String.valueOf(port));
        env.put("NNC_BIND", "127.0.0.1");
        env.put("NNC_DATA_DIR", data.toString());
        env.put("NNC_ADMIN_PASSWORD", secret() + "-Aa9");
        env.put("NNC_DEMO", "false");
        // the benchmark's one key may ask faster than a client is allowed by default (where the setting exists)
        env.put("NNC_GRAPHQL_RATE", "1000");
        env.put("NNC_GRAPHQL_BURST", "1000");
        Process p = pb.start();
        var server = new Server(p, port, log, data);
        server.awaitHealthy(Duration.ofSeconds(180));
        return server;
    }

    /** The server JVM (the launcher's child, or the process itself), and how to reach it. */
    private final class Server {
        final Process process;
        final int port;
        final Path log;
        final Path data;
        String key;
        long pid;
        boolean healthy;

        Server(Process process, int port, Path log, Path data) {
            this.process = process;
            this.port = port;
            this.log = log;
            this.data = data;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        void awaitHealthy(Duration timeout) throws Exception {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) throw new IllegalStateException("the server exited with " + process.exitValue() + ": " + tail());
                try {
                    var res = http.send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (res.statusCode() == 200 && Files.readString(log).contains("NasNetConnect is ready")) {
                        pid = jvm().pid();
                        healthy = true;
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                TimeUnit.MILLISECONDS.sleep(250); // polling with a deadline
            }
            throw new IllegalStateException("the server did not become healthy within " + timeout.toSeconds() + " s: " + tail());
        }

        /** The java process: the launcher's descendant running the jar, or the process itself. */
        ProcessHandle jvm() {
            if (launcher.isEmpty()) return process.toHandle();
            return process.descendants().filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .findFirst().orElseThrow(() -> new IllegalStateException("the launcher started no java process"));
        }

        String describe() {
            String args = ProcessHandle.of(pid).flatMap(h -> h.info().arguments()).map(a -> {
                var opts = new ArrayList<String>();
                for (String s : a) {
                    if (s.equals("-jar") || s.equals("-cp")) break;
                    opts.add(s);
                }
                return String.join(" ", opts);
            }).orElse("?");
            return (launcher.map(l -> "launcher " + l.getFileName() + ", ").orElse("java -jar, ")) + "options [" + args + "]"
                    + (launcher.isPresent() ? " + JDK_JAVA_OPTIONS=-XX:+PerfDisableSharedMem" : "");
        }

        String tail() throws IOException {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        }

        void stop() {
            List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
            process.destroy(); // the launcher passes TERM on to the server
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(20, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- GraphQL ---------------------------------------------------------------------------------------------

    private record Registration(double seconds, double p50, double p99) {
    }

    private Registration register(Server server, String key, int firstPort, int from, int to) throws Exception {
        long began = System.nanoTime();
        long[] each = new long[to - from];
        for (int i = from; i < to; i++) {
            var input = new LinkedHashMap<String, Object>();
            input.put("name", "fleet-" + (i + 1));
            input.put("host", "127.0.0.1");
            input.put("port", firstPort + i);
            input.put("username", "admin");
            input.put("password", routerPassword);
            long t0 = System.nanoTime();
            JsonNode answer = graphQl(server, key, ADD_ROUTER, Map.of("input", input));
            each[i - from] = System.nanoTime() - t0;
            JsonNode payload = answer.path("data").path("addRouter");
            if (payload.path("router").path("id").isMissingNode() || payload.path("router").isNull()) {
                throw new IllegalStateException("addRouter of fleet-" + (i + 1) + " failed: "
                        + (answer.has("errors") ? answer.get("errors") : payload.path("userErrors")));
            }
        }
        Arrays.sort(each);
        return new Registration((System.nanoTime() - began) / 1e9, percentile(each, 50) / 1e6, percentile(each, 99) / 1e6);
    }

    private record Timings(double p50, double p99, double max, String lastBody) {
    }

    private Timings timeRoutersQuery(Server server, String key) throws Exception {
        String body = "";
        for (int i = 0; i < WARM_UP; i++) body = post(server, key, ROUTERS, Map.of()).body;
        long[] each = new long[requests];
        for (int i = 0; i < requests; i++) {
            Answer a = post(server, key, ROUTERS, Map.of());
            each[i] = a.nanos;
            body = a.body;
        }
        if (!JSON.readTree(body).path("data").path("routers").isArray()) {
            throw new IllegalStateException("the routers query failed: " + body.substring(0, Math.min(300, body.length())));
        }
        Arrays.sort(each);
        return new Timings(percentile(each, 50) / 1e6, percentile(each, 99) / 1e6, each[each.length - 1] / 1e6, body);
    }

    private record Answer(String body, long nanos) {
    }

    private JsonNode graphQl(Server server, String key, String query, Map<String, Object> variables) throws Exception {
        return JSON.readTree(post(server, key, query, variables).body);
    }

    /** One request, timed; a 429 or 503 waits its Retry-After and asks again (the wait is not timed). */
    private Answer post(Server server, String key, String query, Map<String, Object> variables) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", variables));
        for (int attempt = 0; ; attempt++) {
            var request = HttpRequest.newBuilder(server.uri("/graphql")).timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long t0 = System.nanoTime();
            var res = http.send(request, HttpResponse.BodyHandlers.ofString());
            long nanos = System.nanoTime() - t0;
            if ((res.statusCode() == 429 || res.statusCode() == 503) && attempt < 100) {
                throttled++;
                long wait = res.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                TimeUnit.MILLISECONDS.sleep(Math.max(100, Math.min(wait * 1000, 5000))); // the server's own back-off
                continue;
            }
            if (res.statusCode() != 200) throw new IllegalStateException("/graphql answered " + res.statusCode() + ": " + res.body());
            return new Answer(res.body(), nanos);
        }
    }

    // --- measurements ----------------------------------------------------------------------------------------

    private void awaitReachable(Server server, int n) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60 + n / 5));
        long reachable = -1;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Double> m = metrics(server);
            reachable = Math.round(m.getOrDefault("nnc_routers_reachable", -1.0));
            if (m.getOrDefault("nnc_routers_managed", -1.0) >= n && reachable >= n) return;
            TimeUnit.MILLISECONDS.sleep(500); // polling with a deadline
        }
        throw new IllegalStateException("only " + reachable + " of " + n + " routers answered the status poll in time");
    }

    private Map<String, Double> metrics(Server server) throws Exception {
        var res = http.send(HttpRequest.newBuilder(server.uri("/metrics")).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + server.key).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200) throw new IllegalStateException("/metrics answered " + res.statusCode());
        var out = new TreeMap<String, Double>();
        res.body().lines().filter(l -> !l.startsWith("#") && l.contains(" ")).forEach(l -> {
            int sp = l.lastIndexOf(' ');
            try {
                out.put(l.substring(0, sp), Double.parseDouble(l.substring(sp + 1)));
            } catch (NumberFormatException ignored) {
                // not a sample line
            }
        });
        return out;
    }

    private record Sample(int routers, long rss, long rssAfterGc, long liveHeap, long objects, int threads, int openFiles,
                          int openRouterDbs, int routerDbFiles, Map<String, Long> bytesByClass, String threadGroups,
                          double cpuPercent) {
    }

    /** The most common thread names (digits folded), e.g. "HikariPool-# housekeeper x32". */
    private static String threadGroups(String threadDump, int top) {
        var counts = new TreeMap<String, Integer>();
        threadDump.lines().filter(l -> l.startsWith("\"")).forEach(l -> {
            String name = l.substring(1, Math.max(1, l.indexOf('"', 1))).replaceAll("[0-9]+", "#");
            counts.merge(name, 1, Integer::sum);
        });
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(top).map(e -> e.getKey() + " x" + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private Sample sample(Server server, int n) throws Exception {
        long ticks = cpuTicks(server.pid);
        long began = System.nanoTime();
        TimeUnit.MILLISECONDS.sleep(idle.toMillis()); // the server idles: polling rounds run, nothing is asked of it
        double cpuPercent = (cpuTicks(server.pid) - ticks) / 100.0 / ((System.nanoTime() - began) / 1e9) * 100;
        long rss = status(server.pid, "VmRSS");
        int threads = (int) status(server.pid, "Threads");
        int openFiles;
        try (var fds = Files.list(Path.of("/proc/" + server.pid + "/fd"))) {
            openFiles = (int) fds.count();
        }
        int openDbs = (int) Math.round(metrics(server).getOrDefault("nnc_router_databases_open", -1.0));
        int dbFiles;
        try (var files = Files.list(server.data)) {
            dbFiles = (int) files.filter(f -> f.getFileName().toString().matches("router-.*\\.db")).count();
        }
        String threadGroups = threadGroups(jcmd(server.pid, "Thread.print"), 5);
        // the class histogram runs a full GC first: its total is the live heap
        String histogram = jcmd(server.pid, "GC.class_histogram");
        jcmd(server.pid, "GC.run");
        long rssAfterGc = status(server.pid, "VmRSS");
        var byClass = new LinkedHashMap<String, Long>();
        long live = 0;
        long objects = 0;
        for (String line : histogram.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) byClass.put(f[3], Long.parseLong(f[2]));
            if (f.length >= 3 && f[0].equals("Total")) {
                objects = Long.parseLong(f[1]);
                live = Long.parseLong(f[2]);
            }
        }
        return new Sample(n, rss, rssAfterGc, live, objects, threads, openFiles, openDbs, dbFiles, byClass, threadGroups, cpuPercent);
    }

    /** User and system CPU time of the process in clock ticks (USER_HZ, 100 a second on Linux). */
    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15 (utime, stime)
    }

    /** A {@code /proc/<pid>/status} field in bytes (kB fields) or as a count. */
    private static long status(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith(field + ":")) {
                String[] f = line.substring(field.length() + 1).trim().split("\\s+");
                long v = Long.parseLong(f[0]);
                return f.length > 1 && f[1].equals("kB") ? v * 1024 : v;
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
    }

    private String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder(javaHome.resolve("bin").resolve("jcmd").toString(), String.valueOf(pid), command)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + output.lines().findFirst().orElse(""));
        }
        return output;
    }

    private static String histogramGrowth(Sample before, Sample after, int top) {
        var growth = new ArrayList<Map.Entry<String, Long>>();
        after.bytesByClass().forEach((cls, bytes) -> growth.add(Map.entry(cls, bytes - before.bytesByClass().getOrDefault(cls, 0L))));
        growth.sort(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()));
        var parts = new ArrayList<String>();
        for (var e : growth.subList(0, Math.min(top, growth.size()))) {
            String cls = e.getKey();
            parts.add(cls.substring(cls.lastIndexOf('.') + 1) + " +" + e.getValue() / 1024 + " KB");
        }
        return String.join(", ", parts);
    }

    private record Spread(int polls, double spanSeconds, int maxPerSecond, int reachable) {
    }

    /** How the last status round's polls (each router's {@code checkedAt}) fell over time. */
    private static Spread spread(String routersBody) {
        var perSecond = new TreeMap<Long, Integer>();
        Instant first = null;
        Instant last = null;
        int reachable = 0;
        int polls = 0;
        for (JsonNode r : JSON.readTree(routersBody).path("data").path("routers")) {
            JsonNode s = r.path("status");
            if (s.path("reachable").asBoolean()) reachable++;
            if (!s.hasNonNull("checkedAt")) continue;
            Instant at = Instant.parse(s.get("checkedAt").asString());
            polls++;
            perSecond.merge(at.getEpochSecond(), 1, Integer::sum);
            first = first == null || at.isBefore(first) ? at : first;
            last = last == null || at.isAfter(last) ? at : last;
        }
        double span = first == null ? 0 : Duration.between(first, last).toMillis() / 1000.0;
        int max = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        return new Spread(polls, span, max, reachable);
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private static long mb(long bytes) {
        return Math.round(bytes / 1048576.0);
    }

    private static long percentile(long[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** A block of n consecutive free loopback ports between 20000 and 60000. */
    private static int freeBlock(int n) throws IOException {
        var random = new SecureRandom();
        for (int attempt = 0; attempt < 50; attempt++) {
            int first = 20_000 + random.nextInt(40_000 - n);
            boolean free = true;
            for (int p = first; p < first + n && free; p++) {
                try (var s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    s.setReuseAddress(true);
                } catch (IOException taken) {
                    free = false;
                }
            }
            if (free) return first;
        }
        throw new IOException("no block of " + n + " free ports between 20000 and 60000");
    }

    private static String secret() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a leftover temporary file
                }
            });
        } catch (IOException ignored) {
            // already gone
        }
    }
}

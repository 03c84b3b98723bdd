package com.nasnetconnect.e2e.bench;

import static com.codeborne.selenide.Condition.text;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;

import com.nasnetconnect.e2e.BenchSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up and footprint of the server as {@code ./nnc run} and the container image run it: through the launcher
 * ({@code server/src/main/docker/entrypoint.sh}) with its JVM settings for a small box. A benchmark, not a test:
 * tagged {@code bench}, excluded from {@code ./nnc test}, run by {@code ./nnc bench}, which prints its lines (and
 * those of the other benchmarks) as one table. It writes {@code target/bench/startup.txt}:
 * <ul>
 *   <li>launcher start → first HTTP 200 on {@code /}, median of 5 restarts, without (NNC_AOT=off) and with the AOT
 *       cache the launcher records on a build's first start (that first start is timed too)</li>
 *   <li>resident memory (VmRSS) of the idle server after one signed-in UI session; with 100 more routers
 *       registered (simulated in another process) and one UI session, after a restart; and with those routers added
 *       to the running server and a second UI session</li>
 *   <li>size of the jar plus its dependencies and of the AOT cache</li>
 * </ul>
 */
@Tag("bench")
class StartupBenchmark {
    static final int RUNS = 5;
    static final int ROUTERS = 100;
    static final Path LAUNCHER = Path.of("../server/src/main/docker/entrypoint.sh").toAbsolutePath().normalize();

    @Test
    void measure() throws Exception {
        Path jar = BenchSupport.jar();
        long size = Files.size(jar);
        try (Stream<Path> libs = Files.list(jar.resolveSibling("lib"))) {
            size += libs.mapToLong(p -> p.toFile().length()).sum();
        }
        Path plainData = Files.createTempDirectory("nnc-bench-plain");
        timeToFirst200(plainData, Map.of("NNC_AOT", "off")); // first start: creates the databases
        List<Long> plain = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) plain.add(timeToFirst200(plainData, Map.of("NNC_AOT", "off")));

        Path aotData = Files.createTempDirectory("nnc-bench-aot");
        long recording = timeToFirst200(aotData, Map.of("NNC_AOT", "on"));
        Path cache = aotData.resolve("update/aot/built.aot");
        if (!Files.exists(cache)) throw new IllegalStateException("the launcher recorded no AOT cache in " + cache);
        List<Long> withAot = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) withAot.add(timeToFirst200(aotData, Map.of("NNC_AOT", "on")));

        long[][] rss = rssWithOneSessionThenWithRouters(aotData);

        List<String> lines = new ArrayList<>();
        lines.add(String.format("| start → first 200 on /, no AOT cache (median of %d restarts) | %d ms (runs: %s) |", RUNS, median(plain), plain));
        lines.add(String.format("| start → first 200 on /, AOT cache (median of %d restarts) | %d ms (runs: %s) |", RUNS, median(withAot), withAot));
        lines.add(String.format("| first start of a build, recording its AOT cache | %d ms |", recording));
        lines.add(String.format("| idle RSS, 1 UI session (demo router) | %s |", window(rss[0])));
        lines.add(String.format("| idle RSS, 1 UI session and %d more routers (restarted with them, fleet list) | %s |", ROUTERS, window(rss[1])));
        lines.add(String.format("| idle RSS, 2 UI sessions and %d more routers (added to the running server, then the fleet list) | %s |", ROUTERS, window(rss[2])));
        lines.add(String.format("| jar + dependencies | %.1f MiB (%s + lib/) |", size / 1048576.0, jar.getFileName()));
        lines.add(String.format("| AOT cache file | %.1f MiB |", Files.size(cache) / 1048576.0));
        lines.add(String.format("| service install (bench factory: Tor on a loopback simulator, image pull excluded) | %s |", benchFactory()));
        write("startup.txt", lines);
    }

    /** Writes a benchmark's table rows to target/bench/NAME (for ./nnc bench) and to the console. */
    static void write(String name, List<String> lines) throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Files.write(dir.resolve(name), lines, StandardCharsets.UTF_8);
        System.out.println();
        lines.forEach(System.out::println);
    }

    /** The summary line of {@code bench factory} (install and uninstall p50/p99, objects, round trips). */
    static String benchFactory() throws Exception {
        Path log = Files.createTempFile("nnc-bench-factory", ".log");
        Process p = BenchSupport.launch(List.of(), Map.of(), log, List.of("bench", "factory", "--iterations", "30"));
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            return "did not finish within 5 minutes (" + log + ")";
        }
        return Files.readAllLines(log).stream().filter(l -> l.startsWith("factory: ")).findFirst()
                .map(l -> l.substring("factory: ".length())).orElse("exit code " + p.exitValue() + ", see " + log);
    }

    static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    /** The server through the launcher on its own port; the caller stops it. */
    static Process launcher(Path data, int port, Map<String, String> extra) throws IOException {
        ProcessBuilder pb = new ProcessBuilder("sh", LAUNCHER.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("launcher.log").toFile()));
        Map<String, String> env = pb.environment();
        env.putAll(env(port, data));
        env.put("NNC_JAR", BenchSupport.jar().toAbsolutePath().toString());
        env.put("NNC_JAVA", javaBinary());
        env.putAll(extra);
        return pb.start();
    }

    static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void stop(Process launcher) throws InterruptedException {
        launcher.destroy();
        if (!launcher.waitFor(30, TimeUnit.SECONDS)) {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly().waitFor();
        }
    }

    /**
     * Milliseconds from starting the launcher to the first 200 answer on "/". The poll is a bare socket every 10 ms
     * (as {@code curl} in a loop would be), not an HTTP client: on a 2-core box a client's own threads and JIT would
     * take CPU from the server whose start is being timed.
     */
    static long timeToFirst200(Path data, Map<String, String> extra) throws Exception {
        int port = BenchSupport.freePort();
        long start = System.nanoTime();
        Process p = launcher(data, port, extra);
        try {
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(300)) {
                if (firstPageAnswers200(port)) return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                Thread.sleep(10);
            }
            throw new IllegalStateException("no 200 within 300 s (" + data.resolve("launcher.log") + ")");
        } finally {
            stop(p);
        }
    }

    /** One {@code GET /} on a new connection: whether its status line says 200 (false while nothing listens yet). */
    static boolean firstPageAnswers200(int port) throws InterruptedException {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] head = socket.getInputStream().readNBytes(12); // "HTTP/1.1 200"
            return new String(head, java.nio.charset.StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
        } catch (IOException notYet) {
            return false;
        }
    }

    static Map<String, String> env(int port, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("NNC_PORT", String.valueOf(port));
        env.put("NNC_BIND", "127.0.0.1");
        env.put("NNC_DATA_DIR", dataDir.toString());
        env.put("NNC_EVENTS_HOT_DIR", dataDir.resolve("hot").toString()); // not the machine-wide /dev/shm tier
        env.put("NNC_ADMIN_PASSWORD", BenchSupport.ADMIN_PASSWORD);
        env.put("NNC_DEMO_API_PORT", "0");
        return env;
    }

    /**
     * VmRSS windows ({@link #rssWindow}) of the idle server (launcher, AOT cache): [0] after one signed-in UI session on the demo router;
     * [2] on the same server with {@value #ROUTERS} simulated routers registered over GraphQL and a second UI session,
     * on the fleet list (the first session's UI is still held: Vaadin keeps a closed page for three missed
     * heartbeats); [1] after a restart with those routers registered and one UI session, on the fleet list: issue 16's
     * "one UI session and 100 routers".
     */
    static long[][] rssWithOneSessionThenWithRouters(Path data) throws Exception {
        Process simulator = null;
        long[][] rss = new long[3][];
        try {
            int port = BenchSupport.freePort();
            Process launcher = launcher(data, port, Map.of("NNC_AOT", "on"));
            try {
                BenchSupport.awaitHealthy(port);
                long pid = serverPid(launcher);
                uiSession(port, "/routers/demo", "");
                Thread.sleep(20_000);
                rss[0] = rssWindow(pid);

                int simPort = BenchSupport.freePort() + 1;
                Path simLog = data.resolve("simulator.log");
                simulator = BenchSupport.launch(List.of(), Map.of(), simLog, List.of("simulate", "--routers", String.valueOf(ROUTERS),
                        "--port", String.valueOf(simPort), "--version", "7.16.2", "--user", "admin", "--password", "bench-router-pw"));
                awaitLine(simLog, "listening");
                String key = apiKey(data);
                for (int i = 0; i < ROUTERS; i++) addRouter(port, key, "bench-" + (i + 1), simPort + i);
                uiSession(port, "/", "bench-" + ROUTERS);
                Thread.sleep(30_000); // idle: a polling round of every router, the UI session closed
                rss[2] = rssWindow(pid);
            } finally {
                stop(launcher);
            }
            port = BenchSupport.freePort();
            launcher = launcher(data, port, Map.of("NNC_AOT", "on"));
            try {
                BenchSupport.awaitHealthy(port);
                long pid = serverPid(launcher);
                uiSession(port, "/", "bench-" + ROUTERS);
                Thread.sleep(30_000);
                rss[1] = rssWindow(pid);
            } finally {
                stop(launcher);
            }
            return rss;
        } finally {
            if (simulator != null) {
                simulator.destroy();
                simulator.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    static void uiSession(int port, String page, String shows) throws Exception {
        BenchSupport.openBrowser();
        try {
            open("http://127.0.0.1:" + port + "/");
            $("input[name='username']").setValue("admin");
            $("input[name='password']").setValue(BenchSupport.ADMIN_PASSWORD).pressEnter();
            $("#routers-grid").shouldBe(visible);
            open("http://127.0.0.1:" + port + page);
            if (shows.isEmpty()) $("#overview-cpu-chart svg").shouldBe(com.codeborne.selenide.Condition.exist, Duration.ofSeconds(60));
            else $("body").shouldHave(text(shows), Duration.ofSeconds(60));
            Thread.sleep(5000);
        } finally {
            BenchSupport.closeBrowser();
        }
    }

    static long serverPid(Process launcher) {
        return launcher.descendants().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElseThrow(() -> new IllegalStateException("no server JVM under the launcher"));
    }

    static final int WINDOW_SAMPLES = 30;
    static final long WINDOW_STEP_MS = 2000;

    /**
     * VmRSS (KiB) every {@value #WINDOW_STEP_MS} ms for a minute, sorted: an idle server's RSS is not one number (the
     * old generation fills with promoted garbage between full collections, native memory is trimmed every 5 s), so
     * one sample would be luck.
     */
    static long[] rssWindow(long pid) throws Exception {
        long[] samples = new long[WINDOW_SAMPLES];
        for (int i = 0; i < WINDOW_SAMPLES; i++) {
            if (i > 0) Thread.sleep(WINDOW_STEP_MS);
            samples[i] = rss(pid);
        }
        java.util.Arrays.sort(samples);
        return samples;
    }

    /** "152.3 MiB median (min 150.1, max 158.0; 30 samples over 58 s)" of sorted samples. */
    static String window(long[] sorted) {
        return String.format("%.1f MiB median (min %.1f, max %.1f; %d samples over %d s)", sorted[sorted.length / 2] / 1024.0,
                sorted[0] / 1024.0, sorted[sorted.length - 1] / 1024.0, sorted.length, (sorted.length - 1) * WINDOW_STEP_MS / 1000);
    }

    static long rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
        }
        throw new IllegalStateException("no VmRSS");
    }

    static void awaitLine(Path log, String text) throws Exception {
        for (int i = 0; i < 600; i++) {
            if (Files.exists(log) && Files.readString(log).contains(text)) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("'" + text + "' not in " + log);
    }

    /** An admin API key, made with the jar's own CLI against the running server's data directory. */
    static String apiKey(Path data) throws Exception {
        Path log = Files.createTempFile("nnc-bench-key", ".log");
        Process p = BenchSupport.launch(List.of(), Map.of("NNC_DATA_DIR", data.toString()), log,
                List.of("apikey", "create", "--name", "bench", "--role", "admin", "--data-dir", data.toString()));
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("apikey create failed: " + log);
        return Files.readAllLines(log).stream().filter(l -> l.startsWith("nnc_")).findFirst().orElseThrow().strip();
    }

    static void addRouter(int port, String key, String name, int routerPort) throws Exception {
        String body = """
                {"query":"mutation($i: AddRouterInput!) { addRouter(input: $i) { router { id } userErrors { message } } }",
                 "variables":{"i":{"name":"%s","host":"127.0.0.1","port":%d,"username":"admin","password":"bench-router-pw"}}}"""
                .formatted(name, routerPort);
        var res = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 200 || !res.body().contains("\"id\"")) {
            throw new IllegalStateException("addRouter " + name + ": " + res.statusCode() + " " + res.body());
        }
    }
}

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
 * Start-up and footprint numbers of the packaged server (issue #2), printed as a table. A benchmark, not a
 * test: it is tagged {@code bench}, excluded from {@code ./nnc test}, and run by {@code ./nnc bench}.
 * <ul>
 *   <li>process start → first HTTP 200 on {@code /}, median of 5, without and with the AOT cache</li>
 *   <li>resident memory (VmRSS) of the idle server after one signed-in UI session</li>
 *   <li>size of the jar plus its dependencies</li>
 * </ul>
 */
@Tag("bench")
class StartupBenchmark {
    static final int RUNS = 5;

    @Test
    void measure() throws Exception {
        Path jar = BenchSupport.jar();
        Path aot = jar.resolveSibling("nasnetconnect.aot");
        long size = Files.size(jar);
        try (Stream<Path> libs = Files.list(jar.resolveSibling("lib"))) {
            size += libs.mapToLong(p -> p.toFile().length()).sum();
        }
        List<Long> plain = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) plain.add(timeToFirst200(List.of()));
        recordAotCache(jar, aot);
        List<Long> withAot = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) withAot.add(timeToFirst200(List.of("-XX:AOTCache=" + aot)));
        long rssKib = rssAfterOneUiSession();
        String factory = benchFactory();

        System.out.println();
        System.out.println("| measure | value |");
        System.out.println("|---|---|");
        System.out.printf("| start → first 200 on /, plain (median of %d) | %d ms (runs: %s) |%n", RUNS, median(plain), plain);
        System.out.printf("| start → first 200 on /, AOT cache (median of %d) | %d ms (runs: %s) |%n", RUNS, median(withAot), withAot);
        System.out.printf("| idle RSS after one UI session | %.1f MiB |%n", rssKib / 1024.0);
        System.out.printf("| jar + dependencies | %.1f MiB (%s + lib/) |%n", size / 1048576.0, jar.getFileName());
        System.out.printf("| AOT cache file | %.1f MiB |%n", Files.size(aot) / 1048576.0);
        System.out.printf("| service install (bench factory: Tor on a loopback simulator, image pull excluded) | %s |%n", factory);
    }

    /** The summary line of {@code bench factory} (install and uninstall p50/p99, objects, round trips). */
    static String benchFactory() throws Exception {
        Path log = Files.createTempFile("nnc-bench-factory", ".log");
        Process p = BenchSupport.launch(List.of(), Map.of(), log, List.of("bench", "factory", "--iterations", "30"));
        if (!p.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
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

    /** Milliseconds from launching the JVM to the first 200 answer on "/", with a fresh data directory. */
    static long timeToFirst200(List<String> jvmOptions) throws Exception {
        int port = BenchSupport.freePort();
        Map<String, String> env = env(port, Files.createTempDirectory("nnc-bench"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        long start = System.nanoTime();
        Process p = BenchSupport.launch(jvmOptions, env, Files.createTempFile("nnc-bench", ".log"));
        try {
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(60)) {
                try {
                    var res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (res.statusCode() == 200) return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                } catch (IOException notYet) {
                    Thread.sleep(10);
                }
            }
            throw new IllegalStateException("no 200 within 60 s");
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }

    static Map<String, String> env(int port, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("NNC_PORT", String.valueOf(port));
        env.put("NNC_BIND", "127.0.0.1");
        env.put("NNC_DATA_DIR", dataDir.toString());
        env.put("NNC_ADMIN_PASSWORD", BenchSupport.ADMIN_PASSWORD);
        env.put("NNC_DEMO_API_PORT", "0");
        return env;
    }

    /** The same training run as {@code ./nnc aot}. */
    static void recordAotCache(Path jar, Path aot) throws Exception {
        Files.deleteIfExists(aot);
        Map<String, String> env = env(BenchSupport.freePort(), Files.createTempDirectory("nnc-bench-aot"));
        env.put("NNC_AOT_TRAINING", "true");
        Process p = BenchSupport.launch(List.of("-XX:AOTCacheOutput=" + aot), env, Files.createTempFile("nnc-aot", ".log"));
        if (!p.waitFor(180, TimeUnit.SECONDS) || !Files.exists(aot)) throw new IllegalStateException("AOT training run failed");
    }

    /** Signs in with a real browser, watches the dashboard update, closes the browser, lets the server idle. */
    static long rssAfterOneUiSession() throws Exception {
        int port = BenchSupport.freePort();
        Process p = BenchSupport.launch(List.of(), env(port, Files.createTempDirectory("nnc-bench-rss")),
                Files.createTempFile("nnc-bench-rss", ".log"));
        try {
            BenchSupport.awaitHealthy(port);
            BenchSupport.openBrowser();
            open("http://127.0.0.1:" + port + "/");
            $("input[name='username']").setValue("admin");
            $("input[name='password']").setValue(BenchSupport.ADMIN_PASSWORD).pressEnter();
            $("#routers-grid").shouldBe(visible).shouldHave(text("Online"));
            Thread.sleep(5000);
            BenchSupport.closeBrowser();
            Thread.sleep(15000);
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(p.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
            throw new IllegalStateException("no VmRSS");
        } finally {
            p.destroy();
            p.waitFor(20, TimeUnit.SECONDS);
        }
    }
}

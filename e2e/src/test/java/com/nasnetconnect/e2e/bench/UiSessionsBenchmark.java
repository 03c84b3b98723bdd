package com.nasnetconnect.e2e.bench;

import static com.codeborne.selenide.Condition.exist;
import static com.codeborne.selenide.Condition.visible;
import static com.codeborne.selenide.Selenide.$;
import static com.codeborne.selenide.Selenide.open;

import com.codeborne.selenide.WebDriverRunner;
import com.nasnetconnect.e2e.BenchSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/**
 * Per-session memory of the UI (issues #14, #16): the packaged server with its demo router, one warm-up session,
 * then N more browser sessions (20, or the system property {@code nnc.bench.sessions}), each its own Chromium with
 * its own cookies, so its own Vaadin session, every one signed in and showing the demo router's overview with its
 * live charts, pushed while open. After a full GC before and after, it prints
 * {@code ui sessions: N=20 RSS +X KB/session, heap +Y KB/session} (VmRSS of the server process; live heap: the
 * total of jcmd GC.class_histogram, which counts live objects right after its own full GC), then the classes
 * whose instances grew most, the server's thread count and its sessions, UIs and state nodes, so a growth above
 * the 300 KB target can be traced. With {@code -Dnnc.bench.heapDump=/path/x.hprof} it also leaves a heap dump
 * of the server taken after the last session. A benchmark, not a test: tagged {@code bench}, run by
 * {@code ./nnc bench}.
 */
@Tag("bench")
class UiSessionsBenchmark {
    static final int N = Integer.getInteger("nnc.bench.sessions", 20);
    static final Duration SETTLE = Duration.ofSeconds(10);

    @Test
    void measure() throws Exception {
        int port = BenchSupport.freePort();
        Path data = Files.createTempDirectory("nnc-bench-sessions");
        Map<String, String> env = StartupBenchmark.env(port, data);
        env.put("NNC_EVENTS_HOT_DIR", data.resolve("hot").toString()); // not the machine-wide /dev/shm tier
        Path log = Files.createTempFile("nnc-bench-sessions", ".log");
        Process server = BenchSupport.launch(List.of(), env, log);
        List<WebDriver> browsers = new ArrayList<>();
        try {
            BenchSupport.awaitHealthy(port);
            String overview = "http://127.0.0.1:" + port + "/routers/demo";
            browsers.add(session(overview)); // warm-up: classes loaded, caches filled, the first chart set built
            Thread.sleep(SETTLE.toMillis());
            Footprint before = footprint(server.pid());
            for (int i = 0; i < N; i++) browsers.add(session(overview));
            Thread.sleep(SETTLE.toMillis());
            Footprint after = footprint(server.pid());
            String dump = System.getProperty("nnc.bench.heapDump", "");
            if (!dump.isBlank()) jcmd(server.pid(), "GC.heap_dump " + Path.of(dump).toAbsolutePath());

            long rss = (after.rssKb() - before.rssKb()) / N;
            long heap = (after.liveKb() - before.liveKb()) / N;
            System.out.println();
            System.out.printf("ui sessions: N=%d RSS +%d KB/session, heap +%d KB/session%n", N, rss, heap);
            System.out.printf("| UI sessions of the router overview (N=%d, after a full GC) | RSS +%d KB/session, heap +%d KB/session (target ≤ 300 KB) |%n",
                    N, rss, heap);
            System.out.println("largest growth by class (KB per session):");
            after.histogram().entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), e.getValue() - before.histogram().getOrDefault(e.getKey(), 0L)))
                    .sorted((a, b) -> Long.compare(b.getValue(), a.getValue())).limit(15)
                    .forEach(e -> System.out.printf("  %7.1f  %s%n", e.getValue() / 1024.0 / N, e.getKey()));
            System.out.printf("heap in use (GC.heap_info, noisier: it counts what was allocated since the GC): +%d KB/session%n",
                    (after.heapKb() - before.heapKb()) / N);
            System.out.printf("server threads: %d before, %d after%n", before.threads(), after.threads());
            System.out.println("live Vaadin objects after (instances):");
            after.instances().entrySet().stream().filter(e -> VAADIN_COUNTED.contains(e.getKey())).sorted(Map.Entry.comparingByKey())
                    .forEach(e -> System.out.printf("  %7d  %s (before %d)%n", e.getValue(), e.getKey(),
                            before.instances().getOrDefault(e.getKey(), 0L)));
        } finally {
            for (WebDriver b : browsers) b.quit();
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
    }

    /** A new browser, signed in, showing the overview with its CPU chart; left open. */
    static WebDriver session(String overview) throws Exception {
        WebDriver browser = BenchSupport.newBrowser(1280, 900);
        WebDriverRunner.setWebDriver(browser);
        com.codeborne.selenide.Configuration.timeout = 60_000; // 21 browsers and the server share the machine
        open(overview.replaceFirst("/routers/demo$", "/"));
        $("input[name='username']").setValue("admin");
        $("input[name='password']").setValue(BenchSupport.ADMIN_PASSWORD).pressEnter();
        $("#routers-grid").shouldBe(visible);
        open(overview);
        $("#overview-cpu-chart svg").should(exist);
        $("#overview-title").shouldBe(visible);
        return browser;
    }

    /** Classes whose instance counts tell how many sessions, UIs and nodes the server holds. */
    static final java.util.Set<String> VAADIN_COUNTED = java.util.Set.of("com.vaadin.flow.server.VaadinSession",
            "com.vaadin.flow.server.WrappedHttpSession", "com.vaadin.flow.component.internal.UIInternals",
            "com.vaadin.flow.internal.StateNode", "com.vaadin.flow.server.communication.AtmospherePushConnection");

    /** @param liveKb bytes of all live objects (the class histogram's total, taken right after its own full GC) */
    record Footprint(long rssKb, long heapKb, long liveKb, Map<String, Long> histogram, Map<String, Long> instances, long threads) {
    }

    /** After a full GC: the process' VmRSS, the heap in use, and bytes per class. */
    static Footprint footprint(long pid) throws Exception {
        jcmd(pid, "GC.run");
        String heapInfo = jcmd(pid, "GC.heap_info");
        Matcher used = Pattern.compile("used (\\d+)K").matcher(heapInfo);
        if (!used.find()) throw new IllegalStateException("no heap use in: " + heapInfo);
        long heap = Long.parseLong(used.group(1));
        Map<String, Long> histogram = new HashMap<>();
        Map<String, Long> instances = new HashMap<>();
        String classes = jcmd(pid, "GC.class_histogram");
        Matcher total = Pattern.compile("^Total\\s+\\d+\\s+(\\d+)", Pattern.MULTILINE).matcher(classes);
        if (!total.find()) throw new IllegalStateException("no total in the class histogram");
        long live = Long.parseLong(total.group(1)) / 1024;
        Matcher row = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE).matcher(classes);
        while (row.find()) {
            histogram.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
            instances.merge(row.group(3), Long.parseLong(row.group(1)), Long::sum);
        }
        long rss = 0;
        long threads = 0;
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) rss = Long.parseLong(line.replaceAll("\\D", ""));
            if (line.startsWith("Threads:")) threads = Long.parseLong(line.replaceAll("\\D", ""));
        }
        return new Footprint(rss, heap, live, histogram, instances, threads);
    }

    static String jcmd(long pid, String command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("jcmd " + command + ": " + out);
        return out;
    }
}

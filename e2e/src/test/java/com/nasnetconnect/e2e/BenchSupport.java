package com.nasnetconnect.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What the benchmarks borrow from the e2e harness (which is package-private). */
public final class BenchSupport {
    public static final String ADMIN_PASSWORD = ServerProcess.ADMIN_PASSWORD;

    private BenchSupport() {
    }

    public static Path jar() {
        return ServerProcess.jar();
    }

    public static int freePort() throws java.io.IOException {
        return ServerProcess.freePort();
    }

    public static Process launch(List<String> jvmOptions, Map<String, String> env, Path log) throws java.io.IOException {
        return launch(jvmOptions, env, log, List.of());
    }

    /** As {@link #launch(List, Map, Path)}, with arguments for the jar (a command such as {@code bench factory}). */
    public static Process launch(List<String> jvmOptions, Map<String, String> env, Path log, List<String> args) throws java.io.IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ServerProcess.java().toString());
        cmd.addAll(jvmOptions);
        cmd.add("-jar");
        cmd.add(jar().toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        return pb.start();
    }

    public static void awaitHealthy(int port) throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            try {
                var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        java.net.http.HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) return;
            } catch (java.io.IOException notYet) {
                // starting
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("server on " + port + " not healthy");
    }

    /** A new, independent headless Chromium (own profile and cookies); the caller quits it. */
    public static org.openqa.selenium.WebDriver newBrowser(int width, int height) throws Exception {
        return Browser.create(width, height);
    }

    public static void openBrowser() throws Exception {
        Browser.open(1280, 800);
    }

    public static void closeBrowser() {
        Browser.close();
    }
}

package com.nasnetconnect.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged server ({@code server/target/nasnetconnect.jar}) run as a user runs it: a separate JVM, its own
 * data directory, configured through environment variables. Black-box: tests see only its port and output.
 */
final class ServerProcess implements AutoCloseable {
    static final String ADMIN_PASSWORD = "e2e-Admin-pass-42";

    final Path dataDir;
    final int port;
    final Path log;
    private final Process process;

    private ServerProcess(Path dataDir, int port, Path log, Process process) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static Path jar() {
        Path jar = Path.of(System.getProperty("nnc.jar", "../server/target/nasnetconnect.jar"));
        if (!Files.isRegularFile(jar)) throw new IllegalStateException("build the server first: missing " + jar.toAbsolutePath());
        return jar;
    }

    static Path java() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Starts the server with a fresh data directory and waits until it answers. */
    static ServerProcess start(Map<String, String> extraEnv) throws Exception {
        return start(Files.createTempDirectory("nnc-e2e"), extraEnv);
    }

    static ServerProcess start(Path dataDir, Map<String, String> extraEnv) throws Exception {
        int port = freePort();
        Map<String, String> env = new HashMap<>();
        env.put("NNC_PORT", String.valueOf(port));
        env.put("NNC_BIND", "127.0.0.1");
        env.put("NNC_DATA_DIR", dataDir.toString());
        env.put("NNC_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("NNC_DEMO_API_PORT", "0");
        env.put("NNC_POLL_SECONDS", "1");
        env.putAll(extraEnv);
        Path log = Files.createTempFile("nnc-e2e-server", ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of(java().toString(), "-jar", jar().toString()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        ServerProcess server = new ServerProcess(dataDir, port, log, pb.start());
        // 60 s unless -Dnnc.e2e.healthySeconds says otherwise (a machine shared by many builds starts slower)
        server.awaitHealthy(Duration.ofSeconds(Long.getLong("nnc.e2e.healthySeconds", 60)));
        return server;
    }

    /** Runs the jar to completion (for commands and start-up failures) and returns exit code + output. */
    static Result runToExit(List<String> args, Map<String, String> env, Duration timeout) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java().toString(), "-jar", jar().toString()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("did not exit within " + timeout + ": " + cmd);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes()));
    }

    record Result(int exitCode, String output) {
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String output() throws IOException {
        return Files.readString(log);
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("server exited with " + process.exitValue() + ":\n" + output());
            try {
                var res = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/health")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (res.statusCode() == 200 && output().contains("NasNetConnect is ready")) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        close();
        throw new IllegalStateException("server not healthy within " + timeout + ":\n" + output());
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}

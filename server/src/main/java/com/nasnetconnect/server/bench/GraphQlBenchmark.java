package com.nasnetconnect.server.bench;

import com.nasnetconnect.server.cli.ApiKeyCommand;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code bench graphql}: GraphQL over HTTP against {@code /health} on the same server in the same run. The server
 * runs as the product runs it, in a child JVM of its own (this JVM's -X options, a temporary data directory, the
 * embedded demo router, NNC_GRAPHQL_RATE set high so the per-key limit does not cap the measurement), and an
 * operator API key is created for it. Load comes from {@code wrk} (8 connections, 2 threads, keep-alive) when it is
 * on the PATH, else from 8 keep-alive connections in this JVM; the summary says which. Each endpoint is warmed up
 * first, then measured for the same time. Everything is removed afterwards.
 */
final class GraphQlBenchmark {
    static final String QUERY = "{ routers { id name status { reachable version } } }";
    static final int CONNECTIONS = 8;
    private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern WRK_ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: (.*)");

    static final String USAGE = """
            Usage: java -jar nasnetconnect.jar bench graphql [--seconds N] [--load wrk|java]
              Starts the server in a child JVM (temporary data directory, the embedded demo router, an operator API
              key, NNC_GRAPHQL_RATE=1000000) and measures, with 8 keep-alive connections, /health and /graphql
              (%s) requests per second, each after a warm-up of half the time (N seconds each, default 10).
              Load from wrk when it is installed (else, or with --load java, from this JVM). The first line reads
              graphql: X q/s, /health Y q/s, ratio Z (8 connections, wrk|java)
            """.formatted(QUERY);

    private final int seconds;
    private final String load;

    GraphQlBenchmark(int seconds, String load) {
        this.seconds = seconds;
        this.load = load;
    }

    /** {@code args} start after "graphql". */
    static int run(List<String> args, PrintStream out, PrintStream err) {
        int seconds = 10;
        String load = wrkOnPath().isPresent() ? "wrk" : "java";
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (option.equals("--help") || option.equals("-h")) {
                out.print(USAGE);
                return 0;
            }
            if (i + 1 >= args.size() || !List.of("--seconds", "--load").contains(option)) {
                err.println("nasnetconnect bench graphql: unknown option or missing value '" + option + "'");
                err.print(USAGE);
                return 2;
            }
            String value = args.get(++i);
            if (option.equals("--load")) {
                if (!List.of("wrk", "java").contains(value)) {
                    err.println("nasnetconnect bench graphql: --load must be wrk or java, not '" + value + "'");
                    return 2;
                }
                if (value.equals("wrk") && wrkOnPath().isEmpty()) {
                    err.println("nasnetconnect bench graphql: --load wrk, but there is no wrk on the PATH");
                    return 2;
                }
                load = value;
                continue;
            }
            try {
                seconds = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                seconds = -1;
            }
            if (seconds < 1 || seconds > 600) {
                err.println("nasnetconnect bench graphql: --seconds must be a whole number from 1 to 600, not '" + value + "'");
                return 2;
            }
        }
        try {
            new GraphQlBenchmark(seconds, load).run(out);
            return 0;
        } catch (Exception e) {
            err.println("nasnetconnect bench graphql: " + e.getMessage());
            return 1;
        }
    }

    void run(PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("nnc-bench-graphql-");
        Process server = null;
        try {
            Path data = Files.createDirectories(dir.resolve("data"));
            String key = apiKey(data);
            int port = freePort();
            server = startServer(dir, data, port);
            String base = "http://127.0.0.1:" + port;
            awaitHealthy(server, base, dir.resolve("server.log"));
            checkQuery(base, key);

            Load health = new Load(base + "/health", null, null);
            Load graphQl = new Load(base + "/graphql", "{\"query\":\"" + QUERY.replace("\"", "\\\"") + "\"}", key);
            int warmUp = Math.max(1, seconds / 2);
            measure(health, warmUp, dir);
            measure(graphQl, warmUp, dir);
            double healthRate = measure(health, seconds, dir);
            double graphQlRate = measure(graphQl, seconds, dir);
            out.printf(java.util.Locale.ROOT, "graphql: %.0f q/s, /health %.0f q/s, ratio %.2f (%d connections, %s)%n",
                    graphQlRate, healthRate, graphQlRate / healthRate, CONNECTIONS, load);
            out.println("  query: " + QUERY + " (one demo router), operator API key, " + seconds + " s each after "
                    + warmUp + " s of warm-up, server in a child JVM"
                    + (childJvmOptions().isEmpty() ? "" : " with " + String.join(" ", childJvmOptions())));
            out.println("  target: ratio >= 0.35");
        } finally {
            if (server != null) {
                server.destroy();
                if (!server.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) server.destroyForcibly().waitFor();
            }
            delete(dir);
        }
    }

    /** An endpoint under load: a GET, or a POST of {@code body} with a Bearer key. */
    private record Load(String url, String body, String key) {
    }

    /** Requests per second that answered 2xx; any other answer or a socket error fails the benchmark. */
    private double measure(Load target, int forSeconds, Path dir) throws Exception {
        return load.equals("wrk") ? wrk(target, forSeconds, dir) : java(target, forSeconds);
    }

    private double wrk(Load target, int forSeconds, Path dir) throws Exception {
        List<String> command = new ArrayList<>(List.of(wrkOnPath().orElseThrow().toString(), "-t2", "-c" + CONNECTIONS,
                "-d" + forSeconds + "s", "--latency"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (target.body() != null) {
            Path script = dir.resolve("post.lua");
            Files.writeString(script, """
                    wrk.method = "POST"
                    wrk.body = '%s'
                    wrk.headers["Content-Type"] = "application/json"
                    wrk.headers["Authorization"] = "Bearer " .. os.getenv("NNC_BENCH_KEY")
                    """.formatted(target.body()));
            command.addAll(List.of("-s", script.toString()));
            pb.command(command);
            pb.environment().put("NNC_BENCH_KEY", target.key()); // never on a command line others can read
        }
        command.add(target.url());
        pb.command(command);
        Process wrk = pb.start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) throw new IllegalStateException("wrk failed: " + output.strip());
        Matcher errors = WRK_ERRORS.matcher(output);
        if (errors.find()) throw new IllegalStateException(target.url() + " answered errors under load: " + errors.group());
        Matcher rate = WRK_RATE.matcher(output);
        if (!rate.find()) throw new IllegalStateException("no Requests/sec in wrk's output: " + output.strip());
        return Double.parseDouble(rate.group(1));
    }

    /** 8 keep-alive HTTP/1.1 connections, each sending its next request when the answer is read. */
    private double java(Load target, int forSeconds) throws Exception {
        URI uri = URI.create(target.url());
        String head = (target.body() == null ? "GET " : "POST ") + uri.getPath() + " HTTP/1.1\r\nHost: 127.0.0.1:"
                + uri.getPort() + "\r\n" + (target.body() == null ? "" : "Content-Type: application/json\r\nAuthorization: Bearer "
                + target.key() + "\r\nContent-Length: " + target.body().getBytes(StandardCharsets.UTF_8).length + "\r\n") + "\r\n";
        byte[] request = (head + (target.body() == null ? "" : target.body())).getBytes(StandardCharsets.UTF_8);
        LongAdder ok = new LongAdder();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + Duration.ofSeconds(forSeconds).toNanos();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            threads.add(Thread.ofPlatform().name("bench-load-" + c).start(() -> {
                try (Socket s = new Socket()) {
                    s.setTcpNoDelay(true);
                    s.connect(new InetSocketAddress("127.0.0.1", uri.getPort()));
                    OutputStream o = s.getOutputStream();
                    InputStream in = new java.io.BufferedInputStream(s.getInputStream());
                    while (System.nanoTime() < end) {
                        o.write(request);
                        o.flush();
                        int status = readResponse(in);
                        if (status / 100 != 2) {
                            failures.add(target.url() + " answered " + status);
                            return;
                        }
                        ok.increment();
                    }
                } catch (IOException e) {
                    failures.add(target.url() + ": " + e.getMessage());
                }
            }));
        }
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (!failures.isEmpty()) throw new IllegalStateException(failures.getFirst());
        return ok.sum() / elapsed;
    }

    /** Reads one HTTP/1.1 response with a Content-Length or chunked body; returns its status. */
    static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        if (status == null) throw new IOException("connection closed");
        int code = Integer.parseInt(status.split(" ")[1]);
        long length = -1;
        boolean chunked = false;
        for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
            String lower = h.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("content-length:")) length = Long.parseLong(lower.substring(15).trim());
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
        }
        if (chunked) {
            for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
                in.skipNBytes(size);
                line(in);
            }
            line(in);
        } else if (length > 0) {
            in.skipNBytes(length);
        }
        return code;
    }

    private static String line(InputStream in) throws IOException {
        var b = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) return b.isEmpty() ? null : b.toString();
            if (c != '\r') b.append((char) c);
        }
        return b.toString();
    }

    // ---- the server -------------------------------------------------------------------------------------

    private static String apiKey(Path data) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int code = new ApiKeyCommand(Map.of("NNC_DATA_DIR", data.toString()), Clock.systemUTC()).execute(
                new String[]{"create", "--name", "bench", "--role", "operator"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        if (code != 0) throw new IllegalStateException("cannot create the API key: " + err.toString(StandardCharsets.UTF_8).strip());
        return out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow().strip();
    }

    private static Process startServer(Path dir, Path data, int port) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(childJvmOptions());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "com.nasnetconnect.server.Main"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("server.log").toFile());
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.startsWith("NNC_"));
        env.put("NNC_DATA_DIR", data.toString());
        env.put("NNC_PORT", Integer.toString(port));
        env.put("NNC_BIND", "127.0.0.1");
        env.put("NNC_DEMO_API_PORT", "0");
        env.put("NNC_EVENTS_HOT_DIR", dir.resolve("hot").toString());
        env.put("NNC_GRAPHQL_RATE", "1000000");
        return pb.start();
    }

    /** This JVM's -X options (heap, GC, AOT cache…), for the server's JVM. */
    private static List<String> childJvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> a.startsWith("-X")).toList();
    }

    private static void awaitHealthy(Process server, String base, Path log) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) throw new IllegalStateException("the server stopped: " + Files.readString(log).strip());
            try {
                var r = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100); // polling with a deadline: the child process gives no other signal
        }
        throw new IllegalStateException("the server did not answer /health within 120 s");
    }

    /** The query answers the demo router without errors before it is measured. */
    private static void checkQuery(String base, String key) throws Exception {
        var r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + QUERY.replace("\"", "\\\"") + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || r.body().contains("\"errors\"") || !r.body().contains("\"demo\"")) {
            throw new IllegalStateException("the query does not answer the demo router: HTTP " + r.statusCode() + " " + r.body());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static Optional<Path> wrkOnPath() {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, "wrk")).filter(Files::isExecutable).findFirst();
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}

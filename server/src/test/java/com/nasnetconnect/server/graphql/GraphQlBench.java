package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

/**
 * Benchmark (not a test): queries/s and p99 latency of one simple query, over HTTP (JDK HttpClient -> Helidon
 * -> GraphQlHttpService, loopback, keep-alive, one client thread) versus executed in-process by the same
 * GraphQlEngine. Run:
 * <pre>
 * mvn -B -q -pl server -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp server/target/test-classes:server/target/classes:$(cat /tmp/cp.txt) \
 *      -Dnnc.repo.root=. com.nasnetconnect.server.graphql.GraphQlBench [seconds-per-phase]
 * </pre>
 */
public final class GraphQlBench {
    static final String QUERY = "{ routers { id name status { reachable version } } }";

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        var limits = new Limits(100 * 1024, 12, 5000, 1e9, 1_000_000_000, Duration.ofSeconds(10), 100);
        try (var server = new TestServer(limits)) {
            var who = new Principal("bench", Role.VIEWER, true);
            var request = new GraphQlEngine.Request(QUERY, null, Map.of());
            Op inProcess = () -> {
                var r = server.engine.execute(request, who);
                if (!r.getErrors().isEmpty()) throw new IllegalStateException(r.getErrors().toString());
            };
            var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            var http = HttpRequest.newBuilder(URI.create(server.url()))
                    .header("Authorization", "Bearer viewer-key")
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/graphql-response+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + QUERY.replace("\"", "\\\"") + "\"}"))
                    .build();
            Op overHttp = () -> {
                var r = client.send(http, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) throw new IllegalStateException(r.statusCode() + " " + r.body());
            };
            run("warm-up in-process", inProcess, seconds / 2);
            run("warm-up HTTP", overHttp, seconds / 2);
            Result a = run("in-process", inProcess, seconds);
            Result b = run("HTTP", overHttp, seconds);
            System.out.printf("ratio in-process/HTTP: throughput %.1fx, p99 HTTP/in-process %.1fx%n",
                    a.qps / b.qps, b.p99Micros / a.p99Micros);
        }
    }

    interface Op {
        void run() throws Exception;
    }

    record Result(double qps, double p50Micros, double p99Micros) {
    }

    static Result run(String name, Op op, int seconds) throws Exception {
        long[] samples = new long[5_000_000];
        int n = 0;
        long end = System.nanoTime() + Duration.ofSeconds(Math.max(1, seconds)).toNanos();
        long start = System.nanoTime();
        while (System.nanoTime() < end && n < samples.length) {
            long t = System.nanoTime();
            op.run();
            samples[n++] = System.nanoTime() - t;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        var r = new Result(n / elapsed, s[n / 2] / 1e3, s[(int) Math.min(n - 1, Math.ceil(n * 0.99) - 1)] / 1e3);
        System.out.printf("%-20s %8d ops  %10.0f queries/s  p50 %8.1f us  p99 %8.1f us%n", name, n, r.qps, r.p50Micros, r.p99Micros);
        return r;
    }
}

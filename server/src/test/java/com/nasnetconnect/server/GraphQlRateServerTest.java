package com.nasnetconnect.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.server.cli.ApiKeyCommand;
import com.nasnetconnect.server.config.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * NNC_GRAPHQL_RATE and NNC_GRAPHQL_BURST as a client meets them: the whole server started from its environment,
 * GraphQL over HTTP with a real API key.
 */
class GraphQlRateServerTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = JsonMapper.shared();

    @TempDir
    Path root;

    @Test
    void aKeyGetsItsBurstThen429NamingTheConfiguredRate() throws Exception {
        Path data = root.resolve("data");
        Map<String, String> env = new HashMap<>();
        env.put("NNC_DATA_DIR", data.toString());
        env.put("NNC_PORT", String.valueOf(freePort()));
        env.put("NNC_BIND", "127.0.0.1");
        env.put("NNC_DEMO_API_PORT", "0");
        env.put("NNC_EVENTS_HOT_DIR", root.resolve("hot").toString());
        env.put("NNC_GRAPHQL_RATE", "1");
        env.put("NNC_GRAPHQL_BURST", "3");
        try (Application app = Wiring.start(ServerConfig.load(env), env, Clock.systemUTC(),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))) {
            String key = apiKey(data);
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (int i = 0; i < 4; i++) answers.add(routers(app, key));

            assertThat(answers.subList(0, 3)).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
            HttpResponse<String> refused = answers.get(3);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            JsonNode body = JSON.readTree(refused.body());
            assertThat(body.at("/errors/0/message").asString())
                    .isEqualTo("rate limit exceeded for 'rate-test': at most 1 request per second");
        }
    }

    private static HttpResponse<String> routers(Application app, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + "/graphql"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ routers { id name } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String apiKey(Path data) {
        var out = new ByteArrayOutputStream();
        int code = new ApiKeyCommand(Map.of("NNC_DATA_DIR", data.toString()), Clock.systemUTC()).execute(
                new String[]{"create", "--name", "rate-test", "--role", "operator"},
                new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        assertThat(code).isZero();
        return out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow().strip();
    }

    /** A free port in 18000-18999 (the range the tests of this project use). */
    private static int freePort() {
        var random = new java.util.Random();
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = 18000 + random.nextInt(1000);
            try (var probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port in 18000-18999");
    }
}

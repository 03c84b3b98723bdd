package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** Cost-based rate limits and bounded concurrent executions (alias bombs, overload). */
@Timeout(30)
class GraphQlLoadLimitsTest {
    private static final ObjectMapper JSON = JsonMapper.shared();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Clock FROZEN = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final String AT = "\"2026-01-01T00:00:00Z\"";
    private static final String ROUTERS = "{ routers { id } }";

    private static String timeTravels(int aliases) {
        return IntStream.range(0, aliases).mapToObj(i -> "a" + i + ": resourceAt(uuid: \"u" + i + "\", at: " + AT + ") { uuid }")
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    private static int cost(TestServer server, String query) {
        return server.engine.cost(new GraphQlEngine.Request(query, null, Map.of()));
    }

    @Test
    void costsTimeTravelEventsAndImpactByWhatTheyReadAndCountsEveryAlias() {
        try (var server = new TestServer()) {
            assertThat(cost(server, "{ routers { id name } }")).isEqualTo(2 + 1 + 1);
            assertThat(cost(server, timeTravels(1))).isEqualTo(25 + 1);
            assertThat(cost(server, timeTravels(2))).isEqualTo(2 * (25 + 1));
            assertThat(cost(server, "{ impact(uuid: \"u\") { uuid requiresCascade } }")).isEqualTo(25 + 2);
            assertThat(cost(server, "{ events(routerId: \"r1\", first: 10) { edges { node { id } } } }"))
                    .as("the event log read, then each of the 10 requested edges").isEqualTo(25 + 10 * 3);
            assertThat(cost(server, "{ events(routerId: \"r1\") { edges { node { id } } } }"))
                    .as("first defaults to 50").isEqualTo(25 + 50 * 3);
            assertThat(cost(server, "mutation { removeRouter(id: \"r1\") { userErrors { message } } }")).isEqualTo(20 + 2);
            assertThat(cost(server, "mutation { deleteResource(uuid: \"u\") { userErrors { message } } }")).isEqualTo(50 + 2);
        }
    }

    @Test
    void refusesAThousandAliasTimeTravelBeforeExecutionAsTooCostly() throws Exception {
        try (var server = new TestServer()) {
            var r = post(server, "viewer-key", timeTravels(1000));
            assertThat(r.statusCode()).isEqualTo(400);
            assertThat(body(r).at("/errors/0/message").asString())
                    .startsWith("query too costly: estimated cost 26000 exceeds the limit of 5000");
            assertThat(server.backend.calls.get()).isZero();
        }
    }

    @Test
    void refusesAKeyOverItsCostBudgetWith429AndRetryAfterWhileOtherKeysGoOn() throws Exception {
        var load = new LoadLimits(2, 100, 2, 4, Duration.ofSeconds(1));
        try (var server = new TestServer(Limits.defaults(), load, FROZEN)) {
            String twoTimeTravels = timeTravels(2);
            assertThat(post(server, "viewer-key", twoTimeTravels).statusCode()).isEqualTo(200);
            int calls = server.backend.calls.get();

            var refused = post(server, "viewer-key", twoTimeTravels);
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).as("48 of 100 left, 52 needed, 2 per second").hasValue("2");
            JsonNode error = body(refused).at("/errors/0");
            assertThat(error.at("/message").asString()).isEqualTo("rate limit exceeded for 'viewer': this request costs 52; try again in 2 s");
            assertThat(error.at("/extensions/code").asString()).isEqualTo("RATE_LIMITED");
            assertThat(error.at("/extensions/retryAfterSeconds").asLong()).isEqualTo(2);
            assertThat(server.backend.calls.get()).as("not executed").isEqualTo(calls);

            assertThat(post(server, "viewer-key", ROUTERS).statusCode()).as("a cheap query still fits").isEqualTo(200);
            assertThat(post(server, "admin-key", twoTimeTravels).statusCode()).as("another key has its own budget").isEqualTo(200);
        }
    }

    @Test
    void aWebSocketOperationPaysFromTheSameBudgetAsTheKeysHttpRequests() throws Exception {
        var load = new LoadLimits(2, 100, 2, 4, Duration.ofSeconds(1));
        try (var server = new TestServer(Limits.defaults(), load, FROZEN)) {
            String twoTimeTravels = timeTravels(2);
            assertThat(post(server, "viewer-key", twoTimeTravels).statusCode()).isEqualTo(200);
            int calls = server.backend.calls.get();

            var ws = TransportWsClient.connect(server.wsUrl());
            ws.init("{\"apiKey\":\"viewer-key\"}");
            ws.expectAck();
            ws.subscribe("bomb", twoTimeTravels);
            JsonNode refused = ws.next();
            assertThat(refused.at("/type").asString()).isEqualTo("error");
            assertThat(refused.at("/payload/0/extensions/code").asString()).as(refused.toString()).isEqualTo("RATE_LIMITED");
            assertThat(refused.at("/payload/0/message").asString())
                    .isEqualTo("rate limit exceeded for 'viewer': this request costs 52; try again in 2 s");
            assertThat(server.backend.calls.get()).as("not executed").isEqualTo(calls);
        }
    }

    @Test
    void answers503WithRetryAfterWhenTheKeysExecutionsAreBusyWhileOtherKeysGoOn() throws Exception {
        var load = new LoadLimits(1_000, 10_000, 1, 2, Duration.ofMillis(100));
        try (var server = new TestServer(Limits.defaults(), load, FROZEN)) {
            var held = hold(server, "viewer-key");

            var busy = post(server, "viewer-key", ROUTERS);
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(body(busy).at("/errors/0/message").asString())
                    .isEqualTo("too many concurrent requests for 'viewer': at most 1 at once; try again shortly");
            assertThat(body(busy).at("/errors/0/extensions/code").asString()).isEqualTo("BUSY");
            assertThat(post(server, "admin-key", "{ router(id: \"r1\") { id } }").statusCode()).isEqualTo(200);

            server.backend.release.countDown();
            assertThat(held.get().statusCode()).isEqualTo(200);
            assertThat(post(server, "viewer-key", ROUTERS).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void answers503WithRetryAfterWhenAllExecutionsAreBusy() throws Exception {
        var load = new LoadLimits(1_000, 10_000, 1, 1, Duration.ofMillis(100));
        try (var server = new TestServer(Limits.defaults(), load, FROZEN)) {
            var held = hold(server, "viewer-key");

            var busy = post(server, "admin-key", "{ router(id: \"r1\") { id } }");
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(body(busy).at("/errors/0/message").asString()).isEqualTo("the server is busy; try again shortly");

            server.backend.release.countDown();
            assertThat(held.get().statusCode()).isEqualTo(200);
        }
    }

    /** Starts a {@code routers} query for {@code key} and returns once it is executing, held until release. */
    private static CompletableFuture<HttpResponse<String>> hold(TestServer server, String key) throws Exception {
        server.backend.entered = new CountDownLatch(1);
        server.backend.release = new CountDownLatch(1);
        var held = CLIENT.sendAsync(request(server, key, ROUTERS), HttpResponse.BodyHandlers.ofString());
        server.backend.entered.await();
        return held;
    }

    private static HttpRequest request(TestServer server, String key, String query) throws Exception {
        return HttpRequest.newBuilder(URI.create(server.url())).timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build();
    }

    private static HttpResponse<String> post(TestServer server, String key, String query) throws Exception {
        return CLIENT.send(request(server, key, query), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode body(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }
}

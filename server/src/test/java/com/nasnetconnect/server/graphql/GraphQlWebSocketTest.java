package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

@Timeout(30)
class GraphQlWebSocketTest {
    private static final ObjectMapper JSON = JsonMapper.shared();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer(new Limits(100 * 1024, 12, 5000, 50, 100, Duration.ofMillis(500), 100));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static TransportWsClient connect() {
        return TransportWsClient.connect(server.wsUrl());
    }

    /** {@code connection_init} with the key as graphql-ws clients send it, and its ack. */
    private static void init(TransportWsClient c, String key) throws InterruptedException {
        c.init("{\"Authorization\":\"Bearer " + key + "\"}");
        c.expectAck();
    }

    @Test
    void deliversAResourceChangeMadeByAMutationOverHttp() throws Exception {
        var c = connect();
        assertThat(c.socket.getSubprotocol()).isEqualTo("graphql-transport-ws");
        init(c, "viewer-key");
        
        c.send("""
                {"id":"s1","type":"subscribe","payload":{"query":"subscription { resourceChanged(routerId: \\"r-ws\\") { type kind uuid resource { ... on Vlan { configuration { vlanId } } } } }"}}""");
        waitUntil(() -> server.backend.changeListenerCount("r-ws") == 1);

        var body = JSON.writeValueAsString(Map.of("query",
                "mutation { createVlan(routerId: \"r-ws\", input: {name: \"v20\", vlanId: 20, interface: \"ether2\"}) { resource { uuid } } }"));
        var res = CLIENT.send(HttpRequest.newBuilder(URI.create(server.url())).header("Authorization", "Bearer operator-key")
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        String uuid = JSON.readTree(res.body()).at("/data/createVlan/resource/uuid").asString();

        JsonNode next = c.next();
        assertThat(next.get("type").asString()).isEqualTo("next");
        assertThat(next.get("id").asString()).isEqualTo("s1");
        assertThat(next.at("/payload/data/resourceChanged/type").asString()).isEqualTo("CREATED");
        assertThat(next.at("/payload/data/resourceChanged/uuid").asString()).isEqualTo(uuid);
        assertThat(next.at("/payload/data/resourceChanged/resource/configuration/vlanId").asInt()).isEqualTo(20);

        c.send("{\"id\":\"s1\",\"type\":\"complete\"}");
        waitUntil(() -> server.backend.changeListenerCount("r-ws") == 0);
        c.socket.sendClose(1000, "bye").join();
    }

    @Test
    void answersPingWithPongAndRunsAQueryAsNextThenComplete() throws Exception {
        var c = connect();
        init(c, "viewer-key");
        c.send("{\"type\":\"ping\"}");
        assertThat(c.next().get("type").asString()).isEqualTo("pong");
        c.send("{\"id\":\"q\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ routers { name } }\"}}");
        JsonNode next = c.next();
        assertThat(next.at("/payload/data/routers/0/name").asString()).isEqualTo("Lab");
        assertThat(c.next().get("type").asString()).isEqualTo("complete");
        c.send("{\"id\":\"bad\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ nope }\"}}");
        JsonNode error = c.next();
        assertThat(error.get("type").asString()).isEqualTo("error");
        assertThat(error.at("/payload/0/message").asString()).contains("nope");
    }

    @Test
    void closesWith4401WhenSubscribingBeforeTheAck() throws Exception {
        var c = connect();
        c.send("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"{ routers { id } }\"}}");
        assertThat(c.awaitClose()).isEqualTo(4401);
    }

    @Test
    void closesWith4401WhenConnectionInitCarriesNoKey() throws Exception {
        var c = connect();
        c.send("{\"type\":\"connection_init\"}");
        assertThat(c.awaitClose()).isEqualTo(4401);
    }

    @Test
    void closesWith4403WhenTheKeyIsRefused() throws Exception {
        var c = connect();
        c.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer stolen\"}}");
        assertThat(c.awaitClose()).isEqualTo(4403);
    }

    @Test
    void closesWith4429OnASecondConnectionInit() throws Exception {
        var c = connect();
        init(c, "viewer-key");
        c.send("{\"type\":\"connection_init\",\"payload\":{\"apiKey\":\"viewer-key\"}}");
        assertThat(c.awaitClose()).isEqualTo(4429);
    }

    @Test
    void closesWith4409OnADuplicateSubscriptionId() throws Exception {
        var c = connect();
        init(c, "viewer-key");
        String sub = "{\"id\":\"dup\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { resourceChanged(routerId: \\\"r1\\\") { uuid } }\"}}";
        c.send(sub);
        c.send(sub);
        assertThat(c.awaitClose()).isEqualTo(4409);
    }

    @Test
    void closesWith4400OnAnInvalidMessage() throws Exception {
        var c = connect();
        c.send("not json");
        assertThat(c.awaitClose()).isEqualTo(4400);
    }

    @Test
    void closesWith4408WhenNoConnectionInitArrivesInTime() throws Exception {
        var c = connect();
        assertThat(c.awaitClose()).isEqualTo(4408);
    }

    @Test
    void refusesAnUpgradeWithoutTheSubprotocol() {
        var failed = CLIENT.newWebSocketBuilder().buildAsync(URI.create(server.wsUrl()), new TransportWsClient());
        assertThat(failed).failsWithin(Duration.ofSeconds(5));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 5 s");
            Thread.sleep(10);
        }
    }
}

package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

@Timeout(30)
class GraphQlHttpServiceTest {
    private static final ObjectMapper JSON = JsonMapper.shared();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = new TestServer();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Reply(int status, String contentType, JsonNode body, HttpResponse<String> raw) {
    }

    static Reply post(String key, String accept, String body) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(server.url())).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) b.header("Authorization", "Bearer " + key);
        if (accept != null) b.header("Accept", accept);
        return reply(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    static Reply query(String key, String query, Map<String, Object> variables) throws Exception {
        return post(key, "application/graphql-response+json",
                JSON.writeValueAsString(Map.of("query", query, "variables", variables)));
    }

    static Reply get(String key, String accept, String params) throws Exception {
        var b = HttpRequest.newBuilder(URI.create(server.url() + params)).timeout(Duration.ofSeconds(10)).GET();
        if (key != null) b.header("Authorization", "Bearer " + key);
        if (accept != null) b.header("Accept", accept);
        return reply(CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Reply reply(HttpResponse<String> r) throws Exception {
        String ct = r.headers().firstValue("Content-Type").orElse("");
        JsonNode body = ct.contains("json") ? JSON.readTree(r.body()) : null;
        return new Reply(r.statusCode(), ct, body, r);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static final String CREATE_VLAN = """
            mutation($input: VlanInput!) {
              createVlan(routerId: "r1", input: $input) {
                resource { uuid kind ... on Vlan { configuration { name vlanId interface } } }
                userErrors { field message value }
              }
            }""";

    @Test
    void answersAPostedQueryWithGraphqlResponseJson() throws Exception {
        var r = query("viewer-key", "{ routers { id name status { reachable version board cpuLoad checkedAt lastSeenAt } } }", Map.of());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/graphql-response+json");
        assertThat(r.body().at("/data/routers/0/status/version").asString()).isEqualTo("7.23.3");
        assertThat(r.body().at("/data/routers/0/status/lastSeenAt").asString())
                .isEqualTo(r.body().at("/data/routers/0/status/checkedAt").asString()).isNotEmpty();
        assertThat(r.body().has("errors")).isFalse();
    }

    @Test
    void answersWithTheFieldsInTheOrderTheQueryAsksForThem() throws Exception {
        var r = query("viewer-key", "{ routers { name id status { version reachable } } }", Map.of());
        assertThat(r.raw().body()).startsWith("{\"data\":{\"routers\":[{\"name\":\"Lab\",\"id\":\"r1\",\"status\":{\"version\":\"7.23.3\",\"reachable\":");
    }

    @Test
    void answersApplicationJsonWhenNoAcceptHeaderIsSent() throws Exception {
        var r = post("viewer-key", null, "{\"query\":\"{ routers { id } }\"}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/json");
    }

    @Test
    void runsAQuerySentWithGet() throws Exception {
        var r = get("viewer-key", "application/json", "?query=" + enc("{ routers { name } }"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().at("/data/routers/0/name").asString()).isEqualTo("Lab");
    }

    @Test
    void refusesAMutationSentWithGetWith405() throws Exception {
        int before = server.backend.calls.get();
        var r = get("operator-key", "application/json",
                "?query=" + enc("mutation { deleteResource(uuid: \"x\") { deletedUuids } }"));
        assertThat(r.status()).isEqualTo(405);
        assertThat(r.raw().headers().firstValue("Allow")).hasValue("POST");
        assertThat(r.body().at("/errors/0/message").asString()).contains("only queries");
        assertThat(server.backend.calls.get()).isEqualTo(before);
    }

    @Test
    void refusesARequestWithoutAnApiKeyWith401AndTheSameWordsAsAWrongKey() throws Exception {
        var r = query(null, "{ routers { id } }", Map.of());
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(r.body().at("/errors/0/message").asString()).isEqualTo("authentication failed");
        var wrong = query("wrong-key", "{ routers { id } }", Map.of());
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.body()).isEqualTo(r.body());
    }

    @Test
    void answersUnparseableJsonWith400AndASpecShapedErrorWithoutStackTrace() throws Exception {
        var r = post("viewer-key", "application/json", "{\"query\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/errors/0/message").asString()).contains("not valid JSON");
        assertThat(r.raw().body()).doesNotContain("at com.").doesNotContain("Exception");
    }

    @Test
    void answersAQueryThatIsNotAStringWith400() throws Exception {
        var r = post("viewer-key", "application/json", "{\"query\": 42}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/errors/0/message").asString()).contains("'query' must be a string, was: 42");
    }

    @Test
    void answersASyntaxErrorWith400ForGraphqlResponseJsonAnd200ForJson() throws Exception {
        var strict = query("viewer-key", "{ routers { id ", Map.of());
        assertThat(strict.status()).isEqualTo(400);
        assertThat(strict.body().has("data")).isFalse();
        assertThat(strict.body().at("/errors/0/message").asString()).isNotBlank();
        var legacy = post("viewer-key", "application/json", "{\"query\":\"{ routers { id \"}");
        assertThat(legacy.status()).isEqualTo(200);
        assertThat(legacy.body().has("errors")).isTrue();
    }

    @Test
    void refusesAnUnsupportedContentTypeWith415AndAnUnacceptableAcceptWith406() throws Exception {
        var req = HttpRequest.newBuilder(URI.create(server.url())).header("Authorization", "Bearer viewer-key")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{ routers { id } }")).build();
        assertThat(CLIENT.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
        assertThat(post("viewer-key", "application/xml", "{\"query\":\"{ routers { id } }\"}").status()).isEqualTo(406);
    }

    @Test
    void refusesAMethodOtherThanGetOrPostWith405() throws Exception {
        var req = HttpRequest.newBuilder(URI.create(server.url())).header("Authorization", "Bearer viewer-key")
                .method("PUT", HttpRequest.BodyPublishers.ofString("{}")).build();
        var r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(405);
        assertThat(r.headers().firstValue("Allow")).hasValue("GET, POST");
    }

    @Test
    void createsAVlanAndReturnsItsTypedConfiguration() throws Exception {
        var r = query("operator-key", CREATE_VLAN, Map.of("input", Map.of("name", "vlan10", "vlanId", 10, "interface", "ether1")));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body().at("/data/createVlan/resource/kind").asString()).isEqualTo("VLAN");
        assertThat(r.body().at("/data/createVlan/resource/configuration/vlanId").asInt()).isEqualTo(10);
        assertThat(r.body().at("/data/createVlan/resource/configuration/interface").asString()).isEqualTo("ether1");
        assertThat(r.body().at("/data/createVlan/userErrors").size()).isZero();
    }

    @Test
    void rejectsABadVlanIdNamingTheFieldAndTheValueWithoutCallingTheBackend() throws Exception {
        int before = server.backend.calls.get();
        var r = query("operator-key", CREATE_VLAN, Map.of("input", Map.of("name", "vlan10", "vlanId", 5000, "interface", "ether1")));
        assertThat(r.status()).isEqualTo(200);
        JsonNode error = r.body().at("/errors/0");
        assertThat(error.at("/message").asString()).isEqualTo("input.vlanId: must be at most 4094, was 5000");
        assertThat(error.at("/extensions/field").asString()).isEqualTo("input.vlanId");
        assertThat(error.at("/extensions/value").asInt()).isEqualTo(5000);
        assertThat(error.at("/extensions/code").asString()).isEqualTo("BAD_USER_INPUT");
        assertThat(error.at("/path/0").asString()).isEqualTo("createVlan");
        JsonNode userError = r.body().at("/data/createVlan/userErrors/0");
        assertThat(userError.at("/field").toString()).isEqualTo("[\"input\",\"vlanId\"]");
        assertThat(userError.at("/value").asString()).isEqualTo("5000");
        assertThat(r.body().at("/data/createVlan/resource").isNull()).isTrue();
        assertThat(server.backend.calls.get()).isEqualTo(before);
    }

    @Test
    void rejectsAPageLargerThanTheMaximum() throws Exception {
        var r = query("viewer-key", "{ resources(routerId: \"r1\", first: 501) { totalCount } }", Map.of());
        assertThat(r.body().at("/errors/0/message").asString()).isEqualTo("first: must be at most 500, was 501");
        assertThat(r.body().at("/errors/0/extensions/value").asInt()).isEqualTo(501);
    }

    @Test
    void refusesMutationsToViewers() throws Exception {
        var r = query("viewer-key", CREATE_VLAN, Map.of("input", Map.of("name", "v", "vlanId", 10, "interface", "ether1")));
        assertThat(r.body().at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(r.body().at("/errors/0/message").asString()).contains("'viewer' (viewer) may not createVlan");
    }

    @Test
    void refusesATooDeepQueryBeforeExecution() throws Exception {
        try (var shallow = new TestServer(new Limits(100 * 1024, 4, 5000, 50, 100, Duration.ofSeconds(10), 100))) {
            var old = server;
            server = shallow;
            try {
                String deepEnough = "{ resources(routerId: \"r1\", first: 1) { edges { node { uuid } } } }";
                String tooDeep = "{ resources(routerId: \"r1\", first: 1) { edges { node { metadata { tags } } } } }";
                assertThat(query("viewer-key", deepEnough, Map.of()).status()).isEqualTo(200);
                int before = shallow.backend.calls.get();
                var r = query("viewer-key", tooDeep, Map.of());
                assertThat(r.status()).isEqualTo(400);
                assertThat(r.body().has("data")).isFalse();
                assertThat(r.body().at("/errors/0/message").asString()).isEqualTo("query too deep: depth 5 exceeds the limit of 4");
                assertThat(shallow.backend.calls.get()).isEqualTo(before);
            } finally {
                server = old;
            }
        }
    }

    @Test
    void refusesATooCostlyQueryBeforeExecution() throws Exception {
        int before = server.backend.calls.get();
        String costly = "{ resources(routerId: \"r1\", first: 500) { edges { node { uuid kind routerId "
                + "metadata { createdAt createdBy updatedAt version tags } relationships { dependsOn dependents } } } } }";
        var r = query("viewer-key", costly, Map.of());
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.body().at("/errors/0/message").asString()).startsWith("query too costly: estimated cost ")
                .contains("exceeds the limit of 5000");
        assertThat(server.backend.calls.get()).isEqualTo(before);
    }

    @Test
    void refusesAnOversizedRequestWith413() throws Exception {
        String big = "{\"query\":\"{ routers { id } }\",\"variables\":{\"pad\":\"" + "x".repeat(200_000) + "\"}}";
        var r = post("viewer-key", "application/json", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body().at("/errors/0/message").asString()).contains("larger than the limit of 102400 bytes");
    }

    @Test
    void masksSensitiveFieldsInResponsesAndRevealsThemOnlyToAnAuditedAdmin() throws Exception {
        String key = "kNOxdxBpoKdCDVPRKp4Fu70Ks7dBEEQtMv5ZxLUkq2E=";
        var created = query("operator-key", """
                mutation($input: WireguardInterfaceInput!) {
                  createWireguardInterface(routerId: "r1", input: $input) {
                    resource { uuid ... on WireguardInterface { configuration { name privateKey } } }
                  }
                }""", Map.of("input", Map.of("name", "wg0", "listenPort", 13231, "privateKey", key)));
        assertThat(created.body().at("/data/createWireguardInterface/resource/configuration/privateKey").asString()).isEqualTo("******");
        assertThat(created.raw().body()).doesNotContain(key);
        String uuid = created.body().at("/data/createWireguardInterface/resource/uuid").asString();

        String reveal = "mutation($uuid: ID!) { revealSecret(uuid: $uuid, field: \"privateKey\", reason: \"migrate peer\") "
                + "{ value userErrors { message } } }";
        var denied = query("operator-key", reveal, Map.of("uuid", uuid));
        assertThat(denied.body().at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(denied.raw().body()).doesNotContain(key);
        assertThat(server.audit).isEmpty();

        var shown = query("admin-key", reveal, Map.of("uuid", uuid));
        assertThat(shown.body().at("/data/revealSecret/value").asString()).isEqualTo(key);
        assertThat(server.audit).containsExactly("admin " + uuid + " WireguardInterfaceConfig.privateKey migrate peer");
    }

    @Test
    void masksASensitiveBadValueInValidationErrors() throws Exception {
        var r = query("operator-key", """
                mutation { createWireguardInterface(routerId: "r1", input: {name: "wg1", privateKey: "short-secret"}) {
                  userErrors { field message value } } }""", Map.of());
        assertThat(r.body().at("/errors/0/extensions/field").asString()).isEqualTo("input.privateKey");
        assertThat(r.raw().body()).doesNotContain("short-secret");
        assertThat(r.body().at("/errors/0/extensions/value").asString()).isEqualTo("******");
    }

    @Test
    void servesTheLocalQueryConsoleToBrowsers() throws Exception {
        var r = get(null, "text/html,application/xhtml+xml", "");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.raw().body()).contains("GraphQL console").doesNotContain("https://");
    }

    @Test
    void rateLimitsAKeyWith429() throws Exception {
        try (var limited = new TestServer(new Limits(100 * 1024, 12, 5000, 0.5, 2, Duration.ofSeconds(10), 100))) {
            var statuses = new java.util.ArrayList<Integer>();
            for (int i = 0; i < 3; i++) {
                var req = HttpRequest.newBuilder(URI.create(limited.url())).header("Authorization", "Bearer viewer-key")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ routers { id } }\"}")).build();
                var r = CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
                statuses.add(r.statusCode());
                if (r.statusCode() == 429) assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
            }
            assertThat(statuses).containsExactly(200, 200, 429);
            var other = HttpRequest.newBuilder(URI.create(limited.url())).header("Authorization", "Bearer admin-key")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ routers { id } }\"}")).build();
            assertThat(CLIENT.send(other, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }
}

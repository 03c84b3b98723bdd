package com.nasnetconnect.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * An integration's path against the packaged server: an API key made on the command line, GraphQL over HTTP
 * to list the demo router and create a VLAN on it (applied to the simulated router, confirmed, stored), bad
 * input refused with the field and value named, and the VLAN still there — in the server and on the demo
 * router itself — after a restart.
 */
@Timeout(180)
class GraphQlE2ETest {
    static final ObjectMapper JSON = JsonMapper.shared();
    static final String PRIVATE_KEY = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    final HttpClient http = HttpClient.newHttpClient();

    JsonNode graphql(ServerProcess server, String key, String query) throws Exception {
        var req = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/graphql"))
                .header("Content-Type", "application/json").header("Accept", "application/graphql-response+json")
                .header("Authorization", "Bearer " + key)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build();
        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != 401) {
            assertThat(res.headers().firstValue("content-type")).hasValueSatisfying(ct -> assertThat(ct).startsWith("application/graphql-response+json"));
        }
        return JSON.readTree(res.body());
    }

    @Test
    void managesTheDemoRouterOverGraphQlAndKeepsItAcrossARestart() throws Exception {
        Path data = Files.createTempDirectory("nnc-graphql");
        String vlanUuid;
        String key;
        try (ServerProcess server = ServerProcess.start(data, Map.of())) {
            var created = ServerProcess.runToExit(List.of("apikey", "create", "--name", "e2e-operator", "--role", "operator",
                    "--data-dir", data.toString()), Map.of(), Duration.ofSeconds(60));
            assertThat(created.exitCode()).as(created.output()).isZero();
            key = created.output().lines().filter(l -> l.startsWith("nnc_")).findFirst().orElseThrow();

            JsonNode routers = graphql(server, key, "{ routers { id name } }");
            assertThat(routers.at("/data/routers/0/id").asString()).as(routers.toString()).isEqualTo("demo");

            JsonNode vlan = graphql(server, key, """
                    mutation { createVlan(routerId: "demo", input: {name: "iot", vlanId: 42, interface: "ether2"}) {
                      resource { uuid deployment { nativeId } ... on Vlan { configuration { vlanId } } }
                      userErrors { field message } } }""");
            assertThat(vlan.at("/data/createVlan/userErrors").size()).as(vlan.toString()).isZero();
            assertThat(vlan.at("/data/createVlan/resource/deployment/nativeId").asString()).startsWith("*");
            vlanUuid = vlan.at("/data/createVlan/resource/uuid").asString();

            JsonNode bad = graphql(server, key, """
                    mutation { createVlan(routerId: "demo", input: {name: "bad", vlanId: 5000, interface: "ether2"}) {
                      resource { uuid } userErrors { field message } } }""");
            assertThat(bad.toString()).contains("vlanId").contains("5000");
            assertThat(bad.at("/data/createVlan/resource").isMissingNode() || bad.at("/data/createVlan/resource").isNull()).isTrue();

            JsonNode wg = graphql(server, key, "mutation { createWireguardInterface(routerId: \"demo\", input: {name: \"wg-e2e\", "
                    + "listenPort: 51821, privateKey: \"" + PRIVATE_KEY + "\"}) { resource { uuid ... on WireguardInterface { "
                    + "configuration { privateKey } } } userErrors { field message } } }");
            assertThat(wg.at("/data/createWireguardInterface/userErrors").size()).as(wg.toString()).isZero();
            assertThat(wg.toString()).as("masked in responses").doesNotContain(PRIVATE_KEY);

            JsonNode viewerless = graphql(server, "not-a-key", "{ routers { id } }");
            assertThat(viewerless.at("/errors/0/message").asString()).isEqualTo("authentication failed");
        }

        try (ServerProcess again = ServerProcess.start(data, Map.of())) {
            JsonNode found = graphql(again, key, "{ resource(uuid: \"" + vlanUuid + "\") { uuid deployment { nativeId } } }");
            assertThat(found.at("/data/resource/uuid").asString()).as(found.toString()).isEqualTo(vlanUuid);
            // The demo router kept its own state too: adopting it finds the VLAN already managed, not a stranger.
            assertThat(Files.readString(data.resolve("demo-router.json"))).contains("\"iot\"");
        }
        // No database, key file or log of the server holds the WireGuard private key in clear.
        try (var files = Files.walk(data)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("demo-router.json")).toList()) {
                assertThat(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)).as(f.toString())
                        .doesNotContain(PRIVATE_KEY);
            }
        }
    }
}

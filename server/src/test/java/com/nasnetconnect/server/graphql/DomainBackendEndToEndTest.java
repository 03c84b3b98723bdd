package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.apply.AdoptService;
import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterMonitor;
import com.nasnetconnect.domain.apply.SchemaRulesAdapter;
import com.nasnetconnect.routeros.api.FileCertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import io.helidon.webserver.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path: GraphQL over HTTP -> DomainGraphQlBackend -> apply-confirm-merge -> the RouterOS API
 * simulator over TCP loopback, with state in real SQLite files; apply translates fields through the
 * schema-derived SchemaFieldMapping and validates with the schema rules (SchemaRulesAdapter).
 */
@Timeout(60)
class DomainBackendEndToEndTest {
    private static final ObjectMapper JSON = JsonMapper.shared();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @TempDir
    Path dir;
    private RouterOsSimulator sim;
    private RouterOsGateway gateway;
    private DatabaseManager databases;
    private GraphQlEndpoint endpoint;
    private WebServer server;
    private RouterEndpoint routerEndpoint;

    @BeforeEach
    void start() {
        Clock clock = Clock.systemUTC();
        sim = RouterOsSimulator.builder().version("7.23.3").credentials("admin", "pw").apiPort(0).tlsPort(-1).build().start();
        gateway = new RouterOsGateway(new GatewaySettings(Duration.ofSeconds(5), Duration.ofSeconds(2), 2,
                Duration.ofMillis(100), Duration.ofSeconds(1)), new FileCertificatePins(dir.resolve("pins")));
        databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        var routers = new SqliteRouterRepository(databases, AesGcmSecretCipher.ofKey(new byte[32]), clock);
        var store = new SqliteResourceStore(databases);
        var bus = new ResourceEventBus();
        SchemaDirectives schema = TestServer.directives();
        var redactor = new com.nasnetconnect.domain.schema.Redactor(schema.sensitiveFields(), (w, s, f, r, a) -> { }, clock);
        var specs = ResourceKindSpecs.defaults(new com.nasnetconnect.domain.apply.SchemaFieldMapping(schema.mikrotik(), redactor));
        var rules = new SchemaRulesAdapter(schema.validationRules()).and(new BasicSchemaRules(specs));
        var ledger = new StateApplyLedger(store, bus, specs, clock);
        var apply = new ApplyConfirmMergeService(gateway, ledger, specs, rules, LinkLossGuard.NONE, clock);
        var adopt = new AdoptService(gateway, ledger, specs, rules, clock);
        var monitor = new RouterMonitor(routers, gateway, clock, Duration.ofMinutes(10), Duration.ofSeconds(2));
        routerEndpoint = new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw"));
        routers.save(new Router(new RouterId("lab"), "Lab", routerEndpoint, true, clock.instant()));
        security = com.nasnetconnect.storage.security.SqliteSecurity.services(databases.system(), clock);
        var locator = new com.nasnetconnect.domain.apply.ResourceLocator(routers, store, bus);
        var backend = new com.nasnetconnect.server.graphql.backend.DomainGraphQlBackend(
                new com.nasnetconnect.domain.apply.RouterRegistration(routers, gateway, monitor, adopt, specs, store, clock),
                new com.nasnetconnect.domain.apply.ResourceQueries(routers, store, store, locator, bus),
                new com.nasnetconnect.domain.apply.ResourceChanges(apply, routers, store, bus, locator), monitor,
                security.apiKeys(), clock);
        endpoint = new GraphQlEndpoint(schema, backend, (w, s, f, r, a) -> { },
                key -> TestServer.AUTH.apply(key).or(() -> security.apiKeys().authenticate(key)), clock, Limits.defaults(),
                security.audit());
        server = WebServer.builder().host("127.0.0.1").port(0).routing(endpoint::routing).addRouting(endpoint.wsRouting())
                .build().start();
    }

    @AfterEach
    void stop() {
        if (server != null) server.stop();
        if (endpoint != null) endpoint.close();
        if (gateway != null) gateway.close();
        if (sim != null) sim.close();
        if (databases != null) databases.close();
    }

    private com.nasnetconnect.domain.security.SecurityServices security;

    private JsonNode post(String query) throws Exception {
        return post("operator-key", query);
    }

    private JsonNode post(String key, String query) throws Exception {
        return post(key, query, Map.of());
    }

    private JsonNode post(String key, String query, Map<String, Object> variables) throws Exception {
        var req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/graphql"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .header("Accept", "application/graphql-response+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query, "variables", variables)))).build();
        return JSON.readTree(CLIENT.send(req, HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void anAdminCreatesListsAndRevokesApiKeysAndOthersMayNot() throws Exception {
        var created = post("admin-key", "mutation { createApiKey(name: \"ci-bot\", role: VIEWER) { key apiKey { name role active } userErrors { message } } }");
        assertThat(created.at("/data/createApiKey/userErrors").size()).as(created.toString()).isZero();
        String key = created.at("/data/createApiKey/key").asString();
        assertThat(key).startsWith("nnc_");
        assertThat(created.at("/data/createApiKey/apiKey/role").asString()).isEqualTo("VIEWER");

        var asNewKey = post(key, "{ routers { id } }");
        assertThat(asNewKey.at("/data/routers/0/id").asString()).as(asNewKey.toString()).isEqualTo("lab");
        var listed = post("admin-key", "{ apiKeys { name active lastUsedAt } }");
        assertThat(listed.toString()).contains("ci-bot").doesNotContain(key);

        var byOperator = post("operator-key", "mutation { createApiKey(name: \"sneaky\", role: ADMIN) { key userErrors { message } } }");
        assertThat(byOperator.at("/errors/0/extensions/code").asString()).as(byOperator.toString()).isEqualTo("FORBIDDEN");
        assertThat(byOperator.toString()).doesNotContain("nnc_");

        var bad = post("admin-key", "mutation { createApiKey(name: \"has space\", role: VIEWER) { key userErrors { field message } } }");
        assertThat(bad.toString()).contains("has space");

        var revoked = post("admin-key", "mutation { revokeApiKey(name: \"ci-bot\") { apiKey { active } userErrors { message } } }");
        assertThat(revoked.at("/data/revokeApiKey/apiKey/active").asBoolean()).as(revoked.toString()).isFalse();
        assertThat(post(key, "{ routers { id } }").at("/errors/0/message").asString()).isEqualTo("authentication failed");
    }

    @Test
    void aRefusedOperationIsAuditedOnceNamingWhoAndWhat() throws Exception {
        var refused = post("viewer-key", "mutation { a: createApiKey(name: \"x\", role: ADMIN) { key } b: revokeApiKey(name: \"y\") { userErrors { message } } }");
        assertThat(refused.at("/errors/0/extensions/code").asString()).as(refused.toString()).isEqualTo("FORBIDDEN");
        var trail = security.audit().list(com.nasnetconnect.domain.security.Principal.SYSTEM, 20, Long.MAX_VALUE).stream()
                .filter(e -> e.action() == com.nasnetconnect.domain.security.AuditAction.ACCESS_DENIED).toList();
        assertThat(trail).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("apikey:viewer");
            assertThat(e.subject()).isEqualTo("GraphQL mutation a (createApiKey)");
            assertThat(e.detail()).contains("may not createApiKey");
        });
        var allowed = post("viewer-key", "{ routers { id } }");
        assertThat(allowed.at("/data/routers/0/id").asString()).isEqualTo("lab");
        var queryRefused = post("viewer-key", "{ apiKeys { name } }");
        assertThat(queryRefused.at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(security.audit().list(com.nasnetconnect.domain.security.Principal.SYSTEM, 20, Long.MAX_VALUE))
                .filteredOn(e -> e.action() == com.nasnetconnect.domain.security.AuditAction.ACCESS_DENIED)
                .extracting(com.nasnetconnect.domain.security.AuditEvent::subject)
                .containsExactly("GraphQL query apiKeys", "GraphQL mutation a (createApiKey)");
    }

    @Test
    void anAdminCreatesAKeyThatExpiresAndTheListShowsTheExpiry() throws Exception {
        var created = post("admin-key", "mutation { createApiKey(name: \"temp\", role: VIEWER, expiresAt: \"2099-01-01T00:00:00Z\")"
                + " { key apiKey { name expiresAt active } userErrors { message } } }");
        assertThat(created.at("/data/createApiKey/userErrors").size()).as(created.toString()).isZero();
        assertThat(created.at("/data/createApiKey/apiKey/expiresAt").asString()).isEqualTo("2099-01-01T00:00:00Z");
        var listed = post("admin-key", "{ apiKeys { name expiresAt active } }");
        assertThat(listed.at("/data/apiKeys/0/expiresAt").asString()).as(listed.toString()).isEqualTo("2099-01-01T00:00:00Z");
        assertThat(listed.at("/data/apiKeys/0/active").asBoolean()).isTrue();
        var never = post("admin-key", "mutation { createApiKey(name: \"forever\", role: VIEWER) { apiKey { expiresAt } userErrors { message } } }");
        assertThat(never.at("/data/createApiKey/apiKey/expiresAt").isNull()).as(never.toString()).isTrue();
    }

    @Test
    void anExpiryInThePastIsAUserErrorNamingTheValue() throws Exception {
        var late = post("admin-key", "mutation { createApiKey(name: \"late\", role: VIEWER, expiresAt: \"2020-05-01T12:00:00Z\")"
                + " { key userErrors { field message value } } }");
        assertThat(late.at("/data/createApiKey/key").isNull()).as(late.toString()).isTrue();
        assertThat(late.at("/data/createApiKey/userErrors/0/field/0").asString()).isEqualTo("expiresAt");
        assertThat(late.at("/data/createApiKey/userErrors/0/message").asString())
                .startsWith("the expiry 2020-05-01T12:00:00Z is not in the future");
        assertThat(late.at("/data/createApiKey/userErrors/0/value").asString()).isEqualTo("2020-05-01T12:00:00Z");
    }

    @Test
    void createsAVlanOnTheRouterAndServesItWithItsDeploymentAndEvents() throws Exception {
        var created = post("""
                mutation { createVlan(routerId: "lab", input: {name: "vlan30", vlanId: 30, interface: "ether1"}) {
                  resource { uuid kind deployment { nativeId appliedBy } ... on Vlan { configuration { name vlanId interface } } }
                  userErrors { field message value } } }""");
        assertThat(created.at("/data/createVlan/userErrors").size()).as(created.toString()).isZero();
        String uuid = created.at("/data/createVlan/resource/uuid").asString();
        assertThat(created.at("/data/createVlan/resource/configuration/vlanId").asInt()).isEqualTo(30);
        assertThat(created.at("/data/createVlan/resource/deployment/nativeId").asString()).startsWith("*");

        var onRouter = gateway.execute(routerEndpoint, RouterCommand.of("/interface/vlan/print").where("?name=vlan30"));
        assertThat(onRouter.rows()).singleElement().satisfies(row -> assertThat(row).containsEntry("vlan-id", "30"));

        var listed = post("{ resources(routerId: \"lab\", kind: VLAN) { totalCount edges { node { uuid } } } }");
        assertThat(listed.at("/data/resources/edges/0/node/uuid").asString()).isEqualTo(uuid);
        var events = post("{ events(routerId: \"lab\") { edges { node { resourceUuid type } } } }");
        assertThat(events.at("/data/events/edges").findValuesAsString("resourceUuid")).contains(uuid);
        var router = post("{ routers { id name status { reachable } } }");
        assertThat(router.at("/data/routers/0/id").asString()).isEqualTo("lab");
    }

    @Test
    void aDateOutsideTheSupportedRangeIsAUserErrorNamingTheArgumentTheValueAndTheRange() throws Exception {
        var late = post("{ events(routerId: \"lab\", since: \"2300-01-01T00:00:00Z\") { edges { node { type } } } }");
        assertThat(late.at("/errors/0/message").asString()).as(late.toString())
                .contains("'since'", "2300-01-01T00:00:00Z", "from 1678-01-01T00:00:00Z to 2261-12-31T23:59:59Z")
                .doesNotContain("internal error");

        var early = post("{ resourceAt(uuid: \"00000000-0000-4000-8000-000000000001\", at: \"1600-01-01T00:00:00Z\") { uuid } }");
        assertThat(early.at("/errors/0/message").asString()).as(early.toString())
                .contains("'at'", "1600-01-01T00:00:00Z", "from 1678-01-01T00:00:00Z to 2261-12-31T23:59:59Z");

        var asVariable = post("operator-key", "query ($u: DateTime) { events(routerId: \"lab\", until: $u) { edges { node { type } } } }",
                Map.of("u", "1600-01-01T00:00:00Z"));
        assertThat(asVariable.at("/errors/0/message").asString()).as(asVariable.toString())
                .contains("'u'", "1600-01-01T00:00:00Z", "from 1678-01-01T00:00:00Z to 2261-12-31T23:59:59Z");
    }

    @Test
    void aQuarantinedRouterDatabaseIsAClearErrorThatNamesTheRouterAndNoServerPath() throws Exception {
        java.nio.file.Files.writeString(databases.routerFile(new RouterId("lab")), "not a database, just garbage ".repeat(200));

        for (String query : new String[] {"{ resources(routerId: \"lab\") { totalCount } }",
                "{ events(routerId: \"lab\") { edges { node { type } } } }"}) {
            var answer = post(query);
            assertThat(answer.at("/errors/0/message").asString()).as(answer.toString())
                    .startsWith("the database of router 'Lab' (id 'lab') is quarantined since ")
                    .doesNotContain(dir.toString()).doesNotContain("internal error");
            assertThat(answer.at("/errors/0/extensions/code").asString()).isEqualTo("QUARANTINED");
        }
        var scan = post("{ resource(uuid: \"00000000-0000-4000-8000-000000000001\") { uuid } }"); // scans every router
        assertThat(scan.at("/errors").isMissingNode()).as(scan.toString()).isTrue();
        var created = post("""
                mutation { createVlan(routerId: "lab", input: {name: "vlan50", vlanId: 50, interface: "ether1"}) {
                  resource { uuid } userErrors { message } } }""");
        assertThat(created.toString()).contains("the database of router 'Lab' (id 'lab') is quarantined since")
                .doesNotContain(dir.toString());
    }

    @Test
    void reportsARouterRefusalAsAUserErrorAndLeavesNothingBehind() throws Exception {
        var refused = post("""
                mutation { createVlan(routerId: "lab", input: {name: "vlan40", vlanId: 40, interface: "no-such-port"}) {
                  resource { uuid } userErrors { field message value } } }""");
        assertThat(refused.at("/data/createVlan/resource").isNull()).isTrue();
        assertThat(refused.at("/data/createVlan/userErrors").size()).as(refused.toString()).isPositive();
        assertThat(refused.at("/data/createVlan/userErrors/0/message").asString()).isNotBlank();
        var onRouter = gateway.execute(routerEndpoint, RouterCommand.of("/interface/vlan/print").where("?name=vlan40"));
        assertThat(onRouter.rows()).isEmpty();
        var listed = post("{ resources(routerId: \"lab\", kind: VLAN) { totalCount } }");
        assertThat(listed.at("/data/resources/totalCount").asInt()).isZero();
    }

    @Test
    void publishesTheAppliedChangeToResourceChangedSubscribers() throws Exception {
        var who = new com.nasnetconnect.domain.security.Principal("watcher", com.nasnetconnect.domain.security.Role.VIEWER, true);
        var result = endpoint.engine().execute(new GraphQlEngine.Request(
                "subscription { resourceChanged(routerId: \"lab\") { type kind resource { uuid deployment { nativeId } } } }",
                null, Map.of()), who);
        assertThat(result.getErrors()).isEmpty();
        var received = new java.util.concurrent.LinkedBlockingQueue<Map<String, Object>>();
        org.reactivestreams.Publisher<graphql.ExecutionResult> stream = result.getData();
        stream.subscribe(new org.reactivestreams.Subscriber<>() {
            @Override
            public void onSubscribe(org.reactivestreams.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(graphql.ExecutionResult r) {
                received.add(r.toSpecification());
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onComplete() {
            }
        });
        post("mutation { createBridge(routerId: \"lab\", input: {name: \"br-test\"}) { userErrors { message } } }");
        var first = received.poll(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(first).isNotNull();
        assertThat(first.toString()).contains("kind=BRIDGE");
    }
}

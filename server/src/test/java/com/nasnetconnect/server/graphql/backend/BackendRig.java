package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.apply.AdoptService;
import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.DriftResolution;
import com.nasnetconnect.domain.apply.PreferSafeModeGuard;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceLocator;
import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.apply.RouterRegistration;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.events.ColdEventTier;
import com.nasnetconnect.domain.events.EventRetention;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.events.TieredEventLog;
import com.nasnetconnect.domain.telemetry.HotTelemetry;
import com.nasnetconnect.domain.telemetry.RuntimePoller;
import com.nasnetconnect.storage.events.SqliteHotEventTier;
import com.nasnetconnect.storage.events.SqliteWarmEventTier;
import com.nasnetconnect.domain.factory.FactorySettings;
import com.nasnetconnect.domain.factory.RoutingPolicies;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.factory.ServiceInstanceFeed;
import com.nasnetconnect.domain.factory.ServiceLifecycle;
import com.nasnetconnect.storage.factory.SqliteRoutingPolicyStore;
import com.nasnetconnect.storage.factory.SqliteServiceCatalog;
import com.nasnetconnect.storage.factory.SqliteServiceInstanceStore;
import com.nasnetconnect.domain.router.RouterMonitor;
import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.apply.SchemaRulesAdapter;
import com.nasnetconnect.domain.schema.SecretRevealAudit;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.routeros.api.FileCertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.server.graphql.GraphQlEndpoint;
import com.nasnetconnect.server.graphql.Limits;
import com.nasnetconnect.server.graphql.SchemaDirectives;
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
import java.security.SecureRandom;
import java.time.Instant;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * One server as Wiring builds it, on real parts: SQLite in a temp dir, the RouterOS simulator over loopback TCP,
 * the real gateway, monitor, state, apply-confirm-merge and adopt services, the domain's in-ports, the GraphQL
 * engine over {@link DomainGraphQlBackend}, served by Helidon on an ephemeral port (HTTP and graphql-transport-ws).
 * Time comes from {@link #clock}, which moves only when a test advances it.
 */
final class BackendRig implements AutoCloseable {
    static final ObjectMapper JSON = JsonMapper.shared();
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Map<String, Principal> KEYS = Map.of(
            "viewer-key", new Principal("viewer", Role.VIEWER, true),
            "operator-key", new Principal("operator", Role.OPERATOR, true),
            "admin-key", new Principal("admin", Role.ADMIN, true));
    static final Function<String, Optional<Principal>> AUTH = key -> Optional.ofNullable(KEYS.get(key));

    /** Stands still until a test advances it: event times, resourceAt and event windows are exact. */
    final TestClock clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
    final RouterOsSimulator sim;
    final DatabaseManager databases;
    final SqliteRouterRepository routers;
    final SqliteResourceStore store;
    final ResourceEventBus bus = new ResourceEventBus();
    final RouterOsGateway gateway;
    final RouterMonitor monitor;
    final ApplyConfirmMergeService apply;
    final AdoptService adopt;
    final ResourceLocator locator;
    final ResourceChanges changes;
    final ResourceQueries queries;
    final RouterRegistration registration;
    final SqliteServiceInstanceStore serviceInstances;
    final ServiceInstanceFeed serviceFeed = new ServiceInstanceFeed();
    /** Every router's factory settings; the simulator has no bridge, so instance VLANs go on ether1. */
    volatile FactorySettings factorySettings = FactorySettings.defaults().withVlanParent("ether1");
    final ServiceFactory factory;
    final RoutingPolicies policies;
    final ServiceLifecycle lifecycle;
    final DomainGraphQlBackend backend;
    /** The event log's hot tier, and the telemetry poller recording into it (a test polls by hand). */
    final SqliteHotEventTier hot;
    final RuntimePoller poller;
    final List<String> audit = new CopyOnWriteArrayList<>();
    final GraphQlEndpoint endpoint;
    final WebServer server;

    final DriftResolution drift;

    BackendRig(Path dir) {
        this(dir, "7.16.2");
    }

    /** @param version the simulated router's RouterOS version */
    BackendRig(Path dir, String version) {
        sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw").apiPort(0)
                .imagePullDelayMillis(300).build().start();
        databases = new DatabaseManager(dir, DatabaseSettings.defaults(), clock);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        var cipher = AesGcmSecretCipher.ofKey(key);
        routers = new SqliteRouterRepository(databases, cipher, clock);
        store = new SqliteResourceStore(databases);
        gateway = new RouterOsGateway(GatewaySettings.defaults(), new FileCertificatePins(dir.resolve("pins")));
        monitor = new RouterMonitor(routers, gateway, clock, Duration.ofSeconds(2), Duration.ofSeconds(2));
        monitor.start();

        // --- as Wiring builds them (main), with this package's backend ---
        SchemaDirectives schema = SchemaDirectives.fromClasspath();
        SecretRevealAudit reveals = (who, subject, field, reason, at) -> audit.add(who.name() + " " + subject + " " + field);
        Redactor redactor = new Redactor(schema.sensitiveFields(), reveals, clock);
        var specs = ResourceKindSpecs.defaults(new com.nasnetconnect.domain.apply.SchemaFieldMapping(schema.mikrotik(), redactor));
        var rules = new SchemaRulesAdapter(schema.validationRules()).and(new BasicSchemaRules(specs));
        var ledger = new StateApplyLedger(store, bus, specs, clock);
        apply = new ApplyConfirmMergeService(gateway, ledger, specs, rules,
                new PreferSafeModeGuard(gateway, specs, Duration.ofSeconds(30), clock), clock);
        adopt = new AdoptService(gateway, ledger, specs, rules, apply.locks(), clock);
        locator = new ResourceLocator(routers, store, bus);
        changes = new ResourceChanges(apply, routers, store, bus, locator);
        queries = new ResourceQueries(routers, store, store, locator, bus);
        registration = new RouterRegistration(routers, gateway, monitor, adopt, specs, store, clock);
        drift = new DriftResolution(apply, ledger, gateway, specs, routers, store, locator, clock);
        serviceInstances = new SqliteServiceInstanceStore(databases, cipher);
        factory = new ServiceFactory(new SqliteServiceCatalog(databases), serviceInstances, apply, routers, gateway, store,
                id -> factorySettings, serviceFeed, clock);
        policies = new RoutingPolicies(serviceInstances, new SqliteRoutingPolicyStore(databases), apply, routers, gateway,
                store, serviceFeed, clock);
        lifecycle = new ServiceLifecycle(serviceInstances, routers, gateway, serviceFeed, clock); // a test runs its checks
        hot = new SqliteHotEventTier(dir.resolve("hot"), Optional.empty(), SqliteHotEventTier.Settings.defaults());
        var events = new TieredEventLog(clock, hot, new SqliteWarmEventTier(databases, clock), ColdEventTier.NONE,
                EventRetention.defaults());
        poller = new RuntimePoller(routers, gateway, store, events, clock);
        backend = new DomainGraphQlBackend(registration, queries, changes, monitor,
                com.nasnetconnect.storage.security.SqliteSecurity.services(databases.system(), clock).apiKeys(), factory,
                policies, events, new HotTelemetry(events, poller, clock, Duration.ofHours(1)), drift, clock).withSecrets(new com.nasnetconnect.domain.apply.RevealSecret(locator, redactor));
        endpoint = new GraphQlEndpoint(schema, backend, reveals, AUTH, clock, Limits.defaults());
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .shutdownHook(false)
                .routing(endpoint::routing)
                .addRouting(endpoint.wsRouting())
                .build()
                .start();
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/graphql";
    }

    String wsUrl() {
        return "ws://127.0.0.1:" + server.port() + "/graphql";
    }

    /** POSTs one GraphQL request with an API key; returns the whole response body. */
    JsonNode graphql(String key, String query, Object... variables) throws Exception {
        var vars = new LinkedHashMap<String, Object>();
        for (int i = 0; i < variables.length; i += 2) vars.put((String) variables[i], variables[i + 1]);
        String body = JSON.writeValueAsString(Map.of("query", query, "variables", vars));
        var res = CLIENT.send(HttpRequest.newBuilder(URI.create(url()))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(res.body());
    }

    /** Registers the simulator through the API; returns the new router's id. */
    String addSimRouter() throws Exception {
        return addRouter("lab", sim.apiPort());
    }

    /** Registers a simulator (credentials admin/pw) on this port through the API; returns the new router's id. */
    String addRouter(String name, int port) throws Exception {
        JsonNode r = graphql("operator-key", """
                mutation($name: String!, $port: Int) { addRouter(input: {name: $name, host: "127.0.0.1", port: $port, username: "admin", password: "pw"}) {
                  router { id } userErrors { field message value } } }""", "name", name, "port", port);
        JsonNode payload = r.at("/data/addRouter");
        if (!payload.path("userErrors").isEmpty() || payload.at("/router/id").isMissingNode()) {
            throw new AssertionError("addRouter failed: " + r);
        }
        return payload.at("/router/id").asString();
    }

    /** The simulator's .id of the first item in a menu whose property has this value, or null. */
    String simId(String menu, String property, String value) {
        return sim.snapshot().items(menu).entrySet().stream().filter(e -> value.equals(e.getValue().get(property)))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    @Override
    public void close() {
        server.stop();
        endpoint.close();
        lifecycle.close();
        locator.close();
        monitor.close();
        poller.close();
        hot.close();
        gateway.close();
        databases.close();
        sim.close();
    }
}

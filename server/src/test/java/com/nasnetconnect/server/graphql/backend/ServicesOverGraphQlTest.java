package com.nasnetconnect.server.graphql.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.routeros.sim.SimulatorState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The Virtual Interface Factory over GraphQL, on real parts ({@link BackendRig}: Helidon, SQLite, the RouterOS
 * simulator over TCP): the catalog, an install that makes the router interface, every bad input refused as a
 * userError naming the value with the router untouched, an uninstall that leaves the router as it was, the
 * serviceInstanceChanged subscription, roles, and secrets that never come back.
 */
@Timeout(60)
class ServicesOverGraphQlTest {
    static final String PRIVATE_KEY = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    static final String WG_CONF = """
            [Interface]
            PrivateKey = %s
            Address = 10.66.0.2/32

            [Peer]
            PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=
            AllowedIPs = 0.0.0.0/0
            Endpoint = 203.0.113.7:51820
            """.formatted(PRIVATE_KEY);
    static final String INSTALL = """
            mutation($router: ID!, $template: ID!, $name: String!, $options: [OptionValue!]) {
              installService(routerId: $router, input: {template: $template, name: $name, options: $options}) {
                instance { id template name interfaceName vlanId subnet state progress health { status reason }
                           options { key value } resourceIds resources { uuid kind } }
                userErrors { field message value } } }""";
    static final String UNINSTALL = """
            mutation($id: ID!) { uninstallService(id: $id) {
              instance { id state resourceIds } userErrors { field message value } } }""";

    @TempDir Path dir;
    BackendRig rig;
    String router;

    @BeforeEach
    void start() throws Exception {
        rig = new BackendRig(dir);
        router = rig.addSimRouter();
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private JsonNode install(String key, String routerId, String template, String name, String... options) throws Exception {
        var values = new ArrayList<Object>();
        for (int i = 0; i < options.length; i += 2) values.add(java.util.Map.of("key", options[i], "value", options[i + 1]));
        return rig.graphql(key, INSTALL, "router", routerId, "template", template, "name", name, "options", values);
    }

    /** The router's configuration as the next reader sees it (the last plan's journal is cleared by a reconcile). */
    private SimulatorState routerNow() {
        rig.apply.reconcile(rig.routers.find(new RouterId(router)).orElseThrow());
        return rig.sim.snapshot();
    }

    /** What changed on the router besides the progress of a container already being pulled (its status). */
    private static List<SimulatorState.Change> changedBesidesPulls(SimulatorState before, SimulatorState after) {
        return before.diff(after).stream()
                .filter(c -> !(c.kind() == SimulatorState.Change.Kind.CHANGED && c.menu().equals("/container")
                        && c.detail().matches("status: [a-z]+ -> [a-z]+")))
                .toList();
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
            Thread.sleep(20);
        }
    }

    @Test
    void listsTheCatalogWithEachOptionsRuleSoAClientCanValidate() throws Exception {
        JsonNode r = rig.graphql("viewer-key", """
                { serviceTemplates { id name description gateway needsContainer interfacePrefix
                    options { key label required default secret rule format pattern } } }""");
        JsonNode templates = r.at("/data/serviceTemplates");
        assertThat(templates.findValuesAsString("id")).as(r.toString()).contains("tor", "wireguard", "socks5", "adguard");
        JsonNode tor = find(templates, "id", "tor");
        assertThat(tor.get("gateway").asString()).isEqualTo("SOCKS_TUN");
        assertThat(tor.get("needsContainer").asBoolean()).isTrue();
        JsonNode exit = find(tor.get("options"), "key", "exitCountry");
        assertThat(exit.get("rule").asString()).isEqualTo("COUNTRY");
        assertThat(exit.get("secret").asBoolean()).isFalse();
        assertThat(exit.get("pattern").asString()).isEqualTo("^[A-Za-z]{2}$");
        assertThat(exit.get("format").asString()).contains("country code");
        JsonNode config = find(find(templates, "id", "wireguard").get("options"), "key", "config");
        assertThat(config.get("rule").asString()).isEqualTo("WG_QUICK");
        assertThat(config.get("secret").asBoolean()).isTrue();
        assertThat(config.get("required").asBoolean()).isTrue();
        assertThat(config.get("default").isNull()).isTrue();
    }

    @Test
    void installingTorMakesTheInterfaceOnTheRouterAndUninstallingLeavesTheRouterAsBefore() throws Exception {
        SimulatorState before = routerNow();

        JsonNode r = install("operator-key", router, "tor", "usa", "exitCountry", "US");
        JsonNode instance = r.at("/data/installService/instance");
        assertThat(r.at("/data/installService/userErrors").size()).as(r.toString()).isZero();
        assertThat(instance.get("interfaceName").asString()).isEqualTo("nnc-tor-usa");
        assertThat(instance.get("template").asString()).isEqualTo("tor");
        assertThat(instance.get("vlanId").asInt()).isEqualTo(101);
        assertThat(instance.get("subnet").asString()).isEqualTo("10.99.101.0/24");
        assertThat(instance.get("state").asString()).isEqualTo("PULLING");
        assertThat(instance.at("/health/status").asString()).isEqualTo("UNKNOWN");
        assertThat(find(instance.get("options"), "key", "exitCountry").get("value").asString()).isEqualTo("us");
        assertThat(instance.get("resources").size()).isEqualTo(instance.get("resourceIds").size()).isPositive();
        assertThat(instance.get("resources").findValuesAsString("kind")).contains("VLAN", "VETH", "CONTAINER", "ROUTE");
        assertThat(rig.sim.snapshot().find("/interface/veth", "name", "nnc-tor-usa")).containsEntry("comment", "nnc:" + instance.get("id").asString());

        JsonNode listed = rig.graphql("viewer-key", "query($r: ID!) { serviceInstances(routerId: $r) { id interfaceName state } }", "r", router);
        assertThat(listed.at("/data/serviceInstances/0/id").asString()).as(listed.toString()).isEqualTo(instance.get("id").asString());

        JsonNode gone = rig.graphql("operator-key", UNINSTALL, "id", instance.get("id").asString());
        assertThat(gone.at("/data/uninstallService/userErrors").size()).as(gone.toString()).isZero();
        assertThat(gone.at("/data/uninstallService/instance/state").asString()).isEqualTo("STOPPED");
        assertThat(gone.at("/data/uninstallService/instance/resourceIds").size()).isEqualTo(instance.get("resourceIds").size());
        assertThat(before.diff(routerNow())).isEmpty();
        assertThat(rig.graphql("viewer-key", "query($r: ID!) { serviceInstances(routerId: $r) { id } }", "r", router)
                .at("/data/serviceInstances").size()).isZero();
    }

    @Test
    void anUnknownTemplateIsAUserErrorNamingItAndNothingReachesTheRouter() throws Exception {
        SimulatorState before = routerNow();
        JsonNode r = install("operator-key", router, "tor2", "usa");
        assertRefused(r, List.of("input", "template"), "tor2", "unknown service template 'tor2'");
        assertThat(before.diff(routerNow())).isEmpty();
    }

    @Test
    void aBadOptionIsAUserErrorNamingTheValueAndNothingReachesTheRouter() throws Exception {
        SimulatorState before = routerNow();
        JsonNode r = install("operator-key", router, "tor", "usa", "exitCountry", "zz");
        assertRefused(r, List.of("input", "options", "exitCountry"), "zz", "exitCountry 'zz' is not an ISO 3166 country code");
        assertThat(before.diff(routerNow())).isEmpty();
    }

    @Test
    void aNameAlreadyInstalledIsAUserErrorNamingItAndTheRouterKeepsOnlyTheFirst() throws Exception {
        install("operator-key", router, "tor", "usa", "exitCountry", "us");
        SimulatorState before = routerNow();
        JsonNode r = install("operator-key", router, "tor", "usa", "exitCountry", "de");
        assertRefused(r, List.of("input", "name"), "usa", "is already installed");
        assertThat(changedBesidesPulls(before, routerNow())).isEmpty();
    }

    @Test
    void anExhaustedVlanPoolIsAUserErrorNamingThePool() throws Exception {
        rig.factorySettings = rig.factorySettings.withVlanPool(101, 101);
        install("operator-key", router, "tor", "usa", "exitCountry", "us");
        SimulatorState before = routerNow();
        JsonNode r = install("operator-key", router, "tor", "deu", "exitCountry", "de");
        assertRefused(r, List.of("routerId"), "101-101", "the VLAN pool 101-101 of router 'lab' is exhausted");
        assertThat(changedBesidesPulls(before, routerNow())).isEmpty();
    }

    @Test
    void aSubnetClashingWithARouterAddressIsAUserErrorNamingTheAddress() throws Exception {
        rig.factorySettings = rig.factorySettings.withVlanPool(101, 101);
        JsonNode address = rig.graphql("operator-key", """
                mutation($r: ID!) { createIpAddress(routerId: $r, input: {address: "10.99.101.1/24", interface: "ether2"}) {
                  resource { uuid } userErrors { message } } }""", "r", router);
        assertThat(address.at("/data/createIpAddress/userErrors").size()).as(address.toString()).isZero();
        SimulatorState before = routerNow();
        JsonNode r = install("operator-key", router, "tor", "usa", "exitCountry", "us");
        assertRefused(r, List.of("routerId"), "10.99.101", "overlaps");
        assertThat(r.at("/data/installService/userErrors/0/message").asString()).contains("10.99.101.0/24", "ether2");
        assertThat(before.diff(routerNow())).isEmpty();
    }

    @Test
    void aRouterWithoutTheContainerPackageIsAUserErrorNamingTheRouter() throws Exception {
        try (var bare = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").apiPort(0).packages("routeros")
                .build().start()) {
            String plain = rig.addRouter("plain", bare.apiPort());
            SimulatorState before = bare.snapshot();
            JsonNode r = install("operator-key", plain, "tor", "usa", "exitCountry", "us");
            assertRefused(r, List.of("routerId"), plain.substring(0, 8), "does not have the 'container' package installed");
            assertThat(before.diff(bare.snapshot())).isEmpty();
        }
    }

    @Test
    void anUnknownInstanceToUninstallIsAUserErrorNamingIt() throws Exception {
        JsonNode r = rig.graphql("operator-key", UNINSTALL, "id", "not-an-instance");
        assertRefused(r.at("/data/uninstallService"), List.of("id"), "not-an-instance", "no service instance has id 'not-an-instance'");
    }

    @Test
    void routingASubnetThroughTorIsOnePolicyThatTheInstanceListsAndRemovingItLeavesTheRouterAsBefore() throws Exception {
        String tor = install("operator-key", router, "tor", "usa", "exitCountry", "us").at("/data/installService/instance/id").asString();
        SimulatorState before = routerNow();

        JsonNode routed = rig.graphql("operator-key", """
                mutation($r: ID!, $i: ID!) { routeThroughService(input: {routerId: $r, instanceId: $i, match: {subnet: "192.168.77.0/24"}}) {
                  policy { id instanceId match { subnet mac } resourceIds resources { uuid kind } } userErrors { field message value } } }""",
                "r", router, "i", tor);
        JsonNode policy = routed.at("/data/routeThroughService/policy");
        assertThat(routed.at("/data/routeThroughService/userErrors").size()).as(routed.toString()).isZero();
        assertThat(policy.get("instanceId").asString()).isEqualTo(tor);
        assertThat(policy.at("/match/subnet").asString()).isEqualTo("192.168.77.0/24");
        assertThat(policy.at("/match/mac").isNull()).isTrue();
        assertThat(policy.get("resources").size()).isEqualTo(policy.get("resourceIds").size()).isPositive();
        JsonNode listed = rig.graphql("viewer-key", "query($r: ID!) { serviceInstances(routerId: $r) { id policies { id match { subnet } } } }",
                "r", router);
        assertThat(listed.at("/data/serviceInstances/0/policies/0/id").asString()).as(listed.toString()).isEqualTo(policy.get("id").asString());

        JsonNode removed = rig.graphql("operator-key", "mutation($id: ID!) { removeRoutingPolicy(id: $id) { policy { id } userErrors { message } } }",
                "id", policy.get("id").asString());
        assertThat(removed.at("/data/removeRoutingPolicy/policy/id").asString()).as(removed.toString()).isEqualTo(policy.get("id").asString());
        assertThat(changedBesidesPulls(before, routerNow())).isEmpty();
    }

    @Test
    void aPolicyForADeviceWithoutADhcpLeaseIsAUserErrorNamingTheMac() throws Exception {
        String tor = install("operator-key", router, "tor", "usa", "exitCountry", "us").at("/data/installService/instance/id").asString();
        JsonNode r = rig.graphql("operator-key", """
                mutation($r: ID!, $i: ID!) { routeThroughService(input: {routerId: $r, instanceId: $i, match: {mac: "02:00:00:00:00:0B"}}) {
                  policy { id } userErrors { field message value } } }""", "r", router, "i", tor);
        JsonNode error = r.at("/data/routeThroughService/userErrors/0");
        assertThat(error.get("field").toString()).as(r.toString()).isEqualTo("[\"input\",\"match\",\"mac\"]");
        assertThat(error.get("message").asString()).contains("no DHCP lease", "02:00:00:00:00:0B");
    }

    @Test
    void aPolicyMatchOfTwoFieldsIsAUserErrorNamingThem() throws Exception {
        JsonNode r = rig.graphql("operator-key", """
                mutation($r: ID!) { routeThroughService(input: {routerId: $r, instanceId: "x",
                    match: {subnet: "192.168.88.0/24", mac: "AA:BB:CC:DD:EE:FF"}}) { policy { id } userErrors { field message value } } }""",
                "r", router);
        JsonNode error = r.at("/data/routeThroughService/userErrors/0");
        assertThat(r.at("/data/routeThroughService/policy").isNull()).as(r.toString()).isTrue();
        assertThat(error.get("field").toString()).isEqualTo("[\"input\",\"match\"]");
        assertThat(error.get("message").asString()).contains("exactly one of interface, subnet, address, mac, domain", "subnet, mac");
    }

    @Test
    void aViewerCannotInstallAndTheRouterIsUntouched() throws Exception {
        SimulatorState before = routerNow();
        JsonNode r = install("viewer-key", router, "tor", "usa", "exitCountry", "us");
        assertThat(r.at("/errors/0/extensions/code").asString()).as(r.toString()).isEqualTo("FORBIDDEN");
        assertThat(r.at("/data/installService/instance").isMissingNode() || r.at("/data/installService/instance").isNull()).isTrue();
        assertThat(before.diff(routerNow())).isEmpty();
        assertThat(rig.serviceInstances.list(new RouterId(router))).isEmpty();
    }

    @Test
    void serviceInstanceChangedDeliversTheInstallAndEachStateChange() throws Exception {
        int before = rig.serviceFeed.subscriberCount();
        try (var client = WsClient.connect(rig.wsUrl(), "viewer-key")) {
            client.subscribe("s1", "subscription { serviceInstanceChanged(routerId: \"" + router + "\") { id interfaceName state progress } }");
            waitUntil(() -> rig.serviceFeed.subscriberCount() > before);

            String id = install("operator-key", router, "tor", "usa", "exitCountry", "us").at("/data/installService/instance/id").asString();
            JsonNode installed = client.next();
            assertThat(installed.at("/payload/data/serviceInstanceChanged/id").asString()).as(installed.toString()).isEqualTo(id);
            assertThat(installed.at("/payload/data/serviceInstanceChanged/interfaceName").asString()).isEqualTo("nnc-tor-usa");
            assertThat(installed.at("/payload/data/serviceInstanceChanged/state").asString()).isEqualTo("PULLING");

            // the lifecycle's passes (the server runs them on a schedule) follow the router's pull to RUNNING
            var states = new ArrayList<String>();
            RouterId routerId = new RouterId(router);
            waitUntil(() -> {
                rig.lifecycle.check(routerId);
                JsonNode m;
                while ((m = client.messages.poll()) != null) states.add(m.at("/payload/data/serviceInstanceChanged/state").asString());
                return states.contains("RUNNING");
            });
            assertThat(states).last().isEqualTo("RUNNING");
            assertThat(states).doesNotContain("FAILED");
        }
        waitUntil(() -> rig.serviceFeed.subscriberCount() == before);
    }

    @Test
    void theWireguardPrivateKeyNeverComesBackInAnyResponse() throws Exception {
        var seen = new StringBuilder();
        try (var client = WsClient.connect(rig.wsUrl(), "viewer-key")) {
            int before = rig.serviceFeed.subscriberCount();
            client.subscribe("s1", "subscription { serviceInstanceChanged(routerId: \"" + router + "\") { id options { key value } resources { uuid } } }");
            waitUntil(() -> rig.serviceFeed.subscriberCount() > before);

            JsonNode r = install("operator-key", router, "wireguard", "home", "config", WG_CONF);
            seen.append(r);
            assertThat(r.at("/data/installService/instance/interfaceName").asString()).as(r.toString()).isEqualTo("nnc-wg-home");
            seen.append(client.next());
            seen.append(rig.graphql("admin-key", "query($r: ID!) { serviceInstances(routerId: $r) { options { key value } "
                    + "resources { uuid ... on WireguardInterface { configuration { name privateKey } } } } }", "r", router));
            JsonNode bad = install("operator-key", router, "wireguard", "work", "config", WG_CONF.replace("[Peer]", "[Pear]"));
            assertThat(bad.at("/data/installService/userErrors/0/field").toString()).as(bad.toString())
                    .isEqualTo("[\"input\",\"options\",\"config\"]");
            seen.append(bad);
        }
        assertThat(seen.toString()).contains("nnc-wg-home").doesNotContain(PRIVATE_KEY);
    }

    private static void assertRefused(JsonNode response, List<String> field, String value, String message) {
        JsonNode payload = response.has("data") ? response.at("/data/installService") : response;
        assertThat(payload.get("instance").isNull()).as(response.toString()).isTrue();
        JsonNode error = payload.at("/userErrors/0");
        assertThat(error.isMissingNode()).as(response.toString()).isFalse();
        assertThat(error.get("field").toString()).as(response.toString()).isEqualTo(field.stream().map(f -> "\"" + f + "\"").collect(java.util.stream.Collectors.joining(",", "[", "]")));
        assertThat(error.get("value").asString()).contains(value);
        assertThat(error.get("message").asString()).contains(message);
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode n : array) if (value.equals(n.path(field).asString())) return n;
        throw new AssertionError("no element with " + field + "=" + value + " in " + array);
    }
}

package com.nasnetconnect.server.graphql.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.schema.types.VlanInput;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The GraphQL API over HTTP on the real domain: SQLite, apply-confirm-merge, the gateway and the simulator. */
@Timeout(60)
class DomainGraphQlBackendTest {
    static final String CREATE_VLAN = """
            mutation($router: ID!, $name: String!, $id: Int!, $iface: String!) {
              createVlan(routerId: $router, input: {name: $name, vlanId: $id, interface: $iface}) {
                resource { uuid kind deployment { nativeId appliedBy } metadata { version } ... on Vlan { configuration { name vlanId interface } } }
                userErrors { field message value } } }""";

    @TempDir Path dir;
    BackendRig rig;

    @BeforeEach
    void start() {
        rig = new BackendRig(dir);
    }

    @AfterEach
    void stop() {
        rig.close();
    }

    private JsonNode createVlan(String router, String name, int vlanId, String iface) throws Exception {
        return rig.graphql("operator-key", CREATE_VLAN, "router", router, "name", name, "id", vlanId, "iface", iface)
                .at("/data/createVlan");
    }

    @Test
    void addRouterLogsInBeforeSavingAndTheRouterIsListed() throws Exception {
        String id = rig.addSimRouter();

        JsonNode routers = rig.graphql("viewer-key", "{ routers { id name host port username demo } }");
        assertThat(routers.at("/data/routers")).hasSize(1);
        assertThat(routers.at("/data/routers/0/id").asString()).isEqualTo(id);
        assertThat(routers.at("/data/routers/0/port").asInt()).isEqualTo(rig.sim.apiPort());
        assertThat(rig.routers.findAll()).singleElement().satisfies(r -> assertThat(r.id().value()).isEqualTo(id));
    }

    @Test
    void addRouterWithAWrongPasswordIsRefusedAndNothingIsSaved() throws Exception {
        JsonNode r = rig.graphql("operator-key", """
                mutation($port: Int) { addRouter(input: {name: "lab", host: "127.0.0.1", port: $port, username: "admin", password: "wrong"}) {
                  router { id } userErrors { field message value } } }""", "port", rig.sim.apiPort());

        JsonNode errors = r.at("/data/addRouter/userErrors");
        assertThat(r.at("/data/addRouter/router").isNull()).isTrue();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).get("field").toString()).isEqualTo("[\"input\",\"username\"]");
        assertThat(errors.get(0).get("message").asString()).contains("login to 127.0.0.1:" + rig.sim.apiPort() + " failed");
        assertThat(r.toString()).doesNotContain("wrong");
        assertThat(rig.routers.findAll()).isEmpty();
    }

    @Test
    void createVlanPutsItOnTheRouterAndStoresTheRoutersId() throws Exception {
        String router = rig.addSimRouter();

        JsonNode created = createVlan(router, "v10", 10, "ether1");

        assertThat(created.get("userErrors")).isEmpty();
        String uuid = created.at("/resource/uuid").asString();
        String simId = rig.simId("/interface/vlan", "name", "v10");
        assertThat(simId).as("VLAN v10 on the simulator").isNotNull();
        assertThat(rig.sim.snapshot().items("/interface/vlan").get(simId)).containsEntry("vlan-id", "10")
                .containsEntry("interface", "ether1");

        JsonNode read = rig.graphql("viewer-key", """
                query($u: ID!) { resource(uuid: $u) { uuid kind routerId validation { canApply }
                  deployment { nativeId appliedBy } ... on Vlan { configuration { name vlanId interface } } } }""", "u", uuid);
        JsonNode resource = read.at("/data/resource");
        assertThat(resource.at("/deployment/nativeId").asString()).isEqualTo(simId);
        assertThat(resource.at("/deployment/appliedBy").asString()).isEqualTo("operator");
        assertThat(resource.at("/configuration/vlanId").asInt()).isEqualTo(10);
        assertThat(resource.at("/kind").asString()).isEqualTo("VLAN");
        assertThat(resource.at("/routerId").asString()).isEqualTo(router);
        assertThat(resource.at("/validation/canApply").asBoolean()).isTrue();
    }

    @Test
    void anOutOfRangeValueIsRefusedNamingFieldAndValueAndNothingReachesTheRouter() throws Exception {
        String router = rig.addSimRouter();
        var before = rig.sim.snapshot();

        JsonNode r = rig.graphql("operator-key", CREATE_VLAN, "router", router, "name", "v10", "id", 5000, "iface", "ether1");

        assertThat(r.at("/errors")).isNotEmpty();
        assertThat(r.at("/errors").toString()).contains("vlanId").contains("5000");
        assertThat(before.diff(rig.sim.snapshot())).isEmpty();
        assertThat(rig.store.list(new com.nasnetconnect.domain.router.RouterId(router), java.util.Optional.empty(),
                com.nasnetconnect.domain.state.PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aReferenceToAMissingInterfaceComesBackAsAUserErrorAndNothingReachesTheRouter() throws Exception {
        String router = rig.addSimRouter();
        var before = rig.sim.snapshot();

        JsonNode created = createVlan(router, "v10", 10, "nosuch9");

        assertThat(created.get("resource").isNull()).isTrue();
        assertThat(created.get("userErrors")).isNotEmpty();
        JsonNode error = created.get("userErrors").get(0);
        assertThat(error.get("field").toString()).isEqualTo("[\"input\",\"interface\"]");
        assertThat(error.get("value").asString()).isEqualTo("nosuch9");
        assertThat(error.get("message").asString()).contains("interface='nosuch9'");
        assertThat(before.diff(rig.sim.snapshot())).isEmpty();
    }

    @Test
    void updateVlanChangesTheSameRouterObject() throws Exception {
        String router = rig.addSimRouter();
        String uuid = createVlan(router, "v10", 10, "ether1").at("/resource/uuid").asString();
        String simId = rig.simId("/interface/vlan", "name", "v10");

        JsonNode updated = rig.graphql("operator-key", """
                mutation($u: ID!) { updateVlan(uuid: $u, input: {name: "v10", vlanId: 20, interface: "ether1", comment: "moved"}) {
                  resource { metadata { version } deployment { nativeId } ... on Vlan { configuration { vlanId comment } } }
                  userErrors { field message value } } }""", "u", uuid).at("/data/updateVlan");

        assertThat(updated.get("userErrors")).isEmpty();
        assertThat(updated.at("/resource/configuration/vlanId").asInt()).isEqualTo(20);
        assertThat(updated.at("/resource/configuration/comment").asString()).isEqualTo("moved");
        assertThat(updated.at("/resource/deployment/nativeId").asString()).isEqualTo(simId);
        assertThat(updated.at("/resource/metadata/version").asInt()).isEqualTo(2);
        assertThat(rig.sim.snapshot().items("/interface/vlan").get(simId)).containsEntry("vlan-id", "20")
                .containsEntry("comment", "moved");
    }

    @Test
    void deletingAResourceWithDependentsIsRefusedUnlessCascadeIsAsked() throws Exception {
        String router = rig.addSimRouter();
        String vlan = createVlan(router, "v10", 10, "ether1").at("/resource/uuid").asString();
        JsonNode ip = rig.graphql("operator-key", """
                mutation($r: ID!) { createIpAddress(routerId: $r, input: {address: "10.0.10.1/24", interface: "v10"}) {
                  resource { uuid relationships { dependsOn } } userErrors { field message value } } }""", "r", router)
                .at("/data/createIpAddress");
        assertThat(ip.get("userErrors")).isEmpty();
        String address = ip.at("/resource/uuid").asString();
        assertThat(ip.at("/resource/relationships/dependsOn").toString()).contains(vlan);

        JsonNode impact = rig.graphql("viewer-key", "query($u: ID!) { impact(uuid: $u) { requiresCascade affected { uuid } } }",
                "u", vlan).at("/data/impact");
        assertThat(impact.get("requiresCascade").asBoolean()).isTrue();
        assertThat(impact.at("/affected/0/uuid").asString()).isEqualTo(address);

        String delete = "mutation($u: ID!, $c: Boolean) { deleteResource(uuid: $u, cascade: $c) { deletedUuids userErrors { field message value } } }";
        JsonNode refused = rig.graphql("operator-key", delete, "u", vlan, "c", false).at("/data/deleteResource");
        assertThat(refused.get("deletedUuids")).isEmpty();
        assertThat(refused.at("/userErrors/0/message").asString()).contains("1 resources depend on it").contains(address);
        assertThat(rig.simId("/interface/vlan", "name", "v10")).isNotNull();
        assertThat(rig.simId("/ip/address", "address", "10.0.10.1/24")).isNotNull();

        JsonNode cascaded = rig.graphql("operator-key", delete, "u", vlan, "c", true).at("/data/deleteResource");
        assertThat(cascaded.get("userErrors")).isEmpty();
        var deleted = new ArrayList<String>();
        cascaded.get("deletedUuids").forEach(n -> deleted.add(n.asString()));
        assertThat(deleted).containsExactlyInAnyOrder(vlan, address);
        assertThat(rig.simId("/interface/vlan", "name", "v10")).isNull();
        assertThat(rig.simId("/ip/address", "address", "10.0.10.1/24")).isNull();
        assertThat(rig.graphql("viewer-key", "query($u: ID!) { resource(uuid: $u) { uuid } }", "u", vlan)
                .at("/data/resource").isNull()).isTrue();
    }

    @Test
    void resourceAtShowsTheResourceAsItWasAtAnInstant() throws Exception {
        String router = rig.addSimRouter();
        Instant beforeCreate = rig.clock.instant();
        rig.clock.advance(Duration.ofSeconds(1));
        String uuid = createVlan(router, "v10", 10, "ether1").at("/resource/uuid").asString();
        Instant afterCreate = rig.clock.advance(Duration.ofSeconds(1));
        rig.clock.advance(Duration.ofSeconds(1));
        rig.graphql("operator-key", """
                mutation($u: ID!) { updateVlan(uuid: $u, input: {name: "v10", vlanId: 20, interface: "ether1"}) { userErrors { message } } }""",
                "u", uuid);
        Instant afterUpdate = rig.clock.advance(Duration.ofSeconds(1));
        rig.clock.advance(Duration.ofSeconds(1));
        rig.graphql("operator-key", "mutation($u: ID!) { deleteResource(uuid: $u) { userErrors { message } } }", "u", uuid);
        Instant afterDelete = rig.clock.advance(Duration.ofSeconds(1));

        String at = "query($u: ID!, $at: DateTime!) { resourceAt(uuid: $u, at: $at) { metadata { version } ... on Vlan { configuration { vlanId } } } }";
        assertThat(rig.graphql("viewer-key", at, "u", uuid, "at", beforeCreate.toString()).at("/data/resourceAt").isNull()).isTrue();
        assertThat(rig.graphql("viewer-key", at, "u", uuid, "at", afterCreate.toString()).at("/data/resourceAt/configuration/vlanId").asInt())
                .isEqualTo(10);
        assertThat(rig.graphql("viewer-key", at, "u", uuid, "at", afterUpdate.toString()).at("/data/resourceAt/configuration/vlanId").asInt())
                .isEqualTo(20);
        assertThat(rig.graphql("viewer-key", at, "u", uuid, "at", afterDelete.toString()).at("/data/resourceAt").isNull()).isTrue();
    }

    @Test
    void eventsArePagedNewestFirst() throws Exception {
        String router = rig.addSimRouter();
        List<String> uuids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) uuids.add(createVlan(router, "v" + i, i, "ether1").at("/resource/uuid").asString());

        String q = "query($r: ID!, $after: String) { events(routerId: $r, first: 2, after: $after) { edges { cursor node { resourceUuid type kind actor } } pageInfo { hasNextPage endCursor } } }";
        JsonNode first = rig.graphql("viewer-key", q, "r", router, "after", null).at("/data/events");
        assertThat(first.get("edges")).hasSize(2);
        assertThat(first.at("/edges/0/node/resourceUuid").asString()).isEqualTo(uuids.get(2));
        assertThat(first.at("/edges/1/node/resourceUuid").asString()).isEqualTo(uuids.get(1));
        assertThat(first.at("/edges/0/node/type").asString()).isEqualTo("CREATED");
        assertThat(first.at("/edges/0/node/actor").asString()).isEqualTo("operator");
        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();

        JsonNode second = rig.graphql("viewer-key", q, "r", router, "after", first.at("/pageInfo/endCursor").asString()).at("/data/events");
        assertThat(second.get("edges")).hasSize(1);
        assertThat(second.at("/edges/0/node/resourceUuid").asString()).isEqualTo(uuids.get(0));
        assertThat(second.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void resourcesArePagedWithACursorOnEveryEdge() throws Exception {
        String router = rig.addSimRouter();
        for (int i = 1; i <= 3; i++) createVlan(router, "v" + i, i, "ether1");

        String q = "query($r: ID!, $after: String) { resources(routerId: $r, kind: VLAN, first: 2, after: $after) { totalCount edges { cursor node { ... on Vlan { configuration { name } } } } pageInfo { hasNextPage endCursor } } }";
        JsonNode first = rig.graphql("viewer-key", q, "r", router, "after", null).at("/data/resources");
        assertThat(first.get("totalCount").asInt()).isEqualTo(3);
        assertThat(first.at("/edges/0/node/configuration/name").asString()).isEqualTo("v1");
        assertThat(first.at("/pageInfo/hasNextPage").asBoolean()).isTrue();

        JsonNode fromFirstEdge = rig.graphql("viewer-key", q, "r", router, "after", first.at("/edges/0/cursor").asString()).at("/data/resources");
        assertThat(fromFirstEdge.at("/edges/0/node/configuration/name").asString()).isEqualTo("v2");
        assertThat(fromFirstEdge.at("/edges/1/node/configuration/name").asString()).isEqualTo("v3");

        JsonNode last = rig.graphql("viewer-key", q, "r", router, "after", first.at("/pageInfo/endCursor").asString()).at("/data/resources");
        assertThat(last.get("edges")).hasSize(1);
        assertThat(last.at("/edges/0/node/configuration/name").asString()).isEqualTo("v3");
        assertThat(last.at("/pageInfo/hasNextPage").asBoolean()).isFalse();
    }

    @Test
    void applyPlanAppliesSeveralChangesInDependencyOrder() throws Exception {
        String router = rig.addSimRouter();

        JsonNode r = rig.graphql("operator-key", """
                mutation($r: ID!) { applyPlan(routerId: $r, changes: [
                  {op: CREATE, kind: IP_ADDRESS, ipAddress: {address: "10.0.30.1/24", interface: "v30"}},
                  {op: CREATE, kind: VLAN, vlan: {name: "v30", vlanId: 30, interface: "br1"}},
                  {op: CREATE, kind: BRIDGE, bridge: {name: "br1"}}
                ]) { resources { uuid kind deployment { nativeId } } userErrors { field message value } } }""", "r", router)
                .at("/data/applyPlan");

        assertThat(r.get("userErrors")).as(r.toString()).isEmpty();
        assertThat(r.get("resources")).hasSize(3);
        assertThat(r.at("/resources/0/kind").asString()).isEqualTo("IP_ADDRESS");
        assertThat(r.at("/resources/0/deployment/nativeId").asString()).isEqualTo(rig.simId("/ip/address", "address", "10.0.30.1/24"));
        assertThat(rig.simId("/interface/bridge", "name", "br1")).isNotNull();
        assertThat(rig.simId("/interface/vlan", "name", "v30")).isNotNull();
    }

    @Test
    void aPlanWithOneBadChangeAppliesNothingAndNamesTheChange() throws Exception {
        String router = rig.addSimRouter();
        var before = rig.sim.snapshot();

        JsonNode r = rig.graphql("operator-key", """
                mutation($r: ID!) { applyPlan(routerId: $r, changes: [
                  {op: CREATE, kind: BRIDGE, bridge: {name: "br1"}},
                  {op: CREATE, kind: VLAN, vlan: {name: "v30", vlanId: 30, interface: "nosuch9"}}
                ]) { resources { uuid } userErrors { field message value } } }""", "r", router).at("/data/applyPlan");

        assertThat(r.get("resources")).isEmpty();
        assertThat(r.at("/userErrors/0/field").toString()).isEqualTo("[\"changes\",\"1\",\"vlan\",\"interface\"]");
        assertThat(r.at("/userErrors/0/value").asString()).isEqualTo("nosuch9");
        assertThat(before.diff(rig.sim.snapshot())).isEmpty();
    }

    @Test
    void aPlanChangeWithTheWrongTypedInputIsRefusedBeforeTheRouter() throws Exception {
        String router = rig.addSimRouter();
        var before = rig.sim.snapshot();

        JsonNode r = rig.graphql("operator-key", """
                mutation($r: ID!) { applyPlan(routerId: $r, changes: [{op: CREATE, kind: VLAN, bridge: {name: "br1"}}]) {
                  resources { uuid } userErrors { field message value } } }""", "r", router).at("/data/applyPlan");

        assertThat(r.at("/userErrors/0/field").toString()).isEqualTo("[\"changes\",\"0\",\"vlan\"]");
        assertThat(r.at("/userErrors/0/message").asString()).contains("needs exactly the 'vlan' input").contains("bridge");
        assertThat(before.diff(rig.sim.snapshot())).isEmpty();
    }

    @Test
    void aViewerCannotMutateButCanRead() throws Exception {
        String router = rig.addSimRouter();
        var before = rig.sim.snapshot();

        JsonNode r = rig.graphql("viewer-key", CREATE_VLAN, "router", router, "name", "v10", "id", 10, "iface", "ether1");

        assertThat(r.at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        assertThat(before.diff(rig.sim.snapshot())).isEmpty();
        assertThat(rig.graphql("viewer-key", "{ routers { id } }").at("/data/routers")).hasSize(1);
    }

    @Test
    void theBackendItselfRefusesAViewer() throws Exception {
        String router = rig.addSimRouter();
        var viewer = new Principal("someone", Role.VIEWER, false);

        assertThatThrownBy(() -> rig.backend.create(viewer, router, ResourceKind.VLAN, new VlanInput("v10", 10, "ether1", null, null, null)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("someone");
        assertThat(rig.simId("/interface/vlan", "name", "v10")).isNull();
    }

    @Test
    void adoptRouterImportsTheObjectsAlreadyOnTheRouter() throws Exception {
        var endpoint = new com.nasnetconnect.domain.router.RouterEndpoint("127.0.0.1", rig.sim.apiPort(), false, "admin",
                com.nasnetconnect.domain.common.Secret.of("pw"));
        rig.gateway.execute(endpoint, com.nasnetconnect.domain.router.RouterCommand.of("/interface/vlan/add")
                .with("name", "legacy").with("vlan-id", "99").with("interface", "ether1"));
        String simId = rig.simId("/interface/vlan", "name", "legacy");

        JsonNode r = rig.graphql("operator-key", """
                mutation($port: Int) { adoptRouter(input: {name: "old", host: "127.0.0.1", port: $port, username: "admin", password: "pw"}) {
                  router { id } adopted { uuid kind deployment { nativeId } ... on Vlan { configuration { name vlanId } } }
                  userErrors { field message value } } }""", "port", rig.sim.apiPort()).at("/data/adoptRouter");

        assertThat(r.get("userErrors")).as(r.toString()).isEmpty();
        assertThat(r.at("/router/id").asString()).isNotEmpty();
        List<JsonNode> vlans = new ArrayList<>();
        r.get("adopted").forEach(n -> { if (n.get("kind").asString().equals("VLAN")) vlans.add(n); });
        assertThat(vlans).singleElement().satisfies(v -> {
            assertThat(v.at("/deployment/nativeId").asString()).isEqualTo(simId);
            assertThat(v.at("/configuration/vlanId").asInt()).isEqualTo(99);
        });
    }

    @Test
    void fieldsTheSchemaMapsReachTheRouterAndReadBackTyped() throws Exception {
        String router = rig.addSimRouter();

        JsonNode r = rig.graphql("operator-key", """
                mutation($r: ID!) { createDhcpNetwork(routerId: $r, input: {address: "10.0.40.0/24", gateway: "10.0.40.1", dnsServers: ["1.1.1.1", "8.8.8.8"]}) {
                  resource { uuid deployment { nativeId } ... on DhcpNetwork { configuration { address dnsServers } } }
                  userErrors { field message value } } }""", "r", router).at("/data/createDhcpNetwork");

        assertThat(r.get("userErrors")).as(r.toString()).isEmpty();
        String simId = rig.simId("/ip/dhcp-server/network", "address", "10.0.40.0/24");
        assertThat(rig.sim.snapshot().items("/ip/dhcp-server/network").get(simId)).containsEntry("dns-server", "1.1.1.1,8.8.8.8");
        assertThat(r.at("/resource/deployment/nativeId").asString()).isEqualTo(simId);
        assertThat(r.at("/resource/configuration/dnsServers").toString()).isEqualTo("[\"1.1.1.1\",\"8.8.8.8\"]");
    }

    @Test
    void aWireguardPrivateKeyIsMaskedInResponsesAndRevealedOnlyToAnAdminWithAnAuditRecord() throws Exception {
        String router = rig.addSimRouter();
        String key = "YNXtAzepDqRv9H52osJVDQnznT5AM11eCK3ESpwSt04=";
        JsonNode created = rig.graphql("operator-key", """
                mutation($r: ID!, $k: String) { createWireguardInterface(routerId: $r, input: {name: "wg0", listenPort: 51820, privateKey: $k}) {
                  resource { uuid deployment { generatedFields } ... on WireguardInterface { configuration { privateKey } } }
                  userErrors { field message value } } }""", "r", router, "k", key).at("/data/createWireguardInterface");
        assertThat(created.get("userErrors")).as(created.toString()).isEmpty();
        assertThat(created.toString()).doesNotContain(key);
        assertThat(created.at("/resource/deployment/generatedFields/publicKey").asString()).hasSize(44);
        String uuid = created.at("/resource/uuid").asString();

        String reveal = "mutation($u: ID!) { revealSecret(uuid: $u, field: \"privateKey\", reason: \"rotate the peer\") { value userErrors { message } } }";
        assertThat(rig.graphql("operator-key", reveal, "u", uuid).toString()).doesNotContain(key);
        assertThat(rig.graphql("admin-key", reveal, "u", uuid).at("/data/revealSecret/value").asString()).isEqualTo(key);
        assertThat(rig.audit).containsExactly("admin " + uuid + " WireguardInterfaceConfig.privateKey");
        JsonNode events = rig.graphql("viewer-key", "query($r: ID!) { events(routerId: $r) { edges { node { type changes } } } }", "r", router);
        assertThat(events.at("/data/events/edges/0/node/changes/privateKey").isMissingNode()).as(events.toString()).isFalse();
        assertThat(events.toString()).doesNotContain(key);
    }

    @Test
    void aMutationOnAnUnknownRouterNamesTheRouterId() throws Exception {
        JsonNode r = createVlan("no-such-router", "v10", 10, "ether1");

        assertThat(r.get("resource").isNull()).isTrue();
        assertThat(r.at("/userErrors/0/field").toString()).isEqualTo("[\"routerId\"]");
        assertThat(r.at("/userErrors/0/value").asString()).isEqualTo("no-such-router");
    }

    @Test
    void removeRouterTakesItOffTheListAndKeepsItsRouterUntouched() throws Exception {
        String router = rig.addSimRouter();
        createVlan(router, "v10", 10, "ether1");

        JsonNode removed = rig.graphql("operator-key", "mutation($id: ID!) { removeRouter(id: $id) { router { id } userErrors { message } } }",
                "id", router).at("/data/removeRouter");

        assertThat(removed.at("/router/id").asString()).isEqualTo(router);
        assertThat(rig.graphql("viewer-key", "{ routers { id } }").at("/data/routers")).isEmpty();
        assertThat(rig.simId("/interface/vlan", "name", "v10")).isNotNull();
    }

    @Test
    void whenTheRouterRefusesTheThirdCommandThePlanIsUndoneAndTheErrorNamesCommandAndMessage() throws Exception {
        String router = rig.addSimRouter();
        var before = rig.sim.snapshot();
        rig.sim.faults().rejectPath("/ip/address/add", "failure: injected refusal");

        JsonNode r = rig.graphql("operator-key", """
                mutation($r: ID!) { applyPlan(routerId: $r, changes: [
                  {op: CREATE, kind: IP_ADDRESS, ipAddress: {address: "10.0.30.1/24", interface: "v30"}},
                  {op: CREATE, kind: VLAN, vlan: {name: "v30", vlanId: 30, interface: "br1"}},
                  {op: CREATE, kind: BRIDGE, bridge: {name: "br1"}}
                ]) { resources { uuid } userErrors { field message value } } }""", "r", router).at("/data/applyPlan");

        assertThat(r.get("resources")).isEmpty();
        assertThat(r.at("/userErrors/0/message").asString()).contains("command 3 of 3").contains("/ip/address/add")
                .contains("failure: injected refusal").contains("undone");
        rig.sim.faults().clear();
        assertThat(before.diff(rig.sim.snapshot())).isEmpty();
        JsonNode data = rig.graphql("viewer-key", "query($r: ID!) { resources(routerId: $r) { totalCount } events(routerId: $r) { edges { cursor } } }",
                "r", router).at("/data");
        assertThat(data.at("/resources/totalCount").asInt()).isZero();
        assertThat(data.at("/events/edges")).isEmpty();
    }

    @Test
    void eventsCanBeLimitedToATimeWindow() throws Exception {
        String router = rig.addSimRouter();
        createVlan(router, "v1", 1, "ether1");
        Instant middle = rig.clock.advance(Duration.ofSeconds(1));
        rig.clock.advance(Duration.ofSeconds(1));
        String second = createVlan(router, "v2", 2, "ether1").at("/resource/uuid").asString();

        String q = "query($r: ID!, $s: DateTime, $u: DateTime) { events(routerId: $r, since: $s, until: $u) { edges { node { resourceUuid } } } }";
        JsonNode since = rig.graphql("viewer-key", q, "r", router, "s", middle.toString(), "u", null).at("/data/events/edges");
        assertThat(since).hasSize(1);
        assertThat(since.at("/0/node/resourceUuid").asString()).isEqualTo(second);
        JsonNode until = rig.graphql("viewer-key", q, "r", router, "s", null, "u", middle.toString()).at("/data/events/edges");
        assertThat(until).hasSize(1);
        assertThat(until.at("/0/node/resourceUuid").asString()).isNotEqualTo(second);
    }

    static final String CHECK_DRIFT = """
            mutation($router: ID!) { checkDrift(routerId: $router) {
              checkedAt checked drifted { uuid deployment { driftedFields } } userErrors { field message value } } }""";

    @Test
    void checkDriftReportsNothingDriftedForAnUntouchedRouter() throws Exception {
        String router = rig.addSimRouter();
        createVlan(router, "v10", 10, "ether1");

        JsonNode r = rig.graphql("operator-key", CHECK_DRIFT, "router", router).at("/data/checkDrift");

        assertThat(r.get("userErrors")).isEmpty();
        assertThat(r.get("checked").asInt()).isEqualTo(1);
        assertThat(r.get("drifted")).isEmpty();
        assertThat(r.get("checkedAt").isNull()).isFalse();
    }

    @Test
    void checkDriftFindsAVlanChangedOnTheRouterAndRecordsIt() throws Exception {
        String router = rig.addSimRouter();
        String uuid = createVlan(router, "v10", 10, "ether1").at("/resource/uuid").asString();
        var endpoint = new com.nasnetconnect.domain.router.RouterEndpoint("127.0.0.1", rig.sim.apiPort(), false, "admin",
                com.nasnetconnect.domain.common.Secret.of("pw"));
        rig.gateway.execute(endpoint, com.nasnetconnect.domain.router.RouterCommand.of("/interface/vlan/set")
                .with(".id", rig.simId("/interface/vlan", "name", "v10")).with("vlan-id", "11"));

        JsonNode r = rig.graphql("operator-key", CHECK_DRIFT, "router", router).at("/data/checkDrift");

        assertThat(r.get("userErrors")).isEmpty();
        assertThat(r.at("/drifted/0/uuid").asString()).isEqualTo(uuid);
        assertThat(r.at("/drifted/0/deployment/driftedFields").toString()).isEqualTo("[\"vlanId\"]");
        JsonNode read = rig.graphql("viewer-key", "query($u: ID!) { resource(uuid: $u) { deployment { driftedFields } } }", "u", uuid);
        assertThat(read.at("/data/resource/deployment/driftedFields").toString()).isEqualTo("[\"vlanId\"]");
    }

    @Test
    void aViewerMayNotCheckDrift() throws Exception {
        String router = rig.addSimRouter();

        JsonNode r = rig.graphql("viewer-key", CHECK_DRIFT, "router", router);

        assertThat(r.at("/errors/0/extensions/code").asString()).isEqualTo("FORBIDDEN");
        assertThatThrownBy(() -> rig.backend.checkDrift(new Principal("someone", Role.VIEWER, false), router))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void checkDriftOnAnUnknownRouterNamesIt() throws Exception {
        JsonNode r = rig.graphql("operator-key", CHECK_DRIFT, "router", "nope").at("/data/checkDrift");

        assertThat(r.at("/userErrors/0/field").toString()).isEqualTo("[\"routerId\"]");
        assertThat(r.at("/userErrors/0/message").asString()).isEqualTo("no router nope");

        String pasted = "r".repeat(80);
        JsonNode long_ = rig.graphql("operator-key", CHECK_DRIFT, "router", pasted).at("/data/checkDrift/userErrors/0");
        assertThat(long_.get("message").asString()).isEqualTo("no router " + "r".repeat(32) + "…");
        assertThat(long_.get("value").asString()).isEqualTo("r".repeat(32) + "…");
    }

    @Test
    void aDuplicateNameNamesTheOtherVlanByNameAndTheUnknownInterfaceByRouterName() throws Exception {
        String router = rig.addSimRouter();
        String first = createVlan(router, "v10", 10, "ether1").at("/resource/uuid").asString();

        JsonNode duplicate = createVlan(router, "v10", 11, "ether1").get("userErrors");
        JsonNode unknown = createVlan(router, "v12", 12, "ether9").get("userErrors");

        assertThat(duplicate.toString()).contains("is already used by VLAN 'v10'").doesNotContain(first);
        assertThat(unknown.get(0).get("message").asString()).isEqualTo("interface='ether9': interface 'ether9' does not exist on router 'lab'");
    }

    @Test
    void aLongInputIsEchoedShortenedInTheErrorAndItsValue() throws Exception {
        String router = rig.addSimRouter();
        String pasted = "n".repeat(80);

        JsonNode r = rig.graphql("operator-key", CREATE_VLAN, "router", router, "name", pasted, "id", 10, "iface", "ether1");

        assertThat(r.toString()).doesNotContain(pasted).contains("n".repeat(32) + "…");
        assertThat(r.at("/data/createVlan/userErrors/0/value").asString()).isEqualTo("n".repeat(32) + "…");
    }
}

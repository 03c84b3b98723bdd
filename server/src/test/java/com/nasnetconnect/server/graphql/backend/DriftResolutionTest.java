package com.nasnetconnect.server.graphql.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.ResourceId;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Drift resolution (the DriftResolution in-port and its mutations {@code acceptRouterValues} and
 * {@code reapplyResource}) on real parts, on both RouterOS versions: a VLAN is changed on the simulator behind the
 * manager's back, a drift check finds it, and each way of settling it leaves router and state equal and no drift.
 */
@Timeout(60)
class DriftResolutionTest {
    static final String CHECK_DRIFT = """
            mutation($r: ID!) { checkDrift(routerId: $r) { drifted { uuid deployment { driftedFields } } userErrors { message } } }""";
    static final String RESOLVED = """
            resource { uuid metadata { updatedBy } deployment { driftedFields } ... on Vlan { configuration { name vlanId comment } } }
            userErrors { field message value }""";

    @TempDir Path dir;
    BackendRig rig;

    @AfterEach
    void stop() {
        if (rig != null) rig.close();
    }

    /** A VLAN v10 (id 10 on ether1) on the router, then its vlan-id set to 11 and a comment added on the router itself. */
    private String driftedVlan(String version) throws Exception {
        rig = new BackendRig(dir, version);
        String router = rig.addSimRouter();
        JsonNode created = rig.graphql("operator-key", DomainGraphQlBackendTest.CREATE_VLAN, "router", router, "name", "v10",
                "id", 10, "iface", "ether1").at("/data/createVlan");
        assertThat(created.get("userErrors")).isEmpty();
        rig.clock.advance(Duration.ofSeconds(1));
        rig.gateway.execute(new RouterEndpoint("127.0.0.1", rig.sim.apiPort(), false, "admin", Secret.of("pw")),
                RouterCommand.of("/interface/vlan/set").with(".id", rig.simId("/interface/vlan", "name", "v10"))
                        .with("vlan-id", "11").with("comment", "by hand"));
        JsonNode check = rig.graphql("operator-key", CHECK_DRIFT, "r", router).at("/data/checkDrift");
        assertThat(check.at("/drifted/0/deployment/driftedFields").toString()).contains("vlanId").contains("comment");
        rig.clock.advance(Duration.ofSeconds(1));
        return created.at("/resource/uuid").asString();
    }

    private String router() {
        return rig.routers.findAll().getFirst().id().value();
    }

    private java.util.Map<String, String> simVlan() {
        return rig.sim.snapshot().items("/interface/vlan").get(rig.simId("/interface/vlan", "name", "v10"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void acceptingTheRoutersValuesStoresThemSendsNothingAndLeavesNoDrift(String version) throws Exception {
        String uuid = driftedVlan(version);
        var before = rig.sim.snapshot();

        JsonNode r = rig.graphql("operator-key", "mutation($u: ID!) { acceptRouterValues(uuid: $u) { " + RESOLVED + " } }", "u", uuid)
                .at("/data/acceptRouterValues");

        assertThat(r.get("userErrors")).isEmpty();
        assertThat(r.at("/resource/configuration/vlanId").asInt()).isEqualTo(11);
        assertThat(r.at("/resource/configuration/comment").asString()).isEqualTo("by hand");
        assertThat(r.at("/resource/configuration/name").asString()).isEqualTo("v10");
        assertThat(r.at("/resource/deployment/driftedFields")).isEmpty();
        assertThat(r.at("/resource/metadata/updatedBy").asString()).isEqualTo("operator");
        assertThat(before.diff(rig.sim.snapshot())).as("nothing reached the router").isEmpty();
        var last = rig.queries.history(BackendRig.KEYS.get("viewer-key"), ResourceId.parse(uuid)).getLast();
        assertThat(last.actor()).isEqualTo("operator");
        assertThat(last.changes()).anySatisfy(c -> assertThat(c.field()).isEqualTo("vlanId"));
        assertThat(rig.graphql("operator-key", CHECK_DRIFT, "r", router()).at("/data/checkDrift/drifted")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void reapplyingPutsTheStoredConfigurationBackOnTheRouterAndTheDriftClears(String version) throws Exception {
        String uuid = driftedVlan(version);

        JsonNode r = rig.graphql("operator-key", "mutation($u: ID!) { reapplyResource(uuid: $u) { " + RESOLVED + " } }", "u", uuid)
                .at("/data/reapplyResource");

        assertThat(r.get("userErrors")).isEmpty();
        assertThat(r.at("/resource/configuration/vlanId").asInt()).isEqualTo(10);
        assertThat(r.at("/resource/deployment/driftedFields")).isEmpty();
        assertThat(simVlan()).containsEntry("vlan-id", "10").containsEntry("interface", "ether1");
        assertThat(simVlan().getOrDefault("comment", "")).isEmpty();
        assertThat(rig.queries.history(BackendRig.KEYS.get("viewer-key"), ResourceId.parse(uuid)).getLast().actor()).isEqualTo("operator");
        assertThat(rig.graphql("operator-key", CHECK_DRIFT, "r", router()).at("/data/checkDrift/drifted")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void aRouterRefusingTheReapplyLeavesRouterAndStateAsTheyWereAndNamesTheVlan(String version) throws Exception {
        String uuid = driftedVlan(version);
        rig.sim.faults().rejectPath("/interface/vlan/set", "failure: injected refusal");
        var before = simVlan();
        long version0 = rig.queries.get(BackendRig.KEYS.get("viewer-key"), ResourceId.parse(uuid)).orElseThrow().metadata().version();

        JsonNode r = rig.graphql("operator-key", "mutation($u: ID!) { reapplyResource(uuid: $u) { " + RESOLVED + " } }", "u", uuid)
                .at("/data/reapplyResource");

        assertThat(r.get("resource").isNull()).isTrue();
        assertThat(r.at("/userErrors/0/message").asString()).startsWith("re-applying VLAN v10: ").contains("failure: injected refusal");
        assertThat(r.at("/userErrors/0/field").toString()).isEqualTo("[\"uuid\"]");
        rig.sim.faults().clear();
        assertThat(simVlan()).isEqualTo(before).containsEntry("vlan-id", "11");
        var stored = rig.queries.get(BackendRig.KEYS.get("viewer-key"), ResourceId.parse(uuid)).orElseThrow();
        assertThat(stored.configuration().get("vlanId").map(String::valueOf)).contains("10");
        assertThat(stored.metadata().version()).as("only the drift check's own record").isLessThanOrEqualTo(version0 + 1);
        assertThat(stored.deployment().orElseThrow().drift().orElseThrow().drifted()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2"})
    void acceptingTheValuesOfAnObjectGoneFromTheRouterIsRefusedNamingIt(String version) throws Exception {
        String uuid = driftedVlan(version);
        rig.gateway.execute(new RouterEndpoint("127.0.0.1", rig.sim.apiPort(), false, "admin", Secret.of("pw")),
                RouterCommand.of("/interface/vlan/remove").with(".id", rig.simId("/interface/vlan", "name", "v10")));

        JsonNode r = rig.graphql("operator-key", "mutation($u: ID!) { acceptRouterValues(uuid: $u) { " + RESOLVED + " } }", "u", uuid)
                .at("/data/acceptRouterValues");

        assertThat(r.at("/userErrors/0/message").asString()).contains("VLAN v10 is gone from router 'lab'").contains("re-apply");
        assertThat(r.at("/userErrors/0/message").asString()).doesNotContain(uuid);
        JsonNode again = rig.graphql("operator-key", "mutation($u: ID!) { reapplyResource(uuid: $u) { " + RESOLVED + " } }", "u", uuid)
                .at("/data/reapplyResource");
        assertThat(again.get("userErrors")).isEmpty();
        assertThat(rig.simId("/interface/vlan", "name", "v10")).as("re-apply created it again").isNotNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2"})
    void aViewerMayResolveNoDrift(String version) throws Exception {
        String uuid = driftedVlan(version);
        var viewer = new Principal("someone", Role.VIEWER, false);

        assertThatThrownBy(() -> rig.drift.acceptRouterValues(viewer, ResourceId.parse(uuid))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> rig.drift.reapply(viewer, ResourceId.parse(uuid))).isInstanceOf(AccessDeniedException.class);
        assertThat(simVlan()).containsEntry("vlan-id", "11");
    }
}

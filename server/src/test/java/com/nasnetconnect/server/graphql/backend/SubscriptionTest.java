package com.nasnetconnect.server.graphql.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** Subscriptions over graphql-transport-ws receive the changes that mutations over HTTP make on the real domain. */
@Timeout(60)
class SubscriptionTest {
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

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("condition not met within 10 s");
            Thread.sleep(20);
        }
    }

    @Test
    void aViewerSubscribedToResourceChangesReceivesTheVlanAnOperatorCreates() throws Exception {
        String router = rig.addSimRouter();
        int before = rig.bus.subscriberCount();
        try (var client = WsClient.connect(rig.wsUrl(), "viewer-key")) {
            client.subscribe("s1", "subscription { resourceChanged(routerId: \"" + router + "\") { type kind uuid routerId "
                    + "resource { deployment { nativeId } ... on Vlan { configuration { name vlanId } } } } }");
            waitUntil(() -> rig.bus.subscriberCount() > before);

            String uuid = rig.graphql("operator-key", DomainGraphQlBackendTest.CREATE_VLAN, "router", router, "name", "v10",
                    "id", 10, "iface", "ether1").at("/data/createVlan/resource/uuid").asString();

            JsonNode next = client.next();
            assertThat(next.get("type").asString()).as(next.toString()).isEqualTo("next");
            assertThat(next.get("id").asString()).isEqualTo("s1");
            JsonNode change = next.at("/payload/data/resourceChanged");
            assertThat(change.get("type").asString()).isEqualTo("CREATED");
            assertThat(change.get("kind").asString()).isEqualTo("VLAN");
            assertThat(change.get("uuid").asString()).isEqualTo(uuid);
            assertThat(change.get("routerId").asString()).isEqualTo(router);
            assertThat(change.at("/resource/configuration/vlanId").asInt()).isEqualTo(10);
            assertThat(change.at("/resource/deployment/nativeId").asString()).isEqualTo(rig.simId("/interface/vlan", "name", "v10"));
        }
        waitUntil(() -> rig.bus.subscriberCount() == before);
    }

    @Test
    void theEventStreamDeliversAnUpdateAsADeployedEventWithItsChangedFields() throws Exception {
        String router = rig.addSimRouter();
        String uuid = rig.graphql("operator-key", DomainGraphQlBackendTest.CREATE_VLAN, "router", router, "name", "v10",
                "id", 10, "iface", "ether1").at("/data/createVlan/resource/uuid").asString();
        int before = rig.bus.subscriberCount();
        try (var client = WsClient.connect(rig.wsUrl(), "viewer-key")) {
            client.subscribe("e1", "subscription { events(routerId: \"" + router + "\") { resourceUuid type actor changes } }");
            waitUntil(() -> rig.bus.subscriberCount() > before);

            rig.graphql("operator-key", """
                    mutation($u: ID!) { updateVlan(uuid: $u, input: {name: "v10", vlanId: 11, interface: "ether1"}) { userErrors { message } } }""",
                    "u", uuid);

            JsonNode event = client.next().at("/payload/data/events");
            assertThat(event.get("resourceUuid").asString()).isEqualTo(uuid);
            assertThat(event.get("type").asString()).isEqualTo("DEPLOYED");
            assertThat(event.get("actor").asString()).isEqualTo("operator");
            assertThat(event.at("/changes/vlanId/before").asString()).isEqualTo("10");
            assertThat(event.at("/changes/vlanId/after").asString()).isEqualTo("11");
        }
    }

    @Test
    void routerStatusStreamsThePolledStatusOfTheRouter() throws Exception {
        String router = rig.addSimRouter();
        try (var client = WsClient.connect(rig.wsUrl(), "viewer-key")) {
            client.subscribe("r1", "subscription { routerStatus(routerId: \"" + router + "\") { routerId reachable version } }");
            JsonNode status;
            do {
                status = client.next().at("/payload/data/routerStatus");
            } while (!status.path("reachable").asBoolean());
            assertThat(status.get("routerId").asString()).isEqualTo(router);
            assertThat(status.get("version").asString()).startsWith("7.16.2");
        }
    }
}

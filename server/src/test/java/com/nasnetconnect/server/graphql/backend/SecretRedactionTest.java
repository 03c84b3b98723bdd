package com.nasnetconnect.server.graphql.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * One source of redaction: WireGuard private keys, {@code @sensitive} in schema.graphql, sent through the whole
 * server (GraphQL over HTTP, apply against the RouterOS simulator over TCP, SQLite) while the router rejects the
 * apply. The keys must appear in no GraphQL response or error, no subscription message, no event on the
 * in-process bus and no log record (message, parameters or exception) — at every level, FINEST included.
 */
@Timeout(120)
class SecretRedactionTest {
    private static final String K1 = "K1AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    private static final String K2 = "K2BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA=";
    private static final String K3 = "K3CCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCA=";
    private static final String K4 = "K4DDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDDA=";
    private static final List<String> KEYS = List.of(K1, K2, K3, K4);

    private static final String CREATE_WG = """
            mutation($router: ID!, $name: String!, $key: String) {
              createWireguardInterface(routerId: $router, input: {name: $name, listenPort: 13231, privateKey: $key}) {
                resource { uuid ... on WireguardInterface { configuration { name privateKey } } }
                userErrors { field message value } } }""";
    private static final String UPDATE_WG = """
            mutation($uuid: ID!, $key: String) {
              updateWireguardInterface(uuid: $uuid, input: {name: "wg0", listenPort: 13232, privateKey: $key}) {
                resource { uuid ... on WireguardInterface { configuration { privateKey } } }
                userErrors { field message value } } }""";
    private static final String PLAN_WG = """
            mutation($router: ID!, $key: String) {
              applyPlan(routerId: $router, changes: [
                {op: CREATE, kind: WIREGUARD_INTERFACE, wireguardInterface: {name: "wg2", privateKey: $key}},
                {op: CREATE, kind: VLAN, vlan: {name: "v99", vlanId: 99, interface: "ether1"}}]) {
                resources { uuid } userErrors { field message value } } }""";
    private static final String CREATE_VLAN = """
            mutation($router: ID!, $name: String!, $id: Int!) {
              createVlan(routerId: $router, input: {name: $name, vlanId: $id, interface: "ether1"}) {
                resource { uuid } userErrors { message } } }""";

    @TempDir
    Path dir;
    private BackendRig rig;
    private final List<String> logs = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord r) {
            logs.add(format.format(r) + " " + java.util.Arrays.toString(r.getParameters()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger root = Logger.getLogger("");
    private Level rootLevel;
    private final java.util.Map<Handler, Level> handlerLevels = new java.util.HashMap<>();

    @BeforeEach
    void start() {
        rootLevel = root.getLevel();
        for (Handler h : root.getHandlers()) { // the console keeps its level: only the capture sees FINEST
            handlerLevels.put(h, h.getLevel());
            if (h.getLevel().intValue() < Level.INFO.intValue()) h.setLevel(Level.INFO);
        }
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
        root.setLevel(Level.ALL);
        rig = new BackendRig(dir);
    }

    @AfterEach
    void stop() {
        if (rig != null) rig.close();
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        handlerLevels.forEach(Handler::setLevel);
    }

    @Test
    void aFailingWireguardApplyShowsItsPrivateKeyNowhere() throws Exception {
        var bus = new CopyOnWriteArrayList<String>();
        var responses = new CopyOnWriteArrayList<String>();
        var frames = new CopyOnWriteArrayList<String>();
        String router = rig.addSimRouter();
        try (var busSeen = rig.bus.subscribe(e -> bus.add(String.valueOf(e)));
             var client = WsClient.connect(rig.wsUrl(), "operator-key")) {
            client.subscribe("changes", "subscription { resourceChanged(routerId: \"" + router + "\") { type kind uuid "
                    + "resource { ... on WireguardInterface { configuration { name privateKey } } } } }");
            client.subscribe("events", "subscription { events(routerId: \"" + router + "\") { resourceUuid type kind changes } }");
            awaitFramesAbout(client, router, "probe", 1, frames);

            // a WireGuard interface the router accepts: its key travels in events and subscriptions, masked
            JsonNode created = rig.graphql("operator-key", CREATE_WG, "router", router, "name", "wg0", "key", K1);
            responses.add(created.toString());
            String uuid = created.at("/data/createWireguardInterface/resource/uuid").asString();
            assertThat(uuid).as(created.toString()).isNotBlank();
            assertThat(created.at("/data/createWireguardInterface/resource/configuration/privateKey").asString()).isEqualTo("******");
            assertThat(rig.sim.snapshot().items("/interface/wireguard").values())
                    .as("the router got the key in clear").anyMatch(item -> K1.equals(item.get("private-key")));

            // the router rejects the add of a second one
            rig.sim.faults().rejectPath("/interface/wireguard/add", "failure: cannot add wireguard interface");
            JsonNode refusedCreate = rig.graphql("operator-key", CREATE_WG, "router", router, "name", "wg1", "key", K2);
            responses.add(refusedCreate.toString());
            assertThat(refusedCreate.at("/data/createWireguardInterface/userErrors").toString())
                    .as(refusedCreate.toString()).contains("cannot add wireguard interface");

            // ... and the change of the first one's key
            rig.sim.faults().clear().rejectPath("/interface/wireguard/set", "failure: cannot change private key");
            JsonNode refusedUpdate = rig.graphql("operator-key", UPDATE_WG, "uuid", uuid, "key", K3);
            responses.add(refusedUpdate.toString());
            assertThat(refusedUpdate.at("/data/updateWireguardInterface/userErrors").toString())
                    .as(refusedUpdate.toString()).contains("cannot change private key");

            // ... and a plan that carries a key, rolled back when its second command is rejected
            rig.sim.faults().clear().rejectPath("/interface/vlan/add", "failure: vlan rejected");
            JsonNode refusedPlan = rig.graphql("operator-key", PLAN_WG, "router", router, "key", K4);
            responses.add(refusedPlan.toString());
            assertThat(refusedPlan.at("/data/applyPlan/userErrors").toString()).as(refusedPlan.toString())
                    .contains("vlan rejected");
            rig.sim.faults().clear();

            // every message of the failures above has arrived once the sentinel's has (one ordered stream)
            awaitFramesAbout(client, router, "sentinel", 2, frames);
        }

        assertThat(frames).as("subscription messages").anyMatch(f -> f.contains("\"privateKey\":\"******\""));
        assertThat(bus).as("bus events").anyMatch(e -> e.contains("privateKey=******"));
        for (String key : KEYS) {
            assertThat(responses).as("GraphQL responses and errors").noneMatch(r -> r.contains(key));
            assertThat(frames).as("subscription messages").noneMatch(f -> f.contains(key));
            assertThat(bus).as("events on the in-process bus").noneMatch(e -> e.contains(key));
            assertThat(logs).as("log records").noneMatch(l -> l.contains(key));
        }
        assertThat(logs).as("the log was captured").isNotEmpty();
    }

    /** Creates a VLAN and reads subscription messages until both streams have told of it. */
    private void awaitFramesAbout(WsClient client, String router, String name, int vlanId, List<String> frames) throws Exception {
        boolean changeSeen = false;
        boolean eventSeen = false;
        // the subscriptions may still be starting: repeat the probe until a message about it arrives
        for (int attempt = 0; attempt < 20 && !(changeSeen && eventSeen); attempt++) {
            String uuid = rig.graphql("operator-key", CREATE_VLAN, "router", router, "name", name + attempt, "id", vlanId * 100 + attempt)
                    .at("/data/createVlan/resource/uuid").asString();
            JsonNode m;
            while ((m = client.messages.poll(changeSeen || eventSeen ? 10 : 1, TimeUnit.SECONDS)) != null) {
                frames.add(m.toString());
                if (m.path("id").asString().equals("changes") && m.toString().contains(uuid)) changeSeen = true;
                if (m.path("id").asString().equals("events") && m.toString().contains(uuid)) eventSeen = true;
                if (changeSeen && eventSeen) break;
            }
        }
        assertThat(changeSeen && eventSeen).as("both subscriptions told of VLAN " + name).isTrue();
    }
}

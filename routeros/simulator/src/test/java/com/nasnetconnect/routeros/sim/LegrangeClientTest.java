package com.nasnetconnect.routeros.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import javax.net.SocketFactory;
import me.legrange.mikrotik.ApiConnection;
import me.legrange.mikrotik.MikrotikApiException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The real me.legrange:mikrotik client against the simulator, in both emulated versions. */
@Timeout(20)
class LegrangeClientTest {

    private static ApiConnection connect(RouterOsSimulator sim) throws MikrotikApiException {
        ApiConnection con = ApiConnection.connect(SocketFactory.getDefault(), "127.0.0.1", sim.apiPort(), 2000);
        con.setTimeout(5000);
        return con;
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void logsInAndReadsSystemResourceOfTheEmulatedVersion(String version) throws Exception {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw")
                .build().start(); ApiConnection con = connect(sim)) {
            con.login("admin", "pw");
            List<Map<String, String>> rows = con.execute("/system/resource/print");
            assertThat(rows).hasSize(1);
            assertThat(rows.getFirst()).containsEntry("version", version + " (stable)")
                    .containsEntry("board-name", "CHR").containsEntry("architecture-name", "x86_64")
                    .containsKeys("uptime", "cpu-load", "free-memory", "total-memory");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void rejectsAWrongPasswordWithTheRouterMessage(String version) throws Exception {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw")
                .build().start(); ApiConnection con = connect(sim)) {
            assertThatThrownBy(() -> con.login("admin", "wrong"))
                    .isInstanceOf(MikrotikApiException.class)
                    .hasMessageContaining("invalid user name or password (6)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void setsAndReadsTheIdentity(String version) throws Exception {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw")
                .identity("R1").build().start(); ApiConnection con = connect(sim)) {
            con.login("admin", "pw");
            assertThat(con.execute("/system/identity/print").getFirst()).containsEntry("name", "R1");
            con.execute("/system/identity/set name=edge-7");
            assertThat(con.execute("/system/identity/print").getFirst()).containsEntry("name", "edge-7");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void listsThePresetEthernetInterfaces(String version) throws Exception {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw")
                .build().start(); ApiConnection con = connect(sim)) {
            con.login("admin", "pw");
            List<Map<String, String>> rows = con.execute("/interface/print");
            assertThat(rows).extracting(r -> r.get("name")).containsExactly("ether1", "ether2", "ether3", "ether4");
            assertThat(rows.getFirst()).containsEntry(".id", "*1").containsEntry("type", "ether")
                    .containsEntry("running", "true").containsEntry("mtu", "1500").containsKeys("rx-byte", "tx-byte");
            List<Map<String, String>> one = con.execute("/interface/print where name=ether3 return name,type");
            assertThat(one).hasSize(1);
            assertThat(new java.util.HashMap<>(one.getFirst())).isEqualTo(Map.of("name", "ether3", "type", "ether"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void addsPrintsAndRemovesAnAddress(String version) throws Exception {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw")
                .build().start(); ApiConnection con = connect(sim)) {
            con.login("admin", "pw");
            List<Map<String, String>> added = con.execute("/ip/address/add address=10.1.2.3/24 interface=ether2");
            assertThat(added).singleElement().satisfies(r -> assertThat(r).containsEntry("ret", "*1"));
            Map<String, String> row = con.execute("/ip/address/print where interface=ether2").getFirst();
            assertThat(row).containsEntry(".id", "*1").containsEntry("address", "10.1.2.3/24")
                    .containsEntry("network", "10.1.2.0").containsEntry("interface", "ether2")
                    .containsEntry("dynamic", "false").containsEntry("disabled", "false");
            con.execute("/ip/address/add address=10.9.9.9/32 interface=ether3");
            con.execute("/ip/address/remove .id=*1");
            List<Map<String, String>> left = con.execute("/ip/address/print");
            assertThat(left).extracting(r -> r.get(".id")).containsExactly("*2");
            List<Map<String, String>> again = con.execute("/ip/address/add address=10.1.2.3/24 interface=ether2");
            assertThat(again.getFirst()).containsEntry("ret", "*3");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void trapsUnknownMenusCommandsAndArguments(String version) throws Exception {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw")
                .build().start(); ApiConnection con = connect(sim)) {
            con.login("admin", "pw");
            assertThatThrownBy(() -> con.execute("/ip/adress/print"))
                    .hasMessageContaining("no such command");
            assertThatThrownBy(() -> con.execute("/ip/address/frobnicate"))
                    .hasMessageContaining("no such command");
            assertThatThrownBy(() -> con.execute("/ip/address/add address=10.0.0.1/24 interface=ether1 colour=red"))
                    .hasMessageContaining("unknown parameter colour");
            assertThatThrownBy(() -> con.execute("/ip/address/add address=10.0.0.1/24 interface=ether9"))
                    .hasMessageContaining("input does not match any value of interface");
            // the connection still works after traps
            assertThat(con.execute("/system/identity/print")).hasSize(1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void streamsFollowAndListenResultsUntilCancelled(String version) throws Exception {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw")
                .build().start(); ApiConnection con = connect(sim)) {
            con.login("admin", "pw");
            java.util.concurrent.BlockingQueue<Map<String, String>> seen = new java.util.concurrent.LinkedBlockingQueue<>();
            java.util.concurrent.CountDownLatch completed = new java.util.concurrent.CountDownLatch(1);
            me.legrange.mikrotik.ResultListener listener = new me.legrange.mikrotik.ResultListener() {
                @Override
                public void receive(Map<String, String> result) {
                    seen.add(result);
                }

                @Override
                public void error(MikrotikApiException e) {
                    completed.countDown();
                }

                @Override
                public void completed() {
                    completed.countDown();
                }
            };
            String tag = con.execute("/interface/listen", listener);
            con.execute("/interface/vlan/add name=v5 vlan-id=5 interface=ether1");
            Map<String, String> added = seen.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(added).containsEntry("name", "v5").containsEntry("type", "vlan");
            con.execute("/interface/vlan/remove .id=v5");
            Map<String, String> dead = seen.poll(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(dead).containsEntry(".dead", "true").containsEntry(".id", added.get(".id"));
            con.cancel(tag);
            assertThat(completed.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            // the connection is still usable for synchronous commands
            assertThat(con.execute("/interface/print where type=ether")).hasSize(4);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void configuresWireguardThroughTheLibrary(String version) throws Exception {
        try (RouterOsSimulator sim = RouterOsSimulator.builder().version(version).credentials("admin", "pw")
                .build().start(); ApiConnection con = connect(sim)) {
            con.login("admin", "pw");
            con.execute("/interface/wireguard/add name=wg-nnc listen-port=51820");
            Map<String, String> wg = con.execute("/interface/wireguard/print where name=wg-nnc").getFirst();
            assertThat(wg.get("public-key")).isEqualTo(WireGuardKeys.publicKey(wg.get("private-key")));
            assertThat(wg).containsEntry("listen-port", "51820");
            con.execute("/interface/wireguard/peers/add interface=wg-nnc public-key=\""
                    + WireGuardKeys.publicKey(WireGuardKeys.generatePrivateKey()) + "\" allowed-address=10.0.0.2/32");
            assertThat(con.execute("/interface/wireguard/peers/print")).hasSize(1);
            List<Map<String, String>> count = con.execute("/interface/print count-only");
            assertThat(count.getFirst()).containsEntry("ret", "5");
        }
    }
}

package com.nasnetconnect.routeros.sim;

import static com.nasnetconnect.routeros.sim.SimTestSupport.ok;
import static com.nasnetconnect.routeros.sim.SimTestSupport.row;
import static com.nasnetconnect.routeros.sim.SimTestSupport.rows;
import static com.nasnetconnect.routeros.sim.SimTestSupport.trap;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Configuration semantics of the modelled menus (7.16.2 unless stated). */
@Timeout(20)
class MenuSemanticsTest {

    private RouterOsSimulator sim;
    private RawApiClient c;

    @BeforeEach
    void start() {
        sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").imagePullDelayMillis(100)
                .build().start();
        c = SimTestSupport.login(sim);
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
        sim.close();
    }

    @Test
    void aVlanNeedsAnExistingParentInterface() {
        assertThat(trap(c, "/interface/vlan/add", "=name=v10", "=vlan-id=10", "=interface=ether9"))
                .isEqualTo("input does not match any value of interface");
        assertThat(trap(c, "/interface/vlan/add", "=name=v10", "=interface=ether1"))
                .isEqualTo("missing value of argument vlan-id");
    }

    @Test
    void interfaceNamesAreUniqueAcrossAllInterfaceTypes() {
        ok(c, "/interface/vlan/add", "=name=v10", "=vlan-id=10", "=interface=ether1");
        assertThat(trap(c, "/interface/vlan/add", "=name=v10", "=vlan-id=11", "=interface=ether1"))
                .isEqualTo("failure: already have interface with such name");
        assertThat(trap(c, "/interface/bridge/add", "=name=ether2"))
                .isEqualTo("failure: already have interface with such name");
    }

    @Test
    void aVlanSharesItsIdWithInterfaceAndFollowsItsParentsRunningState() {
        String id = ok(c, "/interface/vlan/add", "=vlan-id=10", "=interface=ether1");
        assertThat(id).isEqualTo("*5");
        var vlan = row(c, "/interface/vlan/print", "?.id=" + id);
        assertThat(vlan).containsEntry("name", "vlan1").containsEntry("vlan-id", "10").containsEntry("running", "true")
                .doesNotContainKey("type");
        assertThat(row(c, "/interface/print", "?.id=" + id)).containsEntry("type", "vlan").containsEntry("name", "vlan1")
                .doesNotContainKey("vlan-id");
        ok(c, "/interface/ethernet/disable", "=numbers=ether1");
        assertThat(row(c, "/interface/vlan/print", "?.id=" + id)).containsEntry("running", "false");
        assertThat(row(c, "/interface/print", "?name=ether1")).containsEntry("disabled", "true")
                .containsEntry("running", "false");
    }

    @Test
    void idsAreMonotonicAndNeverReused() {
        String a = ok(c, "/ip/pool/add", "=name=p1", "=ranges=10.0.0.10-10.0.0.20");
        ok(c, "/ip/pool/remove", "=numbers=p1");
        String b = ok(c, "/ip/pool/add", "=name=p1", "=ranges=10.0.0.10-10.0.0.20");
        assertThat(a).isEqualTo("*1");
        assertThat(b).isEqualTo("*2");
        for (int i = 0; i < 20; i++) {
            ok(c, "/ip/pool/add", "=name=x" + i, "=ranges=10.1.0.1");
        }
        assertThat(rows(c, "/ip/pool/print").getLast()).containsEntry(".id", "*16");
    }

    @Test
    void anInterfaceInUseCannotBeRemoved() {
        ok(c, "/interface/vlan/add", "=name=v20", "=vlan-id=20", "=interface=ether2");
        ok(c, "/ip/address/add", "=address=10.20.0.1/24", "=interface=v20");
        assertThat(trap(c, "/interface/vlan/remove", "=numbers=v20")).startsWith("failure: v20 is in use by /ip/address");
        ok(c, "/ip/address/remove", "=numbers=0");
        ok(c, "/interface/vlan/remove", "=numbers=v20");
        assertThat(rows(c, "/interface/print")).hasSize(4);
    }

    @Test
    void setEnableAndDisableWorkByIdByNameAndByNumberLists() {
        String v1 = ok(c, "/interface/vlan/add", "=name=a", "=vlan-id=1", "=interface=ether1");
        String v2 = ok(c, "/interface/vlan/add", "=name=b", "=vlan-id=2", "=interface=ether1");
        ok(c, "/interface/vlan/set", "=numbers=" + v1 + "," + v2, "=mtu=1400");
        ok(c, "/interface/vlan/set", "=.id=b", "=comment=second");
        ok(c, "/interface/vlan/disable", "=numbers=a,b");
        assertThat(rows(c, "/interface/vlan/print")).allSatisfy(r -> assertThat(r)
                .containsEntry("mtu", "1400").containsEntry("disabled", "true"));
        ok(c, "/interface/vlan/enable", "=.id=" + v2);
        assertThat(row(c, "/interface/vlan/print", "?name=b")).containsEntry("disabled", "false")
                .containsEntry("comment", "second");
        assertThat(trap(c, "/interface/vlan/set", "=numbers=nope", "=mtu=1")).isEqualTo("no such item");
    }

    @Test
    void renamingAnInterfaceKeepsItsReferences() {
        ok(c, "/ip/address/add", "=address=192.168.1.1/24", "=interface=ether3");
        ok(c, "/interface/ethernet/set", "=numbers=ether3", "=name=lan");
        assertThat(row(c, "/ip/address/print")).containsEntry("interface", "lan");
    }

    @Test
    void wireguardDerivesThePublicKeyAndGeneratesAPrivateKeyWhenOmitted() {
        String priv = Base64.getEncoder().encodeToString(
                HexFormat.of().parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        ok(c, "/interface/wireguard/add", "=name=wg0", "=private-key=" + priv);
        var wg0 = row(c, "/interface/wireguard/print", "?name=wg0");
        assertThat(wg0).containsEntry("public-key", Base64.getEncoder().encodeToString(HexFormat.of()
                .parseHex("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")))
                .containsEntry("listen-port", "13231").containsEntry("mtu", "1420").containsEntry("running", "true");
        ok(c, "/interface/wireguard/add", "=name=wg1");
        var wg1 = row(c, "/interface/wireguard/print", "?name=wg1");
        assertThat(WireGuardKeys.publicKey(wg1.get("private-key"))).isEqualTo(wg1.get("public-key"));
        assertThat(wg1).containsEntry("listen-port", "13232");
        assertThat(row(c, "/interface/print", "?name=wg1")).containsEntry("type", "wg");
        assertThat(trap(c, "/interface/wireguard/add", "=name=wg2", "=private-key=short"))
                .contains("private-key");
    }

    @Test
    void wireguardPeersBelongToAWireguardInterface() {
        ok(c, "/interface/wireguard/add", "=name=wg0");
        String key = WireGuardKeys.publicKey(WireGuardKeys.generatePrivateKey());
        assertThat(trap(c, "/interface/wireguard/peers/add", "=interface=ether1", "=public-key=" + key))
                .isEqualTo("input does not match any value of interface");
        ok(c, "/interface/wireguard/peers/add", "=interface=wg0", "=public-key=" + key,
                "=allowed-address=10.8.0.2/32");
        assertThat(row(c, "/interface/wireguard/peers/print")).containsEntry("allowed-address", "10.8.0.2/32")
                .containsEntry("name", "peer1");
        assertThat(trap(c, "/interface/wireguard/peers/add", "=interface=wg0", "=public-key=xyz"))
                .isEqualTo("invalid value for argument public-key");
    }

    @Test
    void anInterfaceCanBeInOnlyOneBridge() {
        ok(c, "/interface/bridge/add", "=name=br1");
        ok(c, "/interface/bridge/add", "=name=br2");
        ok(c, "/interface/bridge/port/add", "=bridge=br1", "=interface=ether2");
        assertThat(trap(c, "/interface/bridge/port/add", "=bridge=br2", "=interface=ether2"))
                .isEqualTo("failure: device already added as bridge port");
        assertThat(trap(c, "/interface/bridge/port/add", "=bridge=ether1", "=interface=ether3"))
                .isEqualTo("input does not match any value of bridge");
        ok(c, "/interface/bridge/vlan/add", "=bridge=br1", "=vlan-ids=10", "=tagged=br1,ether2");
        assertThat(row(c, "/interface/bridge/vlan/print")).containsEntry("current-tagged", "br1,ether2");
    }

    @Test
    void addressesDeriveTheirNetwork() {
        ok(c, "/ip/address/add", "=address=172.16.5.77/20", "=interface=ether1");
        ok(c, "/ip/address/add", "=address=10.0.0.9", "=interface=ether1");
        assertThat(rows(c, "/ip/address/print")).extracting(r -> r.get("address") + " " + r.get("network"))
                .containsExactly("172.16.5.77/20 172.16.0.0", "10.0.0.9/32 10.0.0.9");
        assertThat(trap(c, "/ip/address/add", "=address=10.0.0.300/24", "=interface=ether1"))
                .contains("invalid value for argument address");
    }

    @Test
    void dhcpServersReferenceExistingPools() {
        assertThat(trap(c, "/ip/dhcp-server/add", "=interface=ether2", "=address-pool=missing"))
                .isEqualTo("input does not match any value of address-pool");
        ok(c, "/ip/pool/add", "=name=lan", "=ranges=192.168.88.10-192.168.88.254");
        ok(c, "/ip/dhcp-server/add", "=interface=ether2", "=address-pool=lan");
        ok(c, "/ip/dhcp-server/network/add", "=address=192.168.88.0/24", "=gateway=192.168.88.1");
        assertThat(row(c, "/ip/dhcp-server/print")).containsEntry("name", "dhcp1").containsEntry("lease-time", "30m");
        ok(c, "/ip/dhcp-client/add", "=interface=ether1");
        assertThat(row(c, "/ip/dhcp-client/print")).containsEntry("status", "searching...");
        assertThat(trap(c, "/ip/dhcp-client/add", "=interface=ether1")).startsWith("failure:");
    }

    @Test
    void routesNeedAnExistingRoutingTable() {
        assertThat(row(c, "/routing/table/print")).containsEntry("name", "main").containsEntry("dynamic", "true");
        assertThat(trap(c, "/ip/route/add", "=gateway=10.0.0.1", "=routing-table=vpn"))
                .isEqualTo("input does not match any value of routing-table");
        ok(c, "/routing/table/add", "=name=vpn", "=fib=");
        ok(c, "/ip/route/add", "=dst-address=10.50.3.4/16", "=gateway=10.0.0.1", "=routing-table=vpn");
        assertThat(row(c, "/ip/route/print")).containsEntry("dst-address", "10.50.0.0/16")
                .containsEntry("distance", "1");
        ok(c, "/ip/address/add", "=address=192.168.7.1/24", "=interface=ether2");
        assertThat(row(c, "/ip/route/print", "?connect=true")).containsEntry("dst-address", "192.168.7.0/24")
                .containsEntry("gateway", "ether2").containsEntry("dynamic", "true").containsEntry(".id", "*80000001");
        ok(c, "/interface/ethernet/disable", "=numbers=ether2");
        assertThat(rows(c, "/ip/route/print", "?connect=true")).isEmpty();
    }

    @Test
    void firewallRulesKeepTheirOrderAndPlaceBefore() {
        ok(c, "/ip/firewall/filter/add", "=chain=input", "=action=accept", "=comment=first");
        ok(c, "/ip/firewall/filter/add", "=chain=input", "=action=drop", "=comment=last");
        ok(c, "/ip/firewall/filter/add", "=chain=input", "=action=accept", "=comment=middle", "=place-before=*2");
        assertThat(rows(c, "/ip/firewall/filter/print")).extracting(r -> r.get("comment"))
                .containsExactly("first", "middle", "last");
        ok(c, "/ip/firewall/filter/move", "=numbers=*1", "=destination=*2");
        assertThat(rows(c, "/ip/firewall/filter/print")).extracting(r -> r.get("comment"))
                .containsExactly("middle", "first", "last");
        assertThat(trap(c, "/ip/firewall/nat/add", "=action=masquerade")).isEqualTo("missing value of argument chain");
        ok(c, "/ip/firewall/address-list/add", "=list=blocked", "=address=1.2.3.4");
        assertThat(row(c, "/ip/firewall/address-list/print")).containsKey("creation-time");
    }

    @Test
    void exportRendersTheConfiguration() {
        ok(c, "/system/identity/set", "=name=edge");
        ok(c, "/ip/address/add", "=address=10.0.0.1/24", "=interface=ether1", "=comment=mgmt");
        ok(c, "/interface/wireguard/add", "=name=wg0");
        String export = ok(c, "/export");
        assertThat(export).contains("/system identity\nset name=edge")
                .contains("/ip address\nadd address=10.0.0.1/24 interface=ether1 comment=mgmt")
                .contains("/interface wireguard\nadd name=wg0 listen-port=13231").doesNotContain("private-key");
        assertThat(ok(c, "/export", "=show-sensitive=")).contains("private-key=");
    }

    @Test
    void containersArePulledThenStartAndStop() throws Exception {
        ok(c, "/interface/veth/add", "=name=veth1", "=address=172.17.0.2/24", "=gateway=172.17.0.1");
        ok(c, "/container/envs/add", "=name=app", "=key=TZ", "=value=UTC");
        assertThat(trap(c, "/container/envs/add", "=list=app", "=key=A", "=value=B")).isEqualTo("unknown parameter list");
        ok(c, "/container/mounts/add", "=name=data", "=src=/disk1/data", "=dst=/data");
        String id = ok(c, "/container/add", "=remote-image=nginx:latest", "=interface=veth1", "=envlist=app",
                "=mounts=data", "=root-dir=disk1/nginx");
        assertThat(row(c, "/container/print")).containsEntry("status", "extracting").containsEntry("tag", "nginx:latest");
        assertThat(trap(c, "/container/start", "=number=" + id)).contains("extracting");
        waitForStatus(id, "stopped");
        ok(c, "/container/start", "=number=" + id);
        assertThat(row(c, "/container/print")).containsEntry("status", "running").containsEntry("running", "true");
        assertThat(trap(c, "/container/remove", "=numbers=" + id)).startsWith("failure: container is running");
        ok(c, "/container/stop", "=number=" + id);
        ok(c, "/container/remove", "=numbers=" + id);
        assertThat(trap(c, "/container/add", "=remote-image=x", "=interface=ether1"))
                .isEqualTo("input does not match any value of interface");
    }

    @Test
    void version723UsesListsForContainerEnvsAndMounts() throws Exception {
        try (RouterOsSimulator newer = RouterOsSimulator.builder().version("7.23.3").credentials("admin", "pw")
                .imagePullDelayMillis(50).build().start(); RawApiClient n = SimTestSupport.login(newer)) {
            assertThat(trap(n, "/container/envs/add", "=name=app", "=key=TZ", "=value=UTC"))
                    .isEqualTo("unknown parameter name");
            ok(n, "/container/envs/add", "=list=app", "=key=TZ", "=value=UTC");
            ok(n, "/interface/veth/add", "=name=veth1", "=address=172.17.0.2/24");
            assertThat(trap(n, "/container/add", "=remote-image=nginx", "=interface=veth1", "=envlist=app"))
                    .isEqualTo("unknown parameter envlist");
            String id = ok(n, "/container/add", "=remote-image=nginx", "=interface=veth1", "=envlists=app",
                    "=name=web");
            assertThat(row(n, "/container/print")).containsEntry("name", "web").containsEntry("envlists", "app");
            assertThat(id).isEqualTo("*1");
        }
    }

    private void waitForStatus(String id, String status) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (status.equals(row(c, "/container/print", "?.id=" + id).get("status"))) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("container " + id + " never reached " + status);
    }

    @Test
    void timeIntervalsAreStoredAndPrintedInRouterOsForm() {
        ok(c, "/interface/wireguard/add", "=name=wg0");
        String key = WireGuardKeys.publicKey(WireGuardKeys.generatePrivateKey());
        ok(c, "/interface/wireguard/peers/add", "=interface=wg0", "=public-key=" + key, "=persistent-keepalive=25");
        assertThat(row(c, "/interface/wireguard/peers/print")).containsEntry("persistent-keepalive", "25s");
        ok(c, "/ip/dhcp-server/add", "=interface=ether2", "=lease-time=1800");
        ok(c, "/ip/dhcp-server/set", "=numbers=dhcp1", "=lease-time=01:00:00");
        assertThat(row(c, "/ip/dhcp-server/print")).containsEntry("lease-time", "1h");
        assertThat(trap(c, "/ip/dhcp-server/set", "=numbers=dhcp1", "=lease-time=soon"))
                .isEqualTo("value of lease-time must be a time interval: soon");
    }

    @Test
    void addressListEntriesWithATimeoutAreDynamicAndExpire() throws Exception {
        ok(c, "/ip/firewall/address-list/add", "=list=temp", "=address=1.2.3.4", "=timeout=1s");
        ok(c, "/ip/firewall/address-list/add", "=list=keep", "=address=5.6.7.8");
        var temp = row(c, "/ip/firewall/address-list/print", "?list=temp");
        assertThat(temp).containsEntry("dynamic", "true").containsEntry("timeout", "1s").doesNotContainKey("expires");
        for (int i = 0; i < 100 && rows(c, "/ip/firewall/address-list/print").size() > 1; i++) {
            Thread.sleep(30);
        }
        assertThat(rows(c, "/ip/firewall/address-list/print")).extracting(r -> r.get("list")).containsExactly("keep");
    }

    @Test
    void firewallInterfacesAndPoolChainsAreChecked() {
        assertThat(trap(c, "/ip/firewall/filter/add", "=chain=forward", "=in-interface=nope"))
                .isEqualTo("input does not match any value of in-interface");
        ok(c, "/ip/firewall/filter/add", "=chain=forward", "=in-interface=!ether1", "=action=drop");
        ok(c, "/ip/firewall/mangle/add", "=chain=prerouting", "=action=mark-routing", "=new-routing-mark=vpn",
                "=passthrough=no");
        assertThat(row(c, "/ip/firewall/mangle/print")).containsEntry("passthrough", "false");
        assertThat(trap(c, "/ip/pool/add", "=name=a", "=ranges=1.1.1.1", "=next-pool=b"))
                .isEqualTo("input does not match any value of next-pool");
        ok(c, "/ip/pool/add", "=name=b", "=ranges=1.1.1.2");
        ok(c, "/ip/pool/add", "=name=a", "=ranges=1.1.1.1", "=next-pool=b");
        assertThat(trap(c, "/ip/pool/remove", "=numbers=b")).startsWith("failure: b is in use by /ip/pool");
    }
}

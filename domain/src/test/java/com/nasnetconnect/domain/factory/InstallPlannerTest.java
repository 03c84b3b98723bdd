package com.nasnetconnect.domain.factory;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.DesiredResource;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The install plan as a pure function: its shape per gateway mechanism, its tags, and where secrets may go. */
class InstallPlannerTest {
    static final String ID = "0b7e3c52-3d5e-4c1a-9f59-6f1d2f0c9a11";
    final InstallPlanner planner = new InstallPlanner(FactorySettings.defaults());
    final Allocation allocation = new Allocation(117, Subnet.of("10.99.117.0/24"), "nnc-x-y");

    static List<DesiredResource> resources(PlannedInstall p) {
        return p.plan().changes().stream().map(c -> ((Change.Upsert) c).resource()).toList();
    }

    @Test
    void theSameInputsGiveTheSamePlanWithTheSameResourceIds() {
        var a = planner.plan(TestCatalog.TOR, Map.of("exitCountry", "us"), allocation, ID, "otto");
        var b = planner.plan(TestCatalog.TOR, Map.of("exitCountry", "us"), allocation, ID, "otto");
        assertThat(a).isEqualTo(b);
        assertThat(a.resources()).doesNotHaveDuplicates().hasSize(a.plan().changes().size());
    }

    @Test
    void aTorPlanHasTwoContainersATableAKillSwitchDropAndEveryObjectTagged() {
        var p = planner.plan(TestCatalog.TOR, Map.of("exitCountry", "de"), allocation, ID, "otto");
        assertThat(resources(p)).extracting(DesiredResource::kind).containsExactly(ResourceKind.VLAN, ResourceKind.IP_ADDRESS,
                ResourceKind.VETH, ResourceKind.IP_ADDRESS, ResourceKind.CONTAINER, ResourceKind.VETH, ResourceKind.IP_ADDRESS,
                ResourceKind.CONTAINER_ENV, ResourceKind.CONTAINER_ENV, ResourceKind.CONTAINER_ENV,
                ResourceKind.CONTAINER, ResourceKind.ROUTING_TABLE, ResourceKind.ROUTE, ResourceKind.ROUTE, ResourceKind.FIREWALL_MANGLE,
                ResourceKind.FIREWALL_FILTER, ResourceKind.FIREWALL_FILTER, ResourceKind.FIREWALL_NAT, ResourceKind.FIREWALL_NAT);
        assertThat(resources(p)).allSatisfy(r -> assertThat(r.field("comment")).isEqualTo("nnc:" + ID));
        assertThat(resources(p)).filteredOn(r -> r.kind() == ResourceKind.FIREWALL_FILTER).extracting(r -> r.field("action"))
                .containsExactly("accept", "drop");
        assertThat(p.environments().get(ContainerSpec.Role.GATEWAY)).containsEntry("SOCKS5_ADDR", "10.99.117.250");
        assertThat(p.notApplied()).noneSatisfy(n -> assertThat(n).containsAnyOf("/container/envs", "checkGateway", "blackhole"));
    }

    @Test
    void aSocksGatewayRouteIsPingCheckedAndABlackholeRouteWithAHigherDistanceBacksItUp() {
        var p = planner.plan(TestCatalog.TOR, Map.of("exitCountry", "de"), allocation, ID, "otto");
        assertThat(resources(p)).filteredOn(r -> r.kind() == ResourceKind.ROUTE).extracting(DesiredResource::configuration)
                .containsExactly(
                        Map.of("dstAddress", "0.0.0.0/0", "gateway", "10.99.117.254", "routingTable", "nnc-x-y", "distance", "1",
                                "checkGateway", "ping", "comment", "nnc:" + ID),
                        Map.of("dstAddress", "0.0.0.0/0", "blackhole", "yes", "routingTable", "nnc-x-y", "distance", "250",
                                "comment", "nnc:" + ID));
    }

    @Test
    void aWireguardRouteGoesThroughTheInterfaceWithoutAPingCheckAndHasTheBlackholeBackupToo() {
        var p = planner.plan(TestCatalog.WIREGUARD, Map.of("config", TestCatalog.WG_CONF), allocation, ID, "otto");
        assertThat(resources(p)).filteredOn(r -> r.kind() == ResourceKind.ROUTE)
                .extracting(r -> r.field("gateway") + " " + r.field("blackhole") + " " + r.field("distance") + " " + r.field("checkGateway"))
                .containsExactly("nnc-x-y null 1 null", "null yes 250 null");
    }

    @Test
    void theGatewayEnvironmentIsAnEnvListNamedAfterTheInstanceInterfaceThatTheContainerReferences() {
        var p = planner.plan(TestCatalog.TOR, Map.of("exitCountry", "us"), allocation, ID, "otto");
        assertThat(resources(p)).filteredOn(r -> r.kind() == ResourceKind.CONTAINER_ENV)
                .extracting(r -> r.field("list") + " " + r.field("key") + "=" + r.field("value"))
                .containsExactlyInAnyOrder("nnc-x-y SOCKS5_ADDR=10.99.117.250", "nnc-x-y SOCKS5_PORT=9050",
                        "nnc-x-y IPV4_INCLUDED_ROUTES=0.0.0.0/0");
        assertThat(resources(p)).filteredOn(r -> r.kind() == ResourceKind.CONTAINER)
                .extracting(r -> r.field("interface") + " envlist=" + r.field("envlist"))
                .containsExactly("nnc-svc117 envlist=null", "nnc-x-y envlist=nnc-x-y");
        assertThat(resources(p)).filteredOn(r -> r.kind() == ResourceKind.CONTAINER_ENV).extracting(DesiredResource::id)
                .contains(InstallPlanner.resourceId(ID, "gateway-env-SOCKS5_PORT").toString());
    }

    @Test
    void anAdguardPlanRedirectsDnsOfItsNetworkAndHasNoRoutingTable() {
        var p = planner.plan(TestCatalog.ADGUARD, Map.of(), allocation, ID, "otto");
        assertThat(resources(p)).extracting(DesiredResource::kind).doesNotContain(ResourceKind.ROUTING_TABLE, ResourceKind.ROUTE);
        assertThat(resources(p)).filteredOn(r -> "dst-nat".equals(r.field("action")))
                .extracting(r -> r.field("protocol") + " " + r.field("srcAddress") + " -> " + r.field("toAddresses"))
                .containsExactly("udp 10.99.117.0/25 -> 10.99.117.254", "tcp 10.99.117.0/25 -> 10.99.117.254");
        assertThat(resources(p)).filteredOn(r -> r.kind() == ResourceKind.CONTAINER).singleElement()
                .satisfies(c -> assertThat(c.field("interface")).isEqualTo("nnc-x-y"));
    }

    @Test
    void aSecretOptionNeverReachesACommandLineOrAnEnvironmentInClear() {
        var p = planner.plan(TestCatalog.SOCKS5, Map.of("host", "proxy.example.net", "port", "1080", "password", "hunter2"),
                allocation, ID, "otto");
        assertThat(p.environments().get(ContainerSpec.Role.GATEWAY)).containsEntry("SOCKS5_PASSWORD", "(secret password)")
                .containsEntry("SOCKS5_ADDR", "proxy.example.net").doesNotContainKey("SOCKS5_USERNAME");
        assertThat(p.plan().toString()).doesNotContain("hunter2");
        assertThat(p.toString()).doesNotContain("hunter2");
        // in clear only in the @sensitive value of its env, the one field the router and the store keep secret
        assertThat(resources(p)).filteredOn(r -> r.configuration().containsValue("hunter2"))
                .singleElement().satisfies(r -> {
                    assertThat(r.kind()).isEqualTo(ResourceKind.CONTAINER_ENV);
                    assertThat(r.configuration()).containsEntry("key", "SOCKS5_PASSWORD").containsEntry("value", "hunter2");
                });
        assertThat(resources(p).stream().flatMap(r -> r.configuration().values().stream()).filter(v -> v.contains("hunter2")))
                .containsExactly("hunter2");
    }
}

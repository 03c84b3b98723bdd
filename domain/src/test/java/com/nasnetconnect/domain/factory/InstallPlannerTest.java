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
                ResourceKind.CONTAINER, ResourceKind.ROUTING_TABLE, ResourceKind.ROUTE, ResourceKind.FIREWALL_MANGLE,
                ResourceKind.FIREWALL_FILTER, ResourceKind.FIREWALL_FILTER, ResourceKind.FIREWALL_NAT, ResourceKind.FIREWALL_NAT);
        assertThat(resources(p)).allSatisfy(r -> assertThat(r.field("comment")).isEqualTo("nnc:" + ID));
        assertThat(resources(p)).filteredOn(r -> r.kind() == ResourceKind.ROUTE).extracting(DesiredResource::configuration)
                .containsExactly(
                        Map.of("dstAddress", "0.0.0.0/0", "gateway", "10.99.117.254", "routingTable", "nnc-x-y", "distance", "1", "comment", "nnc:" + ID));
        assertThat(resources(p)).filteredOn(r -> r.kind() == ResourceKind.FIREWALL_FILTER).extracting(r -> r.field("action"))
                .containsExactly("accept", "drop");
        assertThat(p.environments().get(ContainerSpec.Role.GATEWAY)).containsEntry("SOCKS5_ADDR", "10.99.117.250");
        assertThat(p.notApplied()).anySatisfy(n -> assertThat(n).contains("gateway container", "/container/envs"));
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
    }
}

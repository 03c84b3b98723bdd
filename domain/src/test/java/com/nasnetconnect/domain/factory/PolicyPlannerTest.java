package com.nasnetconnect.domain.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.DesiredResource;
import com.nasnetconnect.domain.factory.PolicyPlanner.Carrier;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The objects of a routing policy, as a pure function of the policy id, the instance and the match. */
class PolicyPlannerTest {
    static final String POLICY = "6f1c1a52-2f7e-4d35-9a3c-2f0c5a0e0b11";
    static final ServiceInstance TOR = instance("tor", "usa", "nnc-tor-usa", 101);
    static final ServiceInstance DNS = instance("adguard", "home", "nnc-adg-home", 104);

    static ServiceInstance instance(String template, String name, String iface, int vlan) {
        return new ServiceInstance("0e3c4f5a-1b2c-4d5e-8f90-a1b2c3d4e5f6".substring(0, 33) + vlan, new RouterId("lab"), template, name, iface,
                vlan, "10.99." + vlan + ".0/24", InstanceState.RUNNING, 100, InstanceHealth.unknown(), List.of(), Map.of(), Map.of(),
                Instant.parse("2026-12-02T01:00:00Z"));
    }

    static List<DesiredResource> resources(PolicyPlanner.PlannedPolicy p) {
        return p.changes().stream().map(c -> ((Change.Upsert) c).resource()).toList();
    }

    @Test
    void aSubnetThroughTorIsMarkedForItsTableAcceptedOutOfItsInterfaceAndDroppedElsewhere() {
        var p = PolicyPlanner.plan(POLICY, TOR, Carrier.ROUTED, new PolicyMatch(PolicyMatch.Kind.SUBNET, "192.168.88.0/24"), Optional.empty());

        assertThat(resources(p)).extracting(DesiredResource::kind)
                .containsExactly(ResourceKind.FIREWALL_MANGLE, ResourceKind.FIREWALL_FILTER, ResourceKind.FIREWALL_FILTER);
        assertThat(resources(p).get(0).configuration()).containsExactlyInAnyOrderEntriesOf(Map.of("chain", "prerouting", "action", "mark-routing",
                "srcAddress", "192.168.88.0/24", "newRoutingMark", "nnc-tor-usa", "passthrough", "no", "comment", TOR.tag()));
        assertThat(resources(p).get(1).configuration()).containsExactlyInAnyOrderEntriesOf(Map.of("chain", "forward", "action", "accept",
                "srcAddress", "192.168.88.0/24", "outInterface", "nnc-tor-usa", "comment", TOR.tag()));
        assertThat(resources(p).get(2).configuration()).containsExactlyInAnyOrderEntriesOf(Map.of("chain", "forward", "action", "drop",
                "srcAddress", "192.168.88.0/24", "comment", TOR.tag()));
        assertThat(p.resources()).containsExactly(PolicyPlanner.resourceId(POLICY, "mangle"), PolicyPlanner.resourceId(POLICY, "forward-accept"),
                PolicyPlanner.resourceId(POLICY, "kill-switch-drop"));
        assertThat(resources(p)).extracting(DesiredResource::id).containsExactlyElementsOf(p.resources().stream().map(ResourceId::toString).toList());
    }

    @Test
    void theSamePolicyIdGivesTheSameObjectsAndIdsThatNoInstallUses() {
        var match = new PolicyMatch(PolicyMatch.Kind.INTERFACE, "ether3");
        var once = PolicyPlanner.plan(POLICY, TOR, Carrier.ROUTED, match, Optional.empty());
        assertThat(PolicyPlanner.plan(POLICY, TOR, Carrier.ROUTED, match, Optional.empty())).isEqualTo(once);
        assertThat(once.resources()).doesNotContain(InstallPlanner.resourceId(POLICY, "mangle"));
        assertThat(PolicyPlanner.plan("7a1c1a52-2f7e-4d35-9a3c-2f0c5a0e0b11", TOR, Carrier.ROUTED, match, Optional.empty()).resources())
                .doesNotContainAnyElementsOf(once.resources());
        assertThat(resources(once)).allSatisfy(r -> assertThat(r.configuration()).containsEntry("inInterface", "ether3").doesNotContainKey("srcAddress"));
    }

    @Test
    void aDeviceByMacIsMatchedByTheAddressItLeased() {
        var p = PolicyPlanner.plan(POLICY, TOR, Carrier.ROUTED, new PolicyMatch(PolicyMatch.Kind.MAC, "02:00:00:00:00:0A"),
                Optional.of("192.168.88.23"));
        assertThat(resources(p)).allSatisfy(r -> assertThat(r.configuration()).containsEntry("srcAddress", "192.168.88.23"));
        assertThatThrownBy(() -> PolicyPlanner.plan(POLICY, TOR, Carrier.ROUTED, new PolicyMatch(PolicyMatch.Kind.MAC, "02:00:00:00:00:0A"),
                Optional.empty())).hasMessageContaining("02:00:00:00:00:0A");
    }

    @Test
    void aDomainGetsItsOwnAddressListNamedAfterTheInstanceAndRulesOnThatListAsDestination() {
        var p = PolicyPlanner.plan(POLICY, TOR, Carrier.ROUTED, new PolicyMatch(PolicyMatch.Kind.DOMAIN, "example.com"), Optional.empty());

        assertThat(resources(p)).extracting(DesiredResource::kind).containsExactly(ResourceKind.ADDRESS_LIST_ENTRY,
                ResourceKind.FIREWALL_MANGLE, ResourceKind.FIREWALL_FILTER, ResourceKind.FIREWALL_FILTER);
        assertThat(resources(p).get(0).configuration()).containsExactlyInAnyOrderEntriesOf(Map.of("list", "nnc-tor-usa:example.com",
                "address", "example.com", "comment", TOR.tag()));
        assertThat(resources(p).subList(1, 4)).allSatisfy(r -> assertThat(r.configuration())
                .containsEntry("dstAddressList", "nnc-tor-usa:example.com").doesNotContainKey("srcAddress"));
        String longDomain = "a".repeat(60) + ".example.com";
        assertThat(PolicyPlanner.addressList(TOR, longDomain, POLICY)).startsWith("nnc-tor-usa:").hasSizeLessThanOrEqualTo(64);
    }

    @Test
    void throughADnsServiceTheSourcesDnsIsSentToTheServiceAddress() {
        var p = PolicyPlanner.plan(POLICY, DNS, Carrier.DNS, new PolicyMatch(PolicyMatch.Kind.ADDRESS, "192.168.88.10"), Optional.empty());

        assertThat(resources(p)).extracting(DesiredResource::kind).containsOnly(ResourceKind.FIREWALL_NAT).hasSize(2);
        assertThat(resources(p)).extracting(r -> r.configuration().get("protocol")).containsExactly("udp", "tcp");
        assertThat(resources(p)).allSatisfy(r -> assertThat(r.configuration()).containsEntry("chain", "dstnat").containsEntry("action", "dst-nat")
                .containsEntry("dstPort", "53").containsEntry("srcAddress", "192.168.88.10").containsEntry("toAddresses", "10.99.104.254")
                .containsEntry("comment", DNS.tag()));
        assertThatThrownBy(() -> PolicyPlanner.plan(POLICY, DNS, Carrier.DNS, new PolicyMatch(PolicyMatch.Kind.DOMAIN, "example.com"),
                Optional.empty())).hasMessageContaining("example.com");
    }
}

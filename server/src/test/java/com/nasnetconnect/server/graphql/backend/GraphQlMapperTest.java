package com.nasnetconnect.server.graphql.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.schema.types.BridgeVlanConfig;
import com.nasnetconnect.domain.schema.types.BridgeVlanInput;
import com.nasnetconnect.domain.schema.types.DhcpServerConfig;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.schema.types.VlanConfig;
import com.nasnetconnect.domain.schema.types.VlanInput;
import com.nasnetconnect.domain.state.Fields;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GraphQlMapperTest {
    final GraphQlMapper mapper = new GraphQlMapper();

    @Test
    void anUnreachableRoutersStatusSaysWhenItWasLastSeen() {
        var checked = java.time.Instant.parse("2026-11-25T10:05:00Z");
        var seen = java.time.Instant.parse("2026-11-25T10:02:00Z");
        var id = new com.nasnetconnect.domain.router.RouterId("r1");
        var down = new com.nasnetconnect.domain.router.RouterStatus(id, "Lab", false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("connection refused"), checked, Optional.of(seen));
        var never = new com.nasnetconnect.domain.router.RouterStatus(id, "Lab", false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("connection refused"), checked, Optional.empty());

        assertThat(GraphQlMapper.status(down).getLastSeenAt()).isEqualTo(seen);
        assertThat(GraphQlMapper.status(down).getCheckedAt()).isEqualTo(checked);
        assertThat(GraphQlMapper.status(never).getLastSeenAt()).isNull();
    }

    @Test
    void routerTextIsCoercedToTheConfigurationsTypes() {
        var config = (VlanConfig) mapper.configuration(ResourceKind.VLAN,
                Fields.of("name", "v10", "vlanId", "10", "interface", "ether1", "disabled", "no", "mtu", "auto"));

        assertThat(config.getVlanId()).isEqualTo(10);
        assertThat(config.getDisabled()).isFalse();
        assertThat(config.getMtu()).as("a value the type cannot hold is left out").isNull();
        assertThat(config.getInterface()).isEqualTo("ether1");
    }

    @Test
    void routerOsDurationsBecomeSecondsAndCommaListsBecomeLists() {
        var dhcp = (DhcpServerConfig) mapper.configuration(ResourceKind.DHCP_SERVER,
                Fields.of("name", "d", "interface", "v10", "leaseTime", "1h30m"));
        var vlan = (BridgeVlanConfig) mapper.configuration(ResourceKind.BRIDGE_VLAN,
                Fields.of("bridge", "br1", "vlanIds", "10,20", "tagged", List.of("br1", "ether2"), "unknownField", "x"));

        assertThat(dhcp.getLeaseTime()).isEqualTo(5400);
        assertThat(vlan.getVlanIds()).containsExactly(10, 20);
        assertThat(vlan.getTagged()).containsExactly("br1", "ether2");
    }

    @Test
    void typedInputsBecomeRouterReadyTextWithoutAbsentFields() {
        assertThat(GraphQlMapper.desired(new VlanInput("v10", 10, "ether1", null, true, "")))
                .containsOnly(java.util.Map.entry("name", "v10"), java.util.Map.entry("vlanId", "10"),
                        java.util.Map.entry("interface", "ether1"), java.util.Map.entry("disabled", "yes"),
                        java.util.Map.entry("comment", ""));
        assertThat(GraphQlMapper.desired(new BridgeVlanInput("br1", List.of(10, 20), List.of("br1"), null, null, null)))
                .containsEntry("vlanIds", "10,20").containsEntry("tagged", "br1").doesNotContainKey("untagged");
    }

    @Test
    void cursorsRoundTripAndABadOneIsRefusedNamingIt() {
        assertThat(Cursors.event(Cursors.event(42))).isEqualTo(42);
        var p = Cursors.resource(Cursors.resource(Optional.of("abc:1"), 3));
        assertThat(p.base()).contains("abc:1");
        assertThat(p.skip()).isEqualTo(3);
        assertThatThrownBy(() -> Cursors.event("nope!")).hasMessageContaining("'nope!'");
        assertThatThrownBy(() -> Cursors.resource(Cursors.event(1))).hasMessageContaining("not a valid resource cursor");
    }

    @Test
    void planInputFieldNamesFollowTheSchemaConvention() {
        assertThat(GraphQlMapper.planInputField(ResourceKind.WIREGUARD_PEER)).isEqualTo("wireguardPeer");
        assertThat(GraphQlMapper.planInputField(ResourceKind.VLAN)).isEqualTo("vlan");
        assertThat(GraphQlMapper.planInputField(ResourceKind.ADDRESS_LIST_ENTRY)).isEqualTo("addressListEntry");
    }
}

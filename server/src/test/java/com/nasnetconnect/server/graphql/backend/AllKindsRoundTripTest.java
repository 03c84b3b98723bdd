package com.nasnetconnect.server.graphql.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.server.graphql.SchemaDirectives;
import graphql.language.ObjectTypeDefinition;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One plan with every resource kind the simulated router offers goes through GraphQL, apply-confirm-merge and the
 * simulator, and every field sent comes back from {@code resources} in the kind's typed configuration.
 */
@Timeout(90)
class AllKindsRoundTripTest {
    @TempDir Path dir;

    /** The typed input of each kind, in an order that does not respect dependencies (the plan orders them). */
    static final Map<ResourceKind, String> INPUTS = new LinkedHashMap<>();

    static {
        INPUTS.put(ResourceKind.FIREWALL_FILTER, "{chain: \"forward\", action: \"accept\", srcAddressList: \"trusted\", connectionState: [\"established\", \"related\"], comment: \"ok\"}");
        INPUTS.put(ResourceKind.FIREWALL_NAT, "{chain: \"srcnat\", action: \"masquerade\", outInterface: \"ether1\"}");
        INPUTS.put(ResourceKind.FIREWALL_MANGLE, "{chain: \"prerouting\", action: \"mark-routing\", newRoutingMark: \"vpn\", passthrough: false}");
        INPUTS.put(ResourceKind.ADDRESS_LIST_ENTRY, "{list: \"trusted\", address: \"10.0.30.5\"}");
        INPUTS.put(ResourceKind.ROUTE, "{dstAddress: \"10.8.0.0/16\", gateway: \"10.0.30.254\", routingTable: \"vpn\", distance: 5}");
        INPUTS.put(ResourceKind.ROUTING_TABLE, "{name: \"vpn\", fib: true}");
        INPUTS.put(ResourceKind.WIREGUARD_PEER, "{interface: \"wg0\", publicKey: \"xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=\", allowedAddress: [\"10.9.0.2/32\"], persistentKeepalive: 25}");
        INPUTS.put(ResourceKind.WIREGUARD_INTERFACE, "{name: \"wg0\", listenPort: 51820}");
        INPUTS.put(ResourceKind.DHCP_SERVER, "{name: \"dhcp30\", interface: \"v30\", addressPool: \"pool30\", leaseTime: 3600}");
        INPUTS.put(ResourceKind.DHCP_NETWORK, "{address: \"10.0.30.0/24\", gateway: \"10.0.30.1\", dnsServers: [\"10.0.30.1\"]}");
        INPUTS.put(ResourceKind.DHCP_CLIENT, "{interface: \"ether3\", usePeerDns: true}");
        INPUTS.put(ResourceKind.IP_POOL, "{name: \"pool30\", ranges: [\"10.0.30.100-10.0.30.200\"]}");
        INPUTS.put(ResourceKind.IP_ADDRESS, "{address: \"10.0.30.1/24\", interface: \"v30\"}");
        INPUTS.put(ResourceKind.VLAN, "{name: \"v30\", vlanId: 30, interface: \"br1\", mtu: 1500}");
        INPUTS.put(ResourceKind.BRIDGE_VLAN, "{bridge: \"br1\", vlanIds: [30, 31], tagged: [\"br1\"]}");
        INPUTS.put(ResourceKind.BRIDGE_PORT, "{bridge: \"br1\", interface: \"ether2\", pvid: 30}");
        INPUTS.put(ResourceKind.BRIDGE, "{name: \"br1\", vlanFiltering: true}");
        INPUTS.put(ResourceKind.VETH, "{name: \"veth1\", address: [\"172.17.0.2/24\"], gateway: \"172.17.0.1\"}");
    }

    @Test
    void everyKindIsAppliedConfirmedAndReadBackWithTheFieldsSent() throws Exception {
        SchemaDirectives schema = SchemaDirectives.fromClasspath();
        try (var rig = new BackendRig(dir)) {
            String router = rig.addSimRouter();
            String changes = INPUTS.entrySet().stream().map(e -> "{op: CREATE, kind: " + e.getKey() + ", "
                    + GraphQlMapper.planInputField(e.getKey()) + ": " + e.getValue() + "}").collect(Collectors.joining(",\n"));
            JsonNode applied = rig.graphql("operator-key", "mutation($r: ID!) { applyPlan(routerId: $r, changes: [" + changes
                    + "]) { resources { uuid kind deployment { nativeId } } userErrors { field message value } } }", "r", router)
                    .at("/data/applyPlan");
            assertThat(applied.get("userErrors")).as(applied.toString()).isEmpty();
            assertThat(applied.get("resources")).hasSize(INPUTS.size());

            StringBuilder fragments = new StringBuilder();
            for (ResourceKind kind : INPUTS.keySet()) {
                String type = SchemaDirectives.typeName(kind);
                var config = schema.registry().getType(type + "Config", ObjectTypeDefinition.class).orElseThrow();
                fragments.append(" ... on ").append(type).append(" { ").append(type).append(": configuration { ")
                        .append(config.getFieldDefinitions().stream().map(f -> f.getName()).collect(Collectors.joining(" ")))
                        .append(" } }");
            }
            JsonNode listed = rig.graphql("viewer-key", "query($r: ID!) { resources(routerId: $r, first: 20) { totalCount edges { node { uuid kind "
                    + "validation { canApply } deployment { nativeId }" + fragments + " } } } }", "r", router);
            assertThat(listed.path("errors").isMissingNode()).as(listed.toString()).isTrue();
            JsonNode edges = listed.at("/data/resources/edges");
            assertThat(edges).hasSize(INPUTS.size());
            for (JsonNode edge : edges) {
                JsonNode node = edge.get("node");
                ResourceKind kind = ResourceKind.valueOf(node.get("kind").asString());
                assertThat(node.at("/deployment/nativeId").asString()).as(kind + " nativeId").startsWith("*");
                assertThat(node.at("/validation/canApply").asBoolean()).as(kind + " canApply").isTrue();
                ObjectNode sent = (ObjectNode) BackendRig.JSON.readTree(json(INPUTS.get(kind)));
                sent.properties().forEach(f -> assertThat(node.at("/" + SchemaDirectives.typeName(kind) + "/" + f.getKey()))
                        .as(kind + "." + f.getKey()).isEqualTo(f.getValue()));
            }
        }
    }

    /** The GraphQL object literals above as JSON (quote the keys). */
    private static String json(String graphQlObject) {
        return graphQlObject.replaceAll("([{,]\\s*)([A-Za-z]+):", "$1\"$2\":");
    }
}

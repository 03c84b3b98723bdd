package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.schema.types.ResourceKind.*;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The table of {@link ResourceKindSpec}s for every {@link ResourceKind}, plus the {@link FieldMapping} that
 * translates their fields. Immutable.
 */
public final class ResourceKindSpecs {

    /** Kinds whose name lives in {@code /interface}: anything that can be an interface reference target. */
    static final Set<ResourceKind> INTERFACES = Set.of(VLAN, BRIDGE, WIREGUARD_INTERFACE, VETH);

    private final Map<ResourceKind, ResourceKindSpec> specs = new EnumMap<>(ResourceKind.class);
    private final FieldMapping mapping;

    private ResourceKindSpecs(FieldMapping mapping, List<ResourceKindSpec> all) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        all.forEach(s -> specs.put(s.kind(), s));
        for (ResourceKind k : ResourceKind.values()) {
            if (!specs.containsKey(k)) throw new IllegalStateException("no spec for resource kind " + k);
        }
    }

    /** The built-in table with the field mapping generated from the schema's {@code @mikrotik} directives. */
    public static ResourceKindSpecs defaults() {
        return defaults(com.nasnetconnect.domain.schema.SchemaFieldMapping.generated());
    }

    /** The built-in table with another field mapping. */
    public static ResourceKindSpecs defaults(FieldMapping mapping) {
        Reference iface = new Reference("interface", INTERFACES, "name", Optional.of("/interface"), Set.of());
        var ruleFields = List.of("chain", "action", "protocol", "srcAddress", "dstAddress", "dstPort", "inInterface",
                "outInterface", "srcAddressList", "dstAddressList", "connectionState", "comment");
        var ruleRefs = List.of(
                new Reference("inInterface", INTERFACES, "name", Optional.of("/interface"), Set.of()),
                new Reference("outInterface", INTERFACES, "name", Optional.of("/interface"), Set.of()),
                new Reference("srcAddressList", Set.of(ADDRESS_LIST_ENTRY), "list", Optional.of("/ip/firewall/address-list"), Set.of()),
                new Reference("dstAddressList", Set.of(ADDRESS_LIST_ENTRY), "list", Optional.of("/ip/firewall/address-list"), Set.of()));
        return new ResourceKindSpecs(mapping, List.of(
                new ResourceKindSpec(BRIDGE, "/interface/bridge", List.of("name"), List.of("name"), List.of("name"),
                        List.of(), Set.of("mac-address"), Optional.empty(), 10),
                new ResourceKindSpec(VLAN, "/interface/vlan", List.of("name"), List.of("name", "vlanId", "interface"),
                        List.of("name"), List.of(iface), Set.of("mac-address"), Optional.empty(), 20),
                new ResourceKindSpec(WIREGUARD_INTERFACE, "/interface/wireguard", List.of("name"), List.of("name"),
                        List.of("name"), List.of(), Set.of("public-key"), Optional.empty(), 20),
                new ResourceKindSpec(VETH, "/interface/veth", List.of("name"), List.of("name", "address"), List.of("name"),
                        List.of(), Set.of(), Optional.of("container"), 20),
                new ResourceKindSpec(BRIDGE_PORT, "/interface/bridge/port", List.of("interface"),
                        List.of("bridge", "interface"), List.of("interface"),
                        List.of(new Reference("bridge", Set.of(BRIDGE), "name", Optional.of("/interface/bridge"), Set.of()), iface),
                        Set.of(), Optional.empty(), 30),
                new ResourceKindSpec(BRIDGE_VLAN, "/interface/bridge/vlan", List.of("bridge", "vlanIds"),
                        List.of("bridge", "vlanIds"), List.of(),
                        List.of(new Reference("bridge", Set.of(BRIDGE), "name", Optional.of("/interface/bridge"), Set.of())),
                        Set.of(), Optional.empty(), 30),
                new ResourceKindSpec(WIREGUARD_PEER, "/interface/wireguard/peers", List.of("interface", "publicKey"),
                        List.of("interface", "publicKey"), List.of(),
                        List.of(new Reference("interface", Set.of(WIREGUARD_INTERFACE), "name", Optional.of("/interface/wireguard"), Set.of())),
                        Set.of(), Optional.empty(), 30),
                new ResourceKindSpec(IP_ADDRESS, "/ip/address", List.of("address", "interface"),
                        List.of("address", "interface"), List.of(), List.of(iface), Set.of("network"), Optional.empty(), 40),
                new ResourceKindSpec(IP_POOL, "/ip/pool", List.of("name"), List.of("name", "ranges"), List.of("name"),
                        List.of(), Set.of(), Optional.empty(), 40),
                new ResourceKindSpec(DHCP_SERVER, "/ip/dhcp-server", List.of("name"), List.of("name", "interface"),
                        List.of("name", "interface"),
                        List.of(iface, new Reference("addressPool", Set.of(IP_POOL), "name", Optional.of("/ip/pool"),
                                Set.of("static-only"))), Set.of(), Optional.empty(), 50),
                new ResourceKindSpec(DHCP_NETWORK, "/ip/dhcp-server/network", List.of("address"), List.of("address"),
                        List.of("address"), List.of(), Set.of(), Optional.empty(), 50),
                new ResourceKindSpec(DHCP_CLIENT, "/ip/dhcp-client", List.of("interface"), List.of("interface"),
                        List.of("interface"), List.of(iface), Set.of(), Optional.empty(), 50),
                new ResourceKindSpec(ROUTING_TABLE, "/routing/table", List.of("name"), List.of("name"), List.of("name"),
                        List.of(), Set.of(), Optional.empty(), 40),
                new ResourceKindSpec(ROUTE, "/ip/route", List.of("dstAddress", "gateway", "routingTable"),
                        List.of("dstAddress", "gateway"), List.of(),
                        List.of(new Reference("routingTable", Set.of(ROUTING_TABLE), "name", Optional.of("/routing/table"),
                                Set.of("main"))), Set.of(), Optional.empty(), 60),
                new ResourceKindSpec(ADDRESS_LIST_ENTRY, "/ip/firewall/address-list", List.of("list", "address"),
                        List.of("list", "address"), List.of(), List.of(), Set.of(), Optional.empty(), 60),
                new ResourceKindSpec(FIREWALL_FILTER, "/ip/firewall/filter", ruleFields, List.of("chain", "action"),
                        List.of(), ruleRefs, Set.of(), Optional.empty(), 70),
                new ResourceKindSpec(FIREWALL_NAT, "/ip/firewall/nat", ruleFields, List.of("chain", "action"),
                        List.of(), ruleRefs, Set.of(), Optional.empty(), 70),
                new ResourceKindSpec(FIREWALL_MANGLE, "/ip/firewall/mangle", ruleFields, List.of("chain", "action"),
                        List.of(), ruleRefs, Set.of(), Optional.empty(), 70),
                new ResourceKindSpec(CONTAINER, "/container", List.of("interface"), List.of("remoteImage", "interface"),
                        List.of("interface"),
                        List.of(new Reference("interface", Set.of(VETH), "name", Optional.of("/interface/veth"), Set.of())),
                        Set.of("status"), Optional.of("container"), 80)));
    }

    public ResourceKindSpec spec(ResourceKind kind) {
        return specs.get(Objects.requireNonNull(kind, "kind"));
    }

    public FieldMapping mapping() {
        return mapping;
    }

    /** Translates a domain configuration into RouterOS attributes; unknown fields throw naming the field. */
    public Map<String, String> toRouter(ResourceKind kind, Map<String, String> configuration) {
        var out = new java.util.LinkedHashMap<String, String>();
        configuration.forEach((field, value) -> out.put(mapping.attribute(kind, field), value));
        return out;
    }

    /**
     * What the deployment layer keeps of a router row: mapped domain fields, with secret ones (private keys,
     * preshared keys) replaced by {@link #fingerprint} so no secret is stored, yet drift on them still shows.
     */
    public Map<String, String> confirmedFromRouter(ResourceKind kind, Map<String, String> row) {
        var out = fromRouter(kind, row);
        for (FieldBinding b : mapping.bindings(kind)) {
            if (b.secret() && out.containsKey(b.domainField())) out.put(b.domainField(), fingerprint(out.get(b.domainField())));
        }
        return out;
    }

    /** {@code sha256:} and the first 16 hex digits of the value's SHA-256: identifies a secret without holding it. */
    public static String fingerprint(String secret) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(d, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Translates a router row into domain fields: mapped attributes only, in mapping order. */
    public Map<String, String> fromRouter(ResourceKind kind, Map<String, String> row) {
        var out = new java.util.LinkedHashMap<String, String>();
        for (FieldBinding b : mapping.bindings(kind)) {
            String v = row.get(b.routerAttribute());
            if (v != null) out.put(b.domainField(), v);
        }
        return out;
    }
}

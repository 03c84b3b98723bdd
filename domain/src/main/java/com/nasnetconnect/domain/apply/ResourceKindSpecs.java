package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.schema.types.ResourceKind.*;

import com.nasnetconnect.domain.schema.types.Configuration.AddressListEntry;
import com.nasnetconnect.domain.schema.types.Configuration.Bridge;
import com.nasnetconnect.domain.schema.types.Configuration.BridgePort;
import com.nasnetconnect.domain.schema.types.Configuration.BridgeVlan;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.schema.types.Configuration.Container;
import com.nasnetconnect.domain.schema.types.Configuration.ContainerEnv;
import com.nasnetconnect.domain.schema.types.Configuration.ContainerMount;
import com.nasnetconnect.domain.schema.types.Configuration.DhcpClient;
import com.nasnetconnect.domain.schema.types.Configuration.DhcpNetwork;
import com.nasnetconnect.domain.schema.types.Configuration.DhcpServer;
import com.nasnetconnect.domain.schema.types.Configuration.FirewallFilter;
import com.nasnetconnect.domain.schema.types.Configuration.FirewallMangle;
import com.nasnetconnect.domain.schema.types.Configuration.FirewallNat;
import com.nasnetconnect.domain.schema.types.Configuration.IpAddress;
import com.nasnetconnect.domain.schema.types.Configuration.IpPool;
import com.nasnetconnect.domain.schema.types.Configuration.Route;
import com.nasnetconnect.domain.schema.types.Configuration.RoutingRule;
import com.nasnetconnect.domain.schema.types.Configuration.RoutingTable;
import com.nasnetconnect.domain.schema.types.Configuration.Veth;
import com.nasnetconnect.domain.schema.types.Configuration.Vlan;
import com.nasnetconnect.domain.schema.types.Configuration.WireguardInterface;
import com.nasnetconnect.domain.schema.types.Configuration.WireguardPeer;
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
    private final Map<FieldMapping, ResourceKindSpecs> versions = new java.util.concurrent.ConcurrentHashMap<>();

    private ResourceKindSpecs(FieldMapping mapping, java.util.Collection<ResourceKindSpec> all) {
        this.mapping = Objects.requireNonNull(mapping, "mapping");
        all.forEach(s -> specs.put(s.kind(), s));
        for (ResourceKind k : ResourceKind.values()) {
            if (!specs.containsKey(k)) throw new IllegalStateException("no spec for resource kind " + k);
        }
    }

    /** The built-in table with the field mapping generated from the schema's {@code @mikrotik} directives. */
    public static ResourceKindSpecs defaults() {
        return defaults(com.nasnetconnect.domain.apply.SchemaFieldMapping.generated());
    }

    /** The built-in table with another field mapping. */
    public static ResourceKindSpecs defaults(FieldMapping mapping) {
        // Field names are the generated configuration's constants: a field the schema loses breaks compilation here.
        Reference iface = new Reference(Vlan.INTERFACE, INTERFACES, "name", Optional.of("/interface"), Set.of());
        Reference inIface = new Reference(FirewallFilter.IN_INTERFACE, INTERFACES, "name", Optional.of("/interface"), Set.of());
        Reference outIface = new Reference(FirewallFilter.OUT_INTERFACE, INTERFACES, "name", Optional.of("/interface"), Set.of());
        Reference srcList = new Reference(FirewallFilter.SRC_ADDRESS_LIST, Set.of(ADDRESS_LIST_ENTRY), AddressListEntry.LIST,
                Optional.of("/ip/firewall/address-list"), Set.of());
        Reference dstList = new Reference(FirewallFilter.DST_ADDRESS_LIST, Set.of(ADDRESS_LIST_ENTRY), AddressListEntry.LIST,
                Optional.of("/ip/firewall/address-list"), Set.of());
        Reference bridge = new Reference(BridgePort.BRIDGE, Set.of(BRIDGE), Bridge.NAME, Optional.of("/interface/bridge"), Set.of());
        // a rule is identified by its matchers and comment (the fields of each kind that the schema has)
        var filterIdentity = List.of(FirewallFilter.CHAIN, FirewallFilter.ACTION, FirewallFilter.PROTOCOL,
                FirewallFilter.SRC_ADDRESS, FirewallFilter.DST_ADDRESS, FirewallFilter.DST_PORT, FirewallFilter.IN_INTERFACE,
                FirewallFilter.OUT_INTERFACE, FirewallFilter.SRC_ADDRESS_LIST, FirewallFilter.DST_ADDRESS_LIST,
                FirewallFilter.CONNECTION_STATE, FirewallFilter.COMMENT);
        var natIdentity = List.of(FirewallNat.CHAIN, FirewallNat.ACTION, FirewallNat.PROTOCOL, FirewallNat.SRC_ADDRESS,
                FirewallNat.DST_ADDRESS, FirewallNat.DST_PORT, FirewallNat.IN_INTERFACE, FirewallNat.OUT_INTERFACE,
                FirewallNat.SRC_ADDRESS_LIST, FirewallNat.DST_ADDRESS_LIST, FirewallNat.COMMENT);
        var ruleIdentity = List.of(RoutingRule.SRC_ADDRESS, RoutingRule.DST_ADDRESS, RoutingRule.INTERFACE, RoutingRule.ACTION,
                RoutingRule.TABLE, RoutingRule.COMMENT);
        var mangleIdentity = List.of(FirewallMangle.CHAIN, FirewallMangle.ACTION, FirewallMangle.PROTOCOL, FirewallMangle.SRC_ADDRESS,
                FirewallMangle.DST_ADDRESS, FirewallMangle.DST_PORT, FirewallMangle.IN_INTERFACE, FirewallMangle.OUT_INTERFACE,
                FirewallMangle.SRC_ADDRESS_LIST, FirewallMangle.DST_ADDRESS_LIST, FirewallMangle.SRC_MAC_ADDRESS, FirewallMangle.COMMENT);
        return new ResourceKindSpecs(mapping, List.of(
                new ResourceKindSpec(BRIDGE, "/interface/bridge", List.of(Bridge.NAME), List.of(Bridge.NAME), List.of(Bridge.NAME),
                        List.of(), Set.of("mac-address"), Optional.empty(), 10),
                new ResourceKindSpec(VLAN, "/interface/vlan", List.of(Vlan.NAME), List.of(Vlan.NAME, Vlan.VLAN_ID, Vlan.INTERFACE),
                        List.of(Vlan.NAME), List.of(iface), Set.of("mac-address"), Optional.empty(), 20),
                new ResourceKindSpec(WIREGUARD_INTERFACE, "/interface/wireguard", List.of(WireguardInterface.NAME),
                        List.of(WireguardInterface.NAME), List.of(WireguardInterface.NAME), List.of(), Set.of("public-key"),
                        Optional.empty(), 20),
                new ResourceKindSpec(VETH, "/interface/veth", List.of(Veth.NAME), List.of(Veth.NAME, Veth.ADDRESS), List.of(Veth.NAME),
                        List.of(), Set.of(), Optional.of("container"), 20),
                new ResourceKindSpec(BRIDGE_PORT, "/interface/bridge/port", List.of(BridgePort.INTERFACE),
                        List.of(BridgePort.BRIDGE, BridgePort.INTERFACE), List.of(BridgePort.INTERFACE),
                        List.of(bridge, iface), Set.of(), Optional.empty(), 30),
                new ResourceKindSpec(BRIDGE_VLAN, "/interface/bridge/vlan", List.of(BridgeVlan.BRIDGE, BridgeVlan.VLAN_IDS),
                        List.of(BridgeVlan.BRIDGE, BridgeVlan.VLAN_IDS), List.of(), List.of(bridge), Set.of(), Optional.empty(), 30),
                new ResourceKindSpec(WIREGUARD_PEER, "/interface/wireguard/peers", List.of(WireguardPeer.INTERFACE, WireguardPeer.PUBLIC_KEY),
                        List.of(WireguardPeer.INTERFACE, WireguardPeer.PUBLIC_KEY), List.of(),
                        List.of(new Reference(WireguardPeer.INTERFACE, Set.of(WIREGUARD_INTERFACE), WireguardInterface.NAME,
                                Optional.of("/interface/wireguard"), Set.of())),
                        Set.of(), Optional.empty(), 30),
                new ResourceKindSpec(IP_ADDRESS, "/ip/address", List.of(IpAddress.ADDRESS, IpAddress.INTERFACE),
                        List.of(IpAddress.ADDRESS, IpAddress.INTERFACE), List.of(), List.of(iface), Set.of("network"), Optional.empty(), 40),
                new ResourceKindSpec(IP_POOL, "/ip/pool", List.of(IpPool.NAME), List.of(IpPool.NAME, IpPool.RANGES), List.of(IpPool.NAME),
                        List.of(), Set.of(), Optional.empty(), 40),
                new ResourceKindSpec(DHCP_SERVER, "/ip/dhcp-server", List.of(DhcpServer.NAME), List.of(DhcpServer.NAME, DhcpServer.INTERFACE),
                        List.of(DhcpServer.NAME, DhcpServer.INTERFACE),
                        List.of(iface, new Reference(DhcpServer.ADDRESS_POOL, Set.of(IP_POOL), IpPool.NAME, Optional.of("/ip/pool"),
                                Set.of("static-only"))), Set.of(), Optional.empty(), 50),
                new ResourceKindSpec(DHCP_NETWORK, "/ip/dhcp-server/network", List.of(DhcpNetwork.ADDRESS), List.of(DhcpNetwork.ADDRESS),
                        List.of(DhcpNetwork.ADDRESS), List.of(), Set.of(), Optional.empty(), 50),
                new ResourceKindSpec(DHCP_CLIENT, "/ip/dhcp-client", List.of(DhcpClient.INTERFACE), List.of(DhcpClient.INTERFACE),
                        List.of(DhcpClient.INTERFACE), List.of(iface), Set.of(), Optional.empty(), 50),
                new ResourceKindSpec(ROUTING_TABLE, "/routing/table", List.of(RoutingTable.NAME), List.of(RoutingTable.NAME),
                        List.of(RoutingTable.NAME), List.of(), Set.of(), Optional.empty(), 40),
                // a gateway or blackhole=yes: BasicSchemaRules checks that one of them is there
                new ResourceKindSpec(ROUTE, "/ip/route", List.of(Route.DST_ADDRESS, Route.GATEWAY, Route.ROUTING_TABLE),
                        List.of(Route.DST_ADDRESS), List.of(),
                        List.of(new Reference(Route.ROUTING_TABLE, Set.of(ROUTING_TABLE), RoutingTable.NAME, Optional.of("/routing/table"),
                                Set.of("main"))), Set.of(), Optional.empty(), 60),
                new ResourceKindSpec(ROUTING_RULE, "/routing/rule", ruleIdentity, List.of(RoutingRule.ACTION), List.of(),
                        List.of(new Reference(RoutingRule.INTERFACE, INTERFACES, "name", Optional.of("/interface"), Set.of()),
                                new Reference(RoutingRule.TABLE, Set.of(ROUTING_TABLE), RoutingTable.NAME, Optional.of("/routing/table"),
                                        Set.of("main"))), Set.of(), Optional.empty(), 65),
                new ResourceKindSpec(ADDRESS_LIST_ENTRY, "/ip/firewall/address-list", List.of(AddressListEntry.LIST, AddressListEntry.ADDRESS),
                        List.of(AddressListEntry.LIST, AddressListEntry.ADDRESS), List.of(), List.of(), Set.of(), Optional.empty(), 60),
                new ResourceKindSpec(FIREWALL_FILTER, "/ip/firewall/filter", filterIdentity,
                        List.of(FirewallFilter.CHAIN, FirewallFilter.ACTION), List.of(), List.of(inIface, outIface, srcList, dstList),
                        Set.of(), Optional.empty(), 70),
                new ResourceKindSpec(FIREWALL_NAT, "/ip/firewall/nat", natIdentity, List.of(FirewallNat.CHAIN, FirewallNat.ACTION),
                        List.of(), List.of(inIface, outIface, srcList, dstList), Set.of(), Optional.empty(), 70),
                new ResourceKindSpec(FIREWALL_MANGLE, "/ip/firewall/mangle", mangleIdentity,
                        List.of(FirewallMangle.CHAIN, FirewallMangle.ACTION), List.of(), List.of(inIface, outIface, srcList, dstList),
                        Set.of(), Optional.empty(), 70),
                new ResourceKindSpec(CONTAINER_ENV, "/container/envs", List.of(ContainerEnv.LIST, ContainerEnv.KEY),
                        List.of(ContainerEnv.LIST, ContainerEnv.KEY), List.of(), List.of(), Set.of(), Optional.of("container"), 75),
                new ResourceKindSpec(CONTAINER_MOUNT, "/container/mounts", List.of(ContainerMount.LIST, ContainerMount.DST),
                        List.of(ContainerMount.LIST, ContainerMount.SRC, ContainerMount.DST), List.of(), List.of(), Set.of(),
                        Optional.of("container"), 75),
                new ResourceKindSpec(CONTAINER, "/container", List.of(Container.INTERFACE), List.of(Container.REMOTE_IMAGE, Container.INTERFACE),
                        List.of(Container.INTERFACE),
                        List.of(new Reference(Container.INTERFACE, Set.of(VETH), Veth.NAME, Optional.of("/interface/veth"), Set.of()),
                                new Reference(Container.ENVLIST, Set.of(CONTAINER_ENV), ContainerEnv.LIST, Optional.of("/container/envs"), Set.of()),
                                new Reference(Container.MOUNTS, Set.of(CONTAINER_MOUNT), ContainerMount.LIST, Optional.of("/container/mounts"), Set.of())),
                        Set.of("status"), Optional.of("container"), 80)));
    }

    /**
     * This table as a router of this platform names its attributes: the field mapping of its RouterOS version
     * ({@link FieldMapping#on}), the same specs. Use it wherever attributes meet the router: commands written,
     * rows read back, adopted or checked for drift.
     */
    public ResourceKindSpecs on(PlatformInfo platform) {
        return on(platform.version());
    }

    /** As {@link #on(PlatformInfo)} for a RouterOS version, e.g. {@code 7.16.2}; this table when nothing differs. */
    public ResourceKindSpecs on(String routerVersion) {
        FieldMapping m = mapping.on(routerVersion);
        if (m == mapping) return this;
        return versions.computeIfAbsent(m, x -> new ResourceKindSpecs(x, specs.values()));
    }

    /** Whether some attribute of this kind has another name on older RouterOS versions (so reads need the version). */
    public boolean versionDependent(ResourceKind kind) {
        return !mapping.on("0.0").bindings(kind).equals(mapping.bindings(kind));
    }

    /**
     * The router attribute of a reference's target field, e.g. {@code name} for an interface, {@code list} (or
     * {@code name} on 7.16) for an env list; the field's own name when no target kind maps it.
     */
    String targetAttribute(Reference ref) {
        for (ResourceKind k : ref.targets()) {
            var b = mapping.byDomainField(k, ref.targetField());
            if (b.isPresent()) return b.get().routerAttribute();
        }
        return ref.targetField();
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

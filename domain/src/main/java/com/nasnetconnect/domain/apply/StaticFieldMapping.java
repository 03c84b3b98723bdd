package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.FieldBinding.of;

import com.nasnetconnect.domain.state.ResourceKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in domain-field to RouterOS-attribute table (RouterOS 7 attribute names), kept equal to (a superset
 * of) the {@code @mikrotik(field:)} directives of {@code schema.graphql}. Temporary: a mapping read from those
 * directives is meant to replace it behind {@link FieldMapping}.
 */
public final class StaticFieldMapping implements FieldMapping {

    private final Map<ResourceKind, List<FieldBinding>> table = new EnumMap<>(ResourceKind.class);

    public StaticFieldMapping() {
        var comment = of("comment", "comment");
        var disabled = of("disabled", "disabled");
        table.put(ResourceKind.VLAN, List.of(of("name", "name"), of("vlanId", "vlan-id"), of("interface", "interface"),
                of("mtu", "mtu"), comment, disabled));
        table.put(ResourceKind.BRIDGE, List.of(of("name", "name"), of("vlanFiltering", "vlan-filtering"), of("pvid", "pvid"),
                of("protocolMode", "protocol-mode"), of("mtu", "mtu"), comment, disabled));
        table.put(ResourceKind.BRIDGE_PORT, List.of(of("bridge", "bridge"), of("interface", "interface"),
                of("pvid", "pvid"), of("frameTypes", "frame-types"), comment, disabled));
        table.put(ResourceKind.BRIDGE_VLAN, List.of(of("bridge", "bridge"), of("vlanIds", "vlan-ids"),
                of("tagged", "tagged"), of("untagged", "untagged"), comment, disabled));
        table.put(ResourceKind.IP_ADDRESS, List.of(of("address", "address"), of("interface", "interface"),
                of("network", "network"), comment, disabled));
        table.put(ResourceKind.IP_POOL, List.of(of("name", "name"), of("ranges", "ranges"), of("nextPool", "next-pool"),
                comment));
        table.put(ResourceKind.DHCP_SERVER, List.of(of("name", "name"), of("interface", "interface"),
                of("addressPool", "address-pool"), of("leaseTime", "lease-time"), of("authoritative", "authoritative"),
                comment, disabled));
        table.put(ResourceKind.DHCP_NETWORK, List.of(of("address", "address"), of("gateway", "gateway"),
                of("dnsServers", "dns-server"), of("domain", "domain"), of("ntpServers", "ntp-server"), comment));
        table.put(ResourceKind.DHCP_CLIENT, List.of(of("interface", "interface"),
                of("addDefaultRoute", "add-default-route"), of("defaultRouteDistance", "default-route-distance"),
                of("usePeerDns", "use-peer-dns"), of("usePeerNtp", "use-peer-ntp"), comment, disabled));
        table.put(ResourceKind.WIREGUARD_INTERFACE, List.of(of("name", "name"), of("listenPort", "listen-port"),
                new FieldBinding("privateKey", "private-key", true), of("mtu", "mtu"), comment, disabled));
        table.put(ResourceKind.WIREGUARD_PEER, List.of(of("interface", "interface"), of("publicKey", "public-key"),
                of("allowedAddress", "allowed-address"), of("endpointAddress", "endpoint-address"),
                of("endpointPort", "endpoint-port"), of("persistentKeepalive", "persistent-keepalive"),
                new FieldBinding("presharedKey", "preshared-key", true), comment, disabled));
        table.put(ResourceKind.ROUTING_TABLE, List.of(of("name", "name"), of("fib", "fib"), comment, disabled));
        table.put(ResourceKind.ROUTE, List.of(of("dstAddress", "dst-address"), of("gateway", "gateway"),
                of("routingTable", "routing-table"), of("distance", "distance"), of("blackhole", "blackhole"), comment, disabled));
        var rule = List.of(of("chain", "chain"), of("action", "action"), of("protocol", "protocol"),
                of("srcAddress", "src-address"), of("dstAddress", "dst-address"), of("dstPort", "dst-port"),
                of("inInterface", "in-interface"), of("outInterface", "out-interface"),
                of("srcAddressList", "src-address-list"), of("dstAddressList", "dst-address-list"),
                of("connectionState", "connection-state"));
        table.put(ResourceKind.FIREWALL_FILTER, concat(rule, List.of(of("jumpTarget", "jump-target"), of("log", "log"),
                comment, disabled)));
        table.put(ResourceKind.FIREWALL_NAT, concat(rule, List.of(of("toAddresses", "to-addresses"),
                of("toPorts", "to-ports"), comment, disabled)));
        table.put(ResourceKind.FIREWALL_MANGLE, concat(rule, List.of(of("newConnectionMark", "new-connection-mark"),
                of("newPacketMark", "new-packet-mark"), of("newRoutingMark", "new-routing-mark"),
                of("passthrough", "passthrough"), comment, disabled)));
        table.put(ResourceKind.ADDRESS_LIST_ENTRY, List.of(of("list", "list"), of("address", "address"),
                of("timeout", "timeout"), comment, disabled));
        table.put(ResourceKind.VETH, List.of(of("name", "name"), of("address", "address"), of("gateway", "gateway"),
                comment, disabled));
        table.put(ResourceKind.CONTAINER, List.of(of("name", "name"), of("remoteImage", "remote-image"),
                of("interface", "interface"), of("rootDir", "root-dir"), of("cmd", "cmd"), of("hostname", "hostname"),
                of("startOnBoot", "start-on-boot"),
                of("logging", "logging"), comment));
    }

    @Override
    public List<FieldBinding> bindings(ResourceKind kind) {
        return table.getOrDefault(kind, List.of());
    }

    private static List<FieldBinding> concat(List<FieldBinding> a, List<FieldBinding> b) {
        var all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}

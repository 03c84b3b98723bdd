package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.FieldBinding.of;

import com.nasnetconnect.domain.state.ResourceKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in domain-field to RouterOS-attribute table (RouterOS 7 attribute names). Temporary: the schema's
 * {@code @mikrotik} directives are meant to replace it behind {@link FieldMapping}.
 */
public final class StaticFieldMapping implements FieldMapping {

    private final Map<ResourceKind, List<FieldBinding>> table = new EnumMap<>(ResourceKind.class);

    public StaticFieldMapping() {
        var comment = of("comment", "comment");
        var disabled = of("disabled", "disabled");
        table.put(ResourceKind.VLAN, List.of(of("name", "name"), of("vlanId", "vlan-id"), of("interface", "interface"),
                of("mtu", "mtu"), comment, disabled));
        table.put(ResourceKind.BRIDGE, List.of(of("name", "name"), of("vlanFiltering", "vlan-filtering"),
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
                of("addressPool", "address-pool"), of("leaseTime", "lease-time"), comment, disabled));
        table.put(ResourceKind.DHCP_NETWORK, List.of(of("address", "address"), of("gateway", "gateway"),
                of("dnsServer", "dns-server"), of("domain", "domain"), comment));
        table.put(ResourceKind.DHCP_CLIENT, List.of(of("interface", "interface"),
                of("addDefaultRoute", "add-default-route"), of("usePeerDns", "use-peer-dns"), comment, disabled));
        table.put(ResourceKind.WIREGUARD_INTERFACE, List.of(of("name", "name"), of("listenPort", "listen-port"),
                new FieldBinding("privateKey", "private-key", true), of("mtu", "mtu"), comment, disabled));
        table.put(ResourceKind.WIREGUARD_PEER, List.of(of("interface", "interface"), of("publicKey", "public-key"),
                of("allowedAddress", "allowed-address"), of("endpointAddress", "endpoint-address"),
                of("endpointPort", "endpoint-port"), of("persistentKeepalive", "persistent-keepalive"),
                new FieldBinding("presharedKey", "preshared-key", true), comment, disabled));
        table.put(ResourceKind.ROUTING_TABLE, List.of(of("name", "name"), of("fib", "fib"), comment, disabled));
        table.put(ResourceKind.ROUTE, List.of(of("dstAddress", "dst-address"), of("gateway", "gateway"),
                of("routingTable", "routing-table"), of("distance", "distance"), comment, disabled));
        var rule = List.of(of("chain", "chain"), of("action", "action"), of("protocol", "protocol"),
                of("srcAddress", "src-address"), of("dstAddress", "dst-address"), of("dstPort", "dst-port"),
                of("inInterface", "in-interface"), of("outInterface", "out-interface"),
                of("srcAddressList", "src-address-list"), of("dstAddressList", "dst-address-list"),
                of("connectionState", "connection-state"));
        table.put(ResourceKind.FIREWALL_FILTER, concat(rule, List.of(comment, disabled)));
        table.put(ResourceKind.FIREWALL_NAT, concat(rule, List.of(of("toAddresses", "to-addresses"),
                of("toPorts", "to-ports"), comment, disabled)));
        table.put(ResourceKind.FIREWALL_MANGLE, concat(rule, List.of(of("newRoutingMark", "new-routing-mark"),
                of("passthrough", "passthrough"), comment, disabled)));
        table.put(ResourceKind.ADDRESS_LIST_ENTRY, List.of(of("list", "list"), of("address", "address"),
                of("timeout", "timeout"), comment, disabled));
        table.put(ResourceKind.VETH, List.of(of("name", "name"), of("address", "address"), of("gateway", "gateway"),
                comment, disabled));
        table.put(ResourceKind.CONTAINER, List.of(of("remoteImage", "remote-image"), of("interface", "interface"),
                of("rootDir", "root-dir"), of("hostname", "hostname"), of("startOnBoot", "start-on-boot"),
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

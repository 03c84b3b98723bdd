package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * How a person names a resource, the same on every screen, event and message: the kind in words ("VLAN",
 * "WireGuard peer", "NAT rule") and what tells this one apart ("guest", "10.0.0.1/24 on bridge1", "0.0.0.0/0 via
 * 10.0.0.1"), never its uuid. Pure: it reads only the configuration.
 */
public final class ResourceLabels {
    private ResourceLabels() {
    }

    /** The kind in words: "VLAN", "IP address", "DHCP server", "firewall rule", "routing table". */
    public static String kind(ResourceKind kind) {
        String name = kind.name();
        return switch (name) {
            case "VLAN" -> "VLAN";
            case "VETH" -> "veth";
            case "IP_ADDRESS" -> "IP address";
            case "IP_POOL" -> "IP pool";
            case "ADDRESS_LIST_ENTRY" -> "address-list entry";
            case "FIREWALL_FILTER" -> "firewall rule";
            case "FIREWALL_NAT" -> "NAT rule";
            case "FIREWALL_MANGLE" -> "mangle rule";
            case "WIREGUARD_INTERFACE" -> "WireGuard interface";
            case "WIREGUARD_PEER" -> "WireGuard peer";
            case "DHCP_SERVER", "DHCP_NETWORK", "DHCP_CLIENT" -> "DHCP " + name.substring(5).toLowerCase(Locale.ROOT);
            default -> name.replace('_', ' ').toLowerCase(Locale.ROOT);
        };
    }

    /** What tells this resource apart from others of its kind, e.g. "guest" or "10.0.0.1/24 on bridge1"; may be empty. */
    public static String identity(ResourceKind kind, Fields c) {
        Function<String, String> f = key -> c.get(key).map(v -> v instanceof List<?> l
                ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(v)).orElse("");
        String what = switch (kind.name()) {
            case "ADDRESS_LIST_ENTRY" -> join(f.apply("address"), prefixed("in ", f.apply("list")));
            case "IP_ADDRESS" -> join(f.apply("address"), prefixed("on ", f.apply("interface")));
            case "DHCP_NETWORK" -> f.apply("address");
            case "DHCP_CLIENT" -> prefixed("on ", f.apply("interface"));
            case "BRIDGE_PORT" -> join(f.apply("interface"), prefixed("in ", f.apply("bridge")));
            case "BRIDGE_VLAN" -> join(prefixed("VLAN ", f.apply("vlanIds")), prefixed("on ", f.apply("bridge")));
            case "WIREGUARD_PEER" -> join(f.apply("allowedAddress"), prefixed("on ", f.apply("interface")));
            case "ROUTE" -> join(f.apply("dstAddress"), prefixed("via ", f.apply("gateway")), prefixed("in ", f.apply("routingTable")));
            case "ROUTING_RULE" -> join(f.apply("srcAddress"), f.apply("interface"), prefixed("→ ", f.apply("table")));
            case "FIREWALL_FILTER", "FIREWALL_NAT", "FIREWALL_MANGLE" -> join(f.apply("chain"), f.apply("action"),
                    f.apply("srcAddress"), f.apply("inInterface"), f.apply("srcMacAddress"), f.apply("dstAddressList"),
                    f.apply("outInterface"));
            case "CONTAINER_ENV" -> join(f.apply("list"), f.apply("key"));
            default -> f.apply("name");
        };
        if (what.isBlank()) what = f.apply("name");
        if (what.isBlank()) what = f.apply("comment");
        return what;
    }

    /** "VLAN guest", "IP address 10.0.0.1/24 on bridge1"; the kind alone when nothing tells it apart. */
    public static String describe(ResourceKind kind, Fields configuration) {
        String what = identity(kind, configuration);
        return what.isBlank() ? kind(kind) : kind(kind) + " " + what;
    }

    public static String describe(Resource r) {
        return describe(r.kind(), r.configuration());
    }

    private static String prefixed(String prefix, String value) {
        return value.isEmpty() ? "" : prefix + value;
    }

    private static String join(String... parts) {
        return String.join(" ", Arrays.stream(parts).filter(p -> !p.isBlank()).toList());
    }
}

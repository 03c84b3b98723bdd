package com.nasnetconnect.domain.state;

/**
 * Every kind of router object NasNetConnect manages as a Universal State v2 resource. The order is a safe
 * creation order (a kind never depends on a kind listed after it), which plans may use as a tie-breaker.
 */
public enum ResourceKind {
    BRIDGE, VLAN, VETH, BRIDGE_PORT, BRIDGE_VLAN, IP_ADDRESS, IP_POOL, DHCP_SERVER, DHCP_NETWORK, DHCP_CLIENT,
    WIREGUARD_INTERFACE, WIREGUARD_PEER, ROUTING_TABLE, ROUTE, ADDRESS_LIST_ENTRY, FIREWALL_FILTER, FIREWALL_NAT,
    FIREWALL_MANGLE, CONTAINER;

    /** Parses {@code "VLAN"}, {@code "wireguard_peer"}, {@code "wireguard-peer"}; names the bad value otherwise. */
    public static ResourceKind parse(String text) {
        if (text != null) {
            String n = text.trim().replace('-', '_');
            for (ResourceKind k : values()) {
                if (k.name().equalsIgnoreCase(n)) return k;
            }
        }
        throw new IllegalArgumentException("unknown resource kind: '" + text + "'");
    }
}

package com.nasnetconnect.domain.factory;

import java.util.Objects;

/**
 * What a routing policy sends through an instance: a whole interface (a VLAN, a bridge), a subnet, one device by
 * IP or by MAC (resolved to its IP through the router's DHCP leases), or a domain (a RouterOS address list with a
 * domain entry). Exactly one per policy.
 *
 * @param value as the user gave it (an interface name, a CIDR, an IPv4 address, a MAC, a domain name)
 */
public record PolicyMatch(Kind kind, String value) {
    public enum Kind { INTERFACE, SUBNET, ADDRESS, MAC, DOMAIN }

    public PolicyMatch {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** The API's and the UI's name of the match field: interface, subnet, address, mac, domain. */
    public String field() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}

package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.common.InputRefused;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * The match of a request that names up to one value per field (the API's {@code match} input, the UI's policy
     * editor); blank fields count as not given.
     *
     * @throws InputRefused at {@code match} unless exactly one field is given, naming the fields given
     */
    public static PolicyMatch of(String iface, String subnet, String address, String mac, String domain) {
        var given = new ArrayList<PolicyMatch>();
        String[] values = {iface, subnet, address, mac, domain};
        for (Kind k : Kind.values()) {
            String v = values[k.ordinal()];
            if (v != null && !v.isBlank()) given.add(new PolicyMatch(k, v.strip()));
        }
        if (given.size() == 1) return given.getFirst();
        String fields = "interface, subnet, address, mac, domain";
        if (given.isEmpty()) {
            throw InputRefused.of(List.of("match"), "a routing policy matches exactly one of " + fields + "; none was given", null);
        }
        throw InputRefused.of(List.of("match"), "a routing policy matches exactly one of " + fields + "; "
                + String.join(" and ", given.stream().map(m -> m.field() + " '" + m.value() + "'").toList()) + " were given",
                String.join(", ", given.stream().map(PolicyMatch::field).toList()));
    }

    /** The API's and the UI's name of the match field: interface, subnet, address, mac, domain. */
    public String field() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}

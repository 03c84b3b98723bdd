package com.nasnetconnect.domain.factory;

import static com.nasnetconnect.domain.schema.types.ResourceKind.ADDRESS_LIST_ENTRY;
import static com.nasnetconnect.domain.schema.types.ResourceKind.FIREWALL_FILTER;
import static com.nasnetconnect.domain.schema.types.ResourceKind.FIREWALL_MANGLE;
import static com.nasnetconnect.domain.schema.types.ResourceKind.FIREWALL_NAT;

import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.DesiredResource;
import com.nasnetconnect.domain.schema.types.Configuration.AddressListEntry;
import com.nasnetconnect.domain.schema.types.Configuration.FirewallFilter;
import com.nasnetconnect.domain.schema.types.Configuration.FirewallMangle;
import com.nasnetconnect.domain.schema.types.Configuration.FirewallNat;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The objects of one routing policy as a pure function of (policy id, instance, how it carries traffic, match,
 * the device's address for a MAC match): the same inputs give the same changes, resource ids included (each is
 * derived from the policy id and the object's role). Every object carries the instance's comment
 * {@code nnc:<instance-id>}, so an uninstall of the instance removes it too.
 *
 * <p>The source of a match is the interface it enters on ({@code in-interface}), its source address (a subnet, an
 * address, or the address a MAC has leased) or, for a domain, a destination address list holding the domain (a
 * RouterOS address-list entry whose address is a DNS name, kept resolved by the router). The list is named after
 * the instance and the domain ({@code nnc-tor-usa:example.com}): one list per policy, so that two domains of one
 * instance are two distinct rules and removing one leaves the other.
 *
 * <p>Through an instance with a routing table (SOCKS over TUN, WireGuard), as the install does for its VLAN:
 * <ul>
 *   <li>a prerouting mangle rule marking the source's traffic for the instance's table (no passthrough)</li>
 *   <li>a forward accept from the source out of the instance interface, and a forward drop of everything else
 *       from the source: the kill switch (when the gateway fails the traffic is dropped, never sent out of the
 *       WAN)</li>
 * </ul>
 * Through a DNS instance: dst-nat of UDP and TCP port 53 from the source to the instance's address.
 */
public final class PolicyPlanner {
    /** Longest address-list name the schema takes. */
    static final int LIST_NAME_MAX = 64;

    /** How the instance carries what is routed to it. */
    public enum Carrier {
        /** Its routing table (named as its interface) with a default route through the gateway. */
        ROUTED,
        /** Its DNS service: DNS queries are redirected to it, the rest goes as before. */
        DNS;

        public static Carrier of(GatewayMechanism mechanism) {
            return mechanism == GatewayMechanism.DNS ? DNS : ROUTED;
        }
    }

    /**
     * @param changes   upserts of every object, in plan order
     * @param resources the ids of those objects, in the same order
     */
    public record PlannedPolicy(List<Change> changes, List<ResourceId> resources) {
        public PlannedPolicy {
            changes = List.copyOf(changes);
            resources = List.copyOf(resources);
        }
    }

    private PolicyPlanner() {
    }

    /**
     * @param match       normalized (see {@link RoutingPolicies}); a domain only through a {@link Carrier#ROUTED} instance
     * @param macAddress  the address a MAC match resolved to through the router's DHCP leases; ignored otherwise
     * @throws IllegalArgumentException a MAC match without an address, a domain through a DNS instance
     */
    public static PlannedPolicy plan(String policyId, ServiceInstance instance, Carrier carrier, PolicyMatch match,
                                     Optional<String> macAddress) {
        Objects.requireNonNull(policyId, "policyId");
        var b = new Builder(instance.tag(), policyId);
        var allocation = new Allocation(instance.vlanId(), Subnet.of(instance.subnet()), instance.interfaceName());
        Source source = source(match, macAddress, instance, policyId);
        if (carrier == Carrier.ROUTED) {
            source.list().ifPresent(list ->
                    b.add("address-list", ADDRESS_LIST_ENTRY, AddressListEntry.LIST, list, AddressListEntry.ADDRESS, match.value()));
            b.add("mangle", FIREWALL_MANGLE, source.fields(FirewallMangle.IN_INTERFACE, FirewallMangle.SRC_ADDRESS, FirewallMangle.DST_ADDRESS_LIST,
                    FirewallMangle.CHAIN, "prerouting", FirewallMangle.ACTION, "mark-routing",
                    FirewallMangle.NEW_ROUTING_MARK, allocation.routingTable(), FirewallMangle.PASSTHROUGH, "no"));
            b.add("forward-accept", FIREWALL_FILTER, source.fields(FirewallFilter.IN_INTERFACE, FirewallFilter.SRC_ADDRESS,
                    FirewallFilter.DST_ADDRESS_LIST, FirewallFilter.CHAIN, "forward", FirewallFilter.ACTION, "accept",
                    FirewallFilter.OUT_INTERFACE, instance.interfaceName()));
            b.add("kill-switch-drop", FIREWALL_FILTER, source.fields(FirewallFilter.IN_INTERFACE, FirewallFilter.SRC_ADDRESS,
                    FirewallFilter.DST_ADDRESS_LIST, FirewallFilter.CHAIN, "forward", FirewallFilter.ACTION, "drop"));
        } else {
            if (source.list().isPresent()) {
                throw new IllegalArgumentException("a DNS service answers the DNS of a network or a device, not of a domain: " + match.value());
            }
            for (String protocol : List.of("udp", "tcp")) {
                b.add("dns-" + protocol, FIREWALL_NAT, source.fields(FirewallNat.IN_INTERFACE, FirewallNat.SRC_ADDRESS,
                        FirewallNat.DST_ADDRESS_LIST, FirewallNat.CHAIN, "dstnat", FirewallNat.ACTION, "dst-nat",
                        FirewallNat.PROTOCOL, protocol, FirewallNat.DST_PORT, "53", FirewallNat.TO_ADDRESSES, allocation.frontAddress().ip()));
            }
        }
        return new PlannedPolicy(b.changes, b.ids);
    }

    /** The resource id of a policy's object with this role: the same on every call, never one of an install's. */
    public static ResourceId resourceId(String policyId, String role) {
        return new ResourceId(UUID.nameUUIDFromBytes(("policy:" + policyId + "/" + role).getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The address list of a domain policy: {@code <instance interface>:<domain>}, or, when that is longer than an
     * address-list name may be, the interface and a digest of the policy id.
     */
    public static String addressList(ServiceInstance instance, String domain, String policyId) {
        String name = instance.interfaceName() + ":" + domain;
        if (name.length() <= LIST_NAME_MAX) return name;
        return instance.interfaceName() + ":" + resourceId(policyId, "address-list").toString().substring(0, 8);
    }

    /** Where the matched traffic comes from: one field (which field depends on the rule's kind) and its value. */
    private record Source(int slot, String value, Optional<String> list) {
        /** The rule's fields: the source field (the slot-th of the three given), then the rest. */
        String[] fields(String inInterface, String srcAddress, String dstAddressList, String... rest) {
            var out = new ArrayList<String>(List.of(rest));
            out.add(List.of(inInterface, srcAddress, dstAddressList).get(slot));
            out.add(value);
            return out.toArray(String[]::new);
        }
    }

    private static Source source(PolicyMatch match, Optional<String> macAddress, ServiceInstance instance, String policyId) {
        return switch (match.kind()) {
            case INTERFACE -> new Source(0, match.value(), Optional.empty());
            case SUBNET, ADDRESS -> new Source(1, match.value(), Optional.empty());
            case MAC -> new Source(1, macAddress.orElseThrow(() ->
                    new IllegalArgumentException("a MAC match needs the address it leased: " + match.value())), Optional.empty());
            case DOMAIN -> {
                String list = addressList(instance, match.value(), policyId);
                yield new Source(2, list, Optional.of(list));
            }
        };
    }

    private static final class Builder {
        final List<Change> changes = new ArrayList<>();
        final List<ResourceId> ids = new ArrayList<>();
        final String tag;
        final String policyId;

        Builder(String tag, String policyId) {
            this.tag = tag;
            this.policyId = policyId;
        }

        void add(String role, ResourceKind kind, String... fieldValues) {
            Map<String, String> cfg = new LinkedHashMap<>();
            for (int i = 0; i < fieldValues.length; i += 2) cfg.put(fieldValues[i], fieldValues[i + 1]);
            cfg.put("comment", tag);
            ResourceId id = resourceId(policyId, role);
            ids.add(id);
            changes.add(Change.upsert(new DesiredResource(id.toString(), kind, cfg)));
        }
    }
}

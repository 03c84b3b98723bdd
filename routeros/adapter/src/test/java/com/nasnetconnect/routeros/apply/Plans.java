package com.nasnetconnect.routeros.apply;

import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.apply.DesiredResource;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

final class Plans {
    private Plans() { }

    static DesiredResource res(ResourceKind kind, String... kv) {
        var m = new LinkedHashMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return new DesiredResource(UUID.randomUUID().toString(), kind, m);
    }

    /** Ten objects across eight kinds with references between them (given out of dependency order). */
    static ChangePlan tenObjects() {
        return new ChangePlan(List.of(
                Change.upsert(res(ResourceKind.IP_ADDRESS, "address", "10.10.0.1/24", "interface", "v10")),
                Change.upsert(res(ResourceKind.VLAN, "name", "v10", "vlanId", "10", "interface", "ether1")),
                Change.upsert(res(ResourceKind.VLAN, "name", "v20", "vlanId", "20", "interface", "ether1")),
                Change.upsert(res(ResourceKind.IP_ADDRESS, "address", "10.20.0.1/24", "interface", "v20")),
                Change.upsert(res(ResourceKind.BRIDGE, "name", "br0", "comment", "lab")),
                Change.upsert(res(ResourceKind.IP_POOL, "name", "pool10", "ranges", "10.10.0.100-10.10.0.200")),
                Change.upsert(res(ResourceKind.ROUTING_TABLE, "name", "vpn", "fib", "yes")),
                Change.upsert(res(ResourceKind.ROUTE, "dstAddress", "0.0.0.0/0", "gateway", "10.10.0.254", "routingTable", "vpn")),
                Change.upsert(res(ResourceKind.WIREGUARD_INTERFACE, "name", "wg0", "listenPort", "13231")),
                Change.upsert(res(ResourceKind.ADDRESS_LIST_ENTRY, "list", "trusted", "address", "10.10.0.0/24"))), "alice");
    }

    /** Twelve objects: the ten plus a DHCP server and network. */
    static ChangePlan twelveObjects() {
        var changes = new java.util.ArrayList<>(tenObjects().changes());
        changes.add(Change.upsert(res(ResourceKind.DHCP_SERVER, "name", "dhcp10", "interface", "v10", "addressPool", "pool10")));
        changes.add(Change.upsert(res(ResourceKind.DHCP_NETWORK, "address", "10.10.0.0/24", "gateway", "10.10.0.1")));
        return new ChangePlan(changes, "alice");
    }
}

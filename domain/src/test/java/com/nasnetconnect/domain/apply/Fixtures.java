package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.UUID;

final class Fixtures {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC);
    static final Router ROUTER = new Router(new RouterId("lab"), "lab",
            new RouterEndpoint("127.0.0.1", 8728, false, "admin", Secret.of("pw")), false, CLOCK.instant());

    private Fixtures() { }

    static DesiredResource res(ResourceKind kind, String... kv) {
        var m = new LinkedHashMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return new DesiredResource(UUID.randomUUID().toString(), kind, m);
    }

    static DesiredResource vlan(String name, int id) {
        return res(ResourceKind.VLAN, "name", name, "vlanId", String.valueOf(id), "interface", "ether1");
    }

    static DesiredResource address(String address, String iface) {
        return res(ResourceKind.IP_ADDRESS, "address", address, "interface", iface);
    }

    /** A router with ether1 and ether2. */
    static FakeRouter router() {
        return new FakeRouter()
                .row("/interface", java.util.Map.of("name", "ether1", "type", "ether"))
                .row("/interface", java.util.Map.of("name", "ether2", "type", "ether"))
                .row("/routing/table", java.util.Map.of("name", "main", "builtin", "true"));
    }
}

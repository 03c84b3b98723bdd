package com.nasnetconnect.routeros.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.apply.*;
import com.nasnetconnect.domain.state.ResourceKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SmokeTest {
    @Test
    @Timeout(30)
    void smoke() throws Exception {
        try (var r = new SimRouter("7.16.2")) {
            var specs = ResourceKindSpecs.defaults();
            var ledger = new MemoryLedger();
            var svc = new ApplyConfirmMergeService(r.gateway, ledger, specs, new BasicSchemaRules(specs),
                    new RevertScriptGuard(r.gateway, specs, Duration.ofSeconds(30)), Clock.systemUTC());
            var before = r.sim.snapshot();
            var res = svc.apply(r.router, ChangePlan.of("t",
                    Change.upsert(new DesiredResource(UUID.randomUUID().toString(), ResourceKind.VLAN, Map.of("name", "v10", "vlanId", "10", "interface", "ether1"))),
                    Change.upsert(new DesiredResource(UUID.randomUUID().toString(), ResourceKind.WIREGUARD_INTERFACE, Map.of("name", "wg0", "listenPort", "13231")))));
            System.out.println(res);
            System.out.println(before.diff(r.sim.snapshot()));
        }
    }
}

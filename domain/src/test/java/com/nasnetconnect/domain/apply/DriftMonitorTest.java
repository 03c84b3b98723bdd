package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DriftMonitorTest {
    final FakeRouter router = Fixtures.router();
    final FakeLedger ledger = new FakeLedger();
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();

    @Test
    @Timeout(10)
    void checksEveryRouterPeriodicallyAndAFailingRouterDoesNotStopTheOthers() throws Exception {
        var service = new ApplyConfirmMergeService(router, ledger, specs, new BasicSchemaRules(specs), LinkLossGuard.NONE, CLOCK);
        service.apply(ROUTER, ChangePlan.of("a", Change.upsert(vlan("v10", 10))));
        var broken = new Router(new RouterId("broken"), "broken",
                new RouterEndpoint("127.0.0.2", 8728, false, "admin", Secret.of("pw")), false, CLOCK.instant());
        var brokenDatabase = new ApplyLedger() {
            @Override
            public List<ManagedResource> resources(RouterId r) {
                if (r.equals(broken.id())) throw new IllegalStateException("database quarantined");
                return ledger.resources(r);
            }

            @Override
            public void commit(RouterId r, List<MergedChange> changes) {
                ledger.commit(r, changes);
            }

            @Override
            public void recordDrift(RouterId r, List<DriftReport> drifts) {
                ledger.recordDrift(r, drifts);
            }
        };
        var failing = new DriftService(router, brokenDatabase, specs, CLOCK);
        try (var monitor = new DriftMonitor(failing, () -> List.of(broken, ROUTER), Duration.ofMillis(50))) {
            while (ledger.drift.size() < 2) Thread.sleep(20);
        }
        assertThat(ledger.drift).allSatisfy(d -> assertThat(d.drifted()).isFalse());
    }

    @Test
    void aNonPositivePeriodIsRefusedNamingIt() {
        var drift = new DriftService(router, ledger, specs, CLOCK);
        assertThatThrownBy(() -> new DriftMonitor(drift, List::of, Duration.ZERO))
                .hasMessageContaining("PT0S");
    }
}

package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.router.RouterStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReconcileOnReconnectTest {
    final FakeRouter router = Fixtures.router();
    final FakeLedger ledger = new FakeLedger();
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final ApplyConfirmMergeService service = new ApplyConfirmMergeService(router, ledger, specs,
            new BasicSchemaRules(specs), new RevertScriptGuard(router, specs, Duration.ofSeconds(30)), CLOCK);
    final RouterRepository repo = new RouterRepository() {
        @Override public List<Router> findAll() { return List.of(ROUTER); }
        @Override public Optional<Router> find(RouterId id) { return id.equals(ROUTER.id()) ? Optional.of(ROUTER) : Optional.empty(); }
        @Override public void save(Router r) { }
        @Override public void delete(RouterId id) { }
    };

    static RouterStatus status(boolean reachable) {
        return new RouterStatus(ROUTER.id(), ROUTER.name(), reachable, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), CLOCK.instant());
    }

    @Test
    @Timeout(10)
    void aRouterComingBackRunsTheRevertScriptLeftByAnInterruptedApply() throws Exception {
        router.loseLinkAtWrite(2 + 3); // script, scheduler, then the third plan command
        try {
            service.apply(ROUTER, ChangePlan.of("a", Change.upsert(vlan("v10", 10)), Change.upsert(vlan("v20", 20)),
                    Change.upsert(address("10.0.0.1/24", "v10"))));
        } catch (ApplyException.Rejected expected) {
            assertThat(expected.routerRestored()).isFalse();
        }
        assertThat(router.rows("/system/script")).hasSize(1);
        var reports = new LinkedBlockingQueue<ReconcileReport>();
        var listener = new ReconcileOnReconnect(service, repo, reports::add);

        listener.accept(List.of(status(false)));
        router.reconnect();
        listener.accept(List.of(status(true)));
        var report = reports.poll(5, TimeUnit.SECONDS);
        assertThat(report).isNotNull();
        assertThat(report.revertedScripts()).hasSize(1);
        listener.accept(List.of(status(true))); // still reachable: nothing more to do
        assertThat(reports.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void aLinkLostWhileConfirmingLeavesTheStoreUntouchedAndTheRouterToItsRevertScript() {
        // writes: script (1), scheduler (2), 2 plan commands (3, 4), scheduler remove (5) = confirm
        router.loseLinkAtWrite(5);
        try {
            service.apply(ROUTER, ChangePlan.of("a", Change.upsert(vlan("v10", 10)), Change.upsert(vlan("v20", 20))));
            throw new AssertionError("expected NotConfirmed");
        } catch (ApplyException.NotConfirmed e) {
            assertThat(e.routerRestored()).isFalse();
            assertThat(e.getMessage()).contains("revert script");
        }
        assertThat(ledger.commits).isEmpty();
        assertThat(router.rows("/system/scheduler")).hasSize(1);
    }
}

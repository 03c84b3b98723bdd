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

    /** A clock the test moves. */
    static final class TestClock extends java.time.Clock {
        java.time.Instant now = CLOCK.instant();
        @Override public java.time.ZoneId getZone() { return java.time.ZoneOffset.UTC; }
        @Override public java.time.Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public java.time.Instant instant() { return now; }
    }

    /** The ledger of a router whose database is quarantined (until {@code released}), as the storage adapter answers. */
    static final class QuarantinedLedger implements ApplyLedger {
        final FakeLedger fresh = new FakeLedger();
        volatile boolean released;
        final java.util.concurrent.atomic.AtomicInteger reads = new java.util.concurrent.atomic.AtomicInteger();

        @Override public List<ManagedResource> resources(RouterId r) {
            reads.incrementAndGet();
            if (!released) {
                throw new com.nasnetconnect.domain.state.StateException.Quarantined(new com.nasnetconnect.domain.state.DatabaseHealth
                        .QuarantinedDatabase(r.value(), "Lab", "/srv/q/x.db", "file is not a database", CLOCK.instant()), null);
            }
            return fresh.resources(r);
        }
        @Override public void commit(RouterId r, List<MergedChange> changes) { fresh.commit(r, changes); }
        @Override public void recordDrift(RouterId r, List<DriftReport> drifts) { fresh.recordDrift(r, drifts); }
    }

    /** Collects what a java.util.logging logger is given. */
    static final class Records extends java.util.logging.Handler implements AutoCloseable {
        final List<java.util.logging.LogRecord> records = new java.util.concurrent.CopyOnWriteArrayList<>();
        final java.util.logging.Logger logger;
        Records(Class<?> type) {
            logger = java.util.logging.Logger.getLogger(type.getName());
            logger.addHandler(this);
        }
        List<String> warnings() {
            return records.stream().filter(r -> r.getLevel() == java.util.logging.Level.WARNING).map(java.util.logging.LogRecord::getMessage).toList();
        }
        @Override public void publish(java.util.logging.LogRecord r) { records.add(r); }
        @Override public void flush() { }
        @Override public void close() { logger.removeHandler(this); }
    }

    @Test
    @Timeout(20)
    void aQuarantinedDatabaseIsLoggedOnceAndRetriedWithBackoffThenAdoptedAfreshWhenReleased() {
        var clock = new TestClock();
        var quarantined = new QuarantinedLedger();
        var onRouter = Fixtures.router();
        onRouter.row("/interface/vlan", java.util.Map.of("name", "v10", "vlan-id", "10", "interface", "ether1"));
        var applyService = new ApplyConfirmMergeService(onRouter, quarantined, specs, new BasicSchemaRules(specs),
                LinkLossGuard.NONE, clock);
        var adopt = new AdoptService(onRouter, quarantined, specs, new BasicSchemaRules(specs), clock);
        var awaiting = java.util.concurrent.ConcurrentHashMap.<RouterId>newKeySet();
        var fresh = new com.nasnetconnect.domain.state.FreshStarts() {
            @Override public java.util.Set<RouterId> awaitingAdoption() { return java.util.Set.copyOf(awaiting); }
            @Override public void adopted(RouterId r) { awaiting.remove(r); }
        };
        var reports = new LinkedBlockingQueue<ReconcileReport>();
        try (var log = new Records(ReconcileOnReconnect.class)) {
            // attempts run in the caller, so each poll's outcome is known when accept returns
            var listener = new ReconcileOnReconnect(applyService, adopt, fresh, repo, clock, reports::add, Runnable::run);

            listener.accept(List.of(status(true)));
            assertThat(quarantined.reads.get()).isEqualTo(1);
            for (int poll = 0; poll < 20; poll++) {     // a poll every 2 s for 40 s: retries after 10 s and 20 s more only
                clock.now = clock.now.plusSeconds(2);
                listener.accept(List.of(status(true)));
            }
            assertThat(quarantined.reads.get()).isEqualTo(3);
            assertThat(log.warnings()).singleElement().satisfies(w -> assertThat(w)
                    .contains("reconciling router lab failed").contains("quarantined").doesNotContain("\n"));

            quarantined.released = true;
            awaiting.add(ROUTER.id());
            listener.accept(List.of(status(true)));     // released: adopted and reconciled at once, no waiting for the retry
            var report = reports.poll();

            assertThat(report).isNotNull();
            assertThat(quarantined.fresh.resources(ROUTER.id())).extracting(r -> r.desired().kind())
                    .contains(com.nasnetconnect.domain.schema.types.ResourceKind.VLAN);
            assertThat(awaiting).isEmpty();
            assertThat(log.warnings()).hasSize(1);
        }
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

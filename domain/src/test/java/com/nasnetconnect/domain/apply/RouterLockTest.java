package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.Fixtures.CLOCK;
import static com.nasnetconnect.domain.apply.Fixtures.ROUTER;
import static com.nasnetconnect.domain.apply.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drift checks and adoption take the router's apply lock: while an apply is between writing to the router and
 * committing, a drift check or an adopt of the same router waits for it (and then sees its result), while other
 * routers go on. The apply is held inside the router, right after its write, by a latch.
 */
@Timeout(30)
class RouterLockTest {
    static final Router OTHER = new Router(new RouterId("other"), "other",
            new RouterEndpoint("127.0.0.1", 8729, false, "admin", Secret.of("pw")), false, CLOCK.instant());

    final FakeRouter lab = Fixtures.router();
    final FakeRouter other = Fixtures.router();
    final CountDownLatch applyWrote = new CountDownLatch(1);
    final CountDownLatch releaseApply = new CountDownLatch(1);
    /** Two routers behind one gateway; the lab router's bridge add is held until the test releases it. */
    final FakeRouter gateway = new FakeRouter() {
        @Override
        public RouterReply execute(RouterEndpoint r, RouterCommand c, Duration t) {
            RouterReply reply = (r.port() == OTHER.endpoint().port() ? other : lab).execute(r, c, t);
            if (r.port() == ROUTER.endpoint().port() && c.path().equals("/interface/bridge/add")) {
                applyWrote.countDown();
                await(releaseApply);
            }
            return reply;
        }
    };
    final SynchronizedLedger ledger = new SynchronizedLedger(new FakeLedger());
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final ApplyConfirmMergeService apply = new ApplyConfirmMergeService(gateway, ledger, specs,
            new BasicSchemaRules(specs), LinkLossGuard.NONE, CLOCK);
    final DriftService drift = new DriftService(gateway, ledger, specs, apply.locks(), CLOCK);
    final AdoptService adopt = new AdoptService(gateway, ledger, specs, new BasicSchemaRules(specs), apply.locks(), CLOCK);
    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        releaseApply.countDown();
        threads.shutdownNow();
    }

    @Test
    void aDriftCheckWaitsForAnInFlightApplyOfTheSameRouterButNotForOtherRouters() throws Exception {
        var applied = startApplyOfABridge();
        var labDrift = CompletableFuture.supplyAsync(() -> drift.check(ROUTER), threads);
        awaitWaitingForTheLock(ROUTER);

        other.row("/interface/bridge", Map.of("name", "br-other"));
        assertThat(CompletableFuture.supplyAsync(() -> drift.check(OTHER), threads).get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(labDrift).isNotDone();

        releaseApply.countDown();
        applied.get(10, TimeUnit.SECONDS);
        // run after the commit, the check sees the new bridge as deployed and in sync
        assertThat(labDrift.get(10, TimeUnit.SECONDS)).singleElement()
                .satisfies(r -> assertThat(r.drifted()).isFalse());
    }

    @Test
    void anAdoptWaitsForAnInFlightApplyAndDoesNotAdoptWhatTheApplyIsCreating() throws Exception {
        var applied = startApplyOfABridge();
        var adopted = CompletableFuture.supplyAsync(() -> adopt.adopt(ROUTER, Set.of(ResourceKind.BRIDGE), "bob"), threads);
        awaitWaitingForTheLock(ROUTER);

        other.row("/interface/bridge", Map.of("name", "br-other"));
        assertThat(CompletableFuture.supplyAsync(() -> adopt.adopt(OTHER, Set.of(ResourceKind.BRIDGE), "bob"), threads)
                .get(10, TimeUnit.SECONDS)).hasSize(1);
        assertThat(adopted).isNotDone();

        releaseApply.countDown();
        applied.get(10, TimeUnit.SECONDS);
        assertThat(adopted.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(ledger.resources(ROUTER.id())).hasSize(1);
    }

    private CompletableFuture<ApplyResult> startApplyOfABridge() throws InterruptedException {
        var applied = CompletableFuture.supplyAsync(() -> apply.apply(ROUTER,
                ChangePlan.of("alice", Change.upsert(res(ResourceKind.BRIDGE, "name", "br0")))), threads);
        assertThat(applyWrote.await(10, TimeUnit.SECONDS)).as("the apply reached the router").isTrue();
        return applied;
    }

    /** Until another thread is queued for the router's lock (the apply holds it). */
    private void awaitWaitingForTheLock(Router router) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!apply.locks().contended(router.id())) {
            assertThat(System.nanoTime()).as("someone waits for the lock of %s", router.id()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The fake ledger, safe for the test's threads. */
    record SynchronizedLedger(FakeLedger ledger) implements ApplyLedger {
        @Override
        public synchronized List<ManagedResource> resources(RouterId router) {
            return ledger.resources(router);
        }

        @Override
        public synchronized void commit(RouterId router, List<MergedChange> changes) {
            ledger.commit(router, changes);
        }

        @Override
        public synchronized void recordDrift(RouterId router, List<DriftReport> drifts) {
            ledger.recordDrift(router, drifts);
        }
    }
}

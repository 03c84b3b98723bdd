package com.nasnetconnect.routeros.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.apply.DesiredResource;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The whole apply-confirm-merge flow: real simulator over TCP, real gateway, real SQLite router databases. Time
 * is a {@link TestClock} shared by the simulated router (its scheduler runs the revert scripts by it) and the
 * server; the tests move it instead of sleeping, and wait for what they need with latches.
 */
@Timeout(60)
class ApplyConfirmMergeFlowTest {
    @TempDir Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-03-01T10:00:00Z"));

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void aPlanIsAppliedInOrderAndTheStoreHoldsWhatTheRouterReported(String version) {
        try (var r = new SimRouter(version, clock); var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            var result = server.apply.apply(r.router, Plans.tenObjects());

            assertThat(result.changes()).hasSize(10);
            var stored = server.resources(r.router.id());
            assertThat(stored).hasSize(10).allSatisfy(res -> {
                assertThat(res.deployment()).isPresent();
                assertThat(res.validation().canApply()).isTrue();
                assertThat(res.metadata().version()).isEqualTo(1);
            });
            var wg = stored.stream().filter(x -> x.kind() == ResourceKind.WIREGUARD_INTERFACE).findFirst().orElseThrow();
            var simWg = r.sim.snapshot().find("/interface/wireguard", "name", "wg0");
            assertThat(wg.deployment().orElseThrow().nativeId()).isEqualTo(idOf(r, "/interface/wireguard", "wg0"));
            assertThat(wg.deployment().orElseThrow().confirmed().string("publicKey")).contains(simWg.get("public-key"));
            assertThat(wg.deployment().orElseThrow().confirmed().string("privateKey")).get().asString()
                    .startsWith("sha256:").doesNotContain(simWg.get("private-key"));
            var route = stored.stream().filter(x -> x.kind() == ResourceKind.ROUTE).findFirst().orElseThrow();
            assertThat(route.relationships().dependsOn()).hasSize(1);
            assertThat(server.published).hasSize(10).allSatisfy(e -> assertThat(e.type()).isEqualTo(ChangeType.CREATED));
            assertThat(r.sim.snapshot().items("/system/scheduler")).isEmpty();
            // the committed plan's journal goes with the router's next pre-flight batch, or with reconcile
            assertThat(r.sim.snapshot().items("/system/script")).hasSize(1);
            assertThat(server.apply.reconcile(r.router).finishedScripts()).hasSize(1);
            assertThat(r.sim.snapshot().items("/system/script")).isEmpty();
        }
    }

    @Test
    void theRevertStaysArmedUntilTheReadBackMatchedEvenThoughThePlanIsOneBatch() {
        // A command that cuts the server's link does not stop the router from running the rest of a batch it has
        // received: so nothing in the plan's batch may cancel the revert. Batch 1 is the pre-flight read, 2 the
        // plan with its read-back, 3 the confirm.
        try (var r = new SimRouter("7.16.2", clock); var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            var schedulersAtConfirm = new java.util.concurrent.atomic.AtomicInteger(-1);
            var vlansAtConfirm = new java.util.concurrent.atomic.AtomicInteger(-1);
            server.gateway.beforeBatch(3, () -> {
                schedulersAtConfirm.set(r.sim.snapshot().items("/system/scheduler").size());
                vlansAtConfirm.set(r.sim.snapshot().items("/interface/vlan").size());
            });
            server.apply.apply(r.router, Plans.tenObjects());

            assertThat(vlansAtConfirm.get()).as("the plan ran before the confirm").isPositive();
            assertThat(schedulersAtConfirm.get()).as("the revert was still scheduled when the confirm went out").isEqualTo(1);
            assertThat(r.sim.snapshot().items("/system/scheduler")).isEmpty();
        }
    }

    @ParameterizedTest(name = "fault at command {0} of 10")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aFaultAtCommandKLeavesRouterAndDatabaseExactlyAsBefore(int k) {
        try (var r = new SimRouter("7.16.2", clock); var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            var before = r.sim.snapshot();
            server.gateway.at(k, () -> r.sim.faults().rejectNth(1, "failure: injected fault " + k));

            assertThatThrownBy(() -> server.apply.apply(r.router, Plans.tenObjects()))
                    .isInstanceOfSatisfying(ApplyException.Rejected.class, e -> {
                        assertThat(e.failedStep()).isEqualTo(k);
                        assertThat(e.routerMessage()).isEqualTo("failure: injected fault " + k);
                        assertThat(e.getMessage()).contains("command " + k + " of 10 failed: /")
                                .contains("injected fault " + k);
                        assertThat(e.routerRestored()).isTrue();
                    });
            assertThat(before.diff(r.sim.snapshot())).isEmpty();
            assertThat(server.resources(r.router.id())).isEmpty();
            assertThat(server.store.events(r.router.id(), Optional.empty(), Optional.empty(), PageRequest.first(10)).items()).isEmpty();
            assertThat(server.published).isEmpty();
        }
    }

    @ParameterizedTest(name = "safe mode, fault at command {0} of 10")
    @ValueSource(ints = {1, 5, 10})
    void withSafeModeAFaultAtCommandKAlsoLeavesEverythingAsBefore(int k) {
        try (var r = new SimRouter("7.23.3", clock); var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            var before = r.sim.snapshot();
            server.gateway.at(k, () -> r.sim.faults().rejectNth(1, "failure: injected fault " + k));
            assertThatThrownBy(() -> server.apply.apply(r.router, Plans.tenObjects()))
                    .isInstanceOf(ApplyException.Rejected.class);
            assertThat(before.diff(r.sim.snapshot())).isEmpty();
            assertThat(server.resources(r.router.id())).isEmpty();
        }
    }

    @Test
    void aStalledRouterDoesNotHoldUpAppliesToAnotherRouter() throws Exception {
        try (var stalled = new SimRouter("7.16.2", clock); var healthy = new SimRouter("7.23.3", clock);
             var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            server.apply.apply(stalled.router, ChangePlan.of("a", Change.upsert(Plans.res(ResourceKind.BRIDGE, "name", "br0"))));
            stalled.sim.faults().stallForever();
            var waiting = new CountDownLatch(1);
            var stalledApplyEnded = new CountDownLatch(1);
            server.gateway.beforeBatch(1, waiting::countDown); // the stalled apply's pre-flight read
            var blocked = Thread.ofVirtual().start(() -> {
                try {
                    server.apply.apply(stalled.router, Plans.tenObjects());
                } catch (RuntimeException expected) {
                    // times out after the gateway's deadline
                } finally {
                    stalledApplyEnded.countDown();
                }
            });
            assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue(); // it holds its router's lock and waits for an answer

            server.apply.apply(healthy.router, Plans.tenObjects());
            // Had the healthy apply waited for the stalled one, that would have ended first (at its deadline).
            assertThat(stalledApplyEnded.getCount()).isEqualTo(1);
            assertThat(server.resources(healthy.router.id())).hasSize(10);
            stalled.sim.faults().clear();
            blocked.join(Duration.ofSeconds(30));
        }
    }

    @Test
    void invalidConfigurationNeverReachesTheRouter() {
        try (var r = new SimRouter("7.16.2", clock); var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            var before = r.sim.snapshot();
            var bad = Plans.res(ResourceKind.VLAN, "name", "v10", "vlanId", "9999", "interface", "ether1");
            assertThatThrownBy(() -> server.apply.apply(r.router, ChangePlan.of("a", Change.upsert(bad))))
                    .isInstanceOfSatisfying(ApplyException.Invalid.class, e -> assertThat(e.errors()).singleElement()
                            .satisfies(i -> assertThat(i.toString()).contains("vlanId='9999'")));
            assertThat(server.gateway.roundTrips(r.router.endpoint())).isZero();
            assertThat(before.diff(r.sim.snapshot())).isEmpty();
        }
    }

    @Test
    void theRouterRevertsOnItsOwnWhenTheLinkIsLostMidPlanWithoutSafeMode() throws Exception {
        try (var r = new SimRouter("7.16.2", clock); var server = new Server(dir, Duration.ofSeconds(2), clock)) {
            r.awaitSchedulerWarmUp();
            var before = r.sim.snapshot();
            server.gateway.at(6, () -> {
                r.sim.dropConnections();
                server.gateway.linkDown();
            });
            assertThatThrownBy(() -> server.apply.apply(r.router, Plans.tenObjects()))
                    .isInstanceOfSatisfying(ApplyException.class, e -> assertThat(e.routerRestored()).isFalse());
            assertThat(before.diff(r.sim.snapshot())).isNotEmpty(); // five commands are on the router, for now
            assertThat(server.resources(r.router.id())).isEmpty();

            // the revert script removes itself last: its removal says the router has reverted
            var listening = new CountDownLatch(1);
            var reverted = new CountDownLatch(1);
            try (var scripts = r.gateway.stream(r.router.endpoint(), RouterCommand.of("/system/script/print").with("follow", ""),
                    row -> {
                        if ("true".equals(row.get(".dead"))) reverted.countDown();
                        else listening.countDown(); // the script as it is now: from here on, changes are followed
                    }, e -> { })) {
                assertThat(listening.await(10, TimeUnit.SECONDS)).isTrue();
                // The simulator has no /system/clock, so the scheduler entry has an interval alone: its first run is one
                // interval after the scheduler's first look at it (a tick every 100 ms of real time). Each move of
                // the clock by the revert delay makes it due if it had been seen; move again until it ran.
                for (int moves = 0; moves < 10 && reverted.getCount() > 0; moves++) {
                    clock.advance(Duration.ofSeconds(2));
                    reverted.await(1, TimeUnit.SECONDS);
                }
                assertThat(reverted.getCount()).as("the revert script ran and removed itself").isZero();
            }
            assertThat(before.diff(r.sim.snapshot())).as("router reverted itself by its scheduler").isEmpty();

            server.gateway.linkUp();
            var report = server.apply.reconcile(r.router);
            assertThat(report.revertedScripts()).isEmpty(); // nothing left to do: the script removed itself
            assertThat(report.consistent()).isTrue();
        }
    }

    @Test
    void theRouterRevertsAtOnceWhenTheLinkIsLostMidPlanInSafeMode() {
        try (var r = new SimRouter("7.23.3", clock); var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            var before = r.sim.snapshot();
            server.gateway.at(6, () -> {
                r.sim.dropConnections();
                server.gateway.linkDown();
            });
            assertThatThrownBy(() -> server.apply.apply(r.router, Plans.tenObjects())).isInstanceOf(ApplyException.class);
            assertThat(before.diff(r.sim.snapshot())).isEmpty();
            assertThat(server.resources(r.router.id())).isEmpty();
        }
    }

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void aProcessKilledMidApplyRestartsConsistentAndReconciled(String version) throws Exception {
        try (var r = new SimRouter(version, clock)) {
            r.awaitSchedulerWarmUp();
            var before = r.sim.snapshot();
            var first = new Server(dir, Duration.ofSeconds(60), clock);
            first.gateway.at(6, () -> { throw new FaultingGateway.Killed(); });
            assertThatThrownBy(() -> first.apply.apply(r.router, Plans.tenObjects())).isInstanceOf(FaultingGateway.Killed.class);
            assertThat(before.diff(r.sim.snapshot())).isNotEmpty();
            first.close(); // the process is gone: its sockets and database handles close

            try (var second = new Server(dir, Duration.ofSeconds(60), clock)) {
                var report = second.apply.reconcile(r.router);
                assertThat(before.diff(r.sim.snapshot())).isEmpty();
                assertThat(second.resources(r.router.id())).isEmpty();
                assertThat(report.consistent()).isTrue();
                if (version.equals("7.16.2")) assertThat(report.revertedScripts()).hasSize(1);

                // and the restarted server applies the same plan normally
                second.apply.apply(r.router, Plans.tenObjects());
                assertThat(second.resources(r.router.id())).hasSize(10);
                assertThat(second.drift.check(r.router)).noneMatch(d -> d.drifted());
            }
        }
    }

    @ParameterizedTest(name = "RouterOS {0}, killed {1} the commit")
    @org.junit.jupiter.params.provider.CsvSource({"7.16.2, before", "7.16.2, after", "7.23.3, before", "7.23.3, after"})
    void aProcessKilledAroundTheCommitRestartsIntoTheStateItCommitted(String version, String when) throws Exception {
        try (var r = new SimRouter(version, clock)) {
            r.awaitSchedulerWarmUp();
            var before = r.sim.snapshot();
            var first = new Server(dir, Duration.ofSeconds(60), clock);
            Runnable kill = () -> { throw new FaultingGateway.Killed(); };
            if (when.equals("before")) first.beforeCommit = kill; else first.afterCommit = kill;
            assertThatThrownBy(() -> first.apply.apply(r.router, Plans.tenObjects())).isInstanceOf(FaultingGateway.Killed.class);
            first.close();
            assertThat(r.sim.snapshot().items("/system/scheduler")).isEmpty(); // confirmed: nothing reverts on its own
            assertThat(r.sim.snapshot().items("/system/script")).hasSize(1);    // but the plan's script is left

            try (var second = new Server(dir, Duration.ofSeconds(60), clock)) {
                var report = second.apply.reconcile(r.router);
                assertThat(report.consistent()).isTrue();
                assertThat(r.sim.snapshot().items("/system/script")).isEmpty();
                if (when.equals("before")) {
                    assertThat(report.revertedScripts()).hasSize(1);
                    assertThat(before.diff(r.sim.snapshot())).isEmpty();
                    assertThat(second.resources(r.router.id())).isEmpty();
                } else {
                    assertThat(report.finishedScripts()).hasSize(1);
                    assertThat(before.diff(r.sim.snapshot())).hasSize(10);
                    assertThat(second.resources(r.router.id())).hasSize(10);
                }
            }
        }
    }

    @Test
    void driftShowsChangedFieldsAndMissingObjectsOnTheStoredResources() {
        try (var r = new SimRouter("7.16.2", clock); var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            server.apply.apply(r.router, Plans.tenObjects());
            assertThat(server.drift.check(r.router)).hasSize(10).noneMatch(d -> d.drifted());
            var ep = r.router.endpoint();
            server.gateway.execute(ep, RouterCommand.of("/interface/vlan/set").with(".id", idOf(r, "/interface/vlan", "v10")).with("mtu", "1400"));
            server.gateway.execute(ep, RouterCommand.of("/interface/bridge/remove").with(".id", idOf(r, "/interface/bridge", "br0")));

            var drift = server.drift.check(r.router);
            assertThat(drift).filteredOn(d -> d.drifted()).hasSize(2);
            Resource storedVlan = server.resources(r.router.id()).stream()
                    .filter(x -> x.configuration().string("name").equals(Optional.of("v10"))).findFirst().orElseThrow();
            var d = storedVlan.deployment().orElseThrow().drift().orElseThrow();
            assertThat(d.differences()).singleElement().satisfies(f -> {
                assertThat(f.field()).isEqualTo("mtu");
                assertThat(f.before()).contains("1500");
                assertThat(f.after()).contains("1400");
            });
            Resource storedBridge = server.resources(r.router.id()).stream()
                    .filter(x -> x.kind() == ResourceKind.BRIDGE).findFirst().orElseThrow();
            assertThat(storedBridge.deployment().orElseThrow().drift().orElseThrow().missing()).isTrue();
        }
    }

    @Test
    void adoptOnboardsAnExistingRouterWithoutListingIds() {
        try (var r = new SimRouter("7.16.2", clock)) {
            // someone configured this router by hand before NasNetConnect
            try (var setup = new Server(dir.resolve("setup"), Duration.ofSeconds(30), clock)) {
                setup.apply.apply(r.router, Plans.tenObjects());
            }
            try (var server = new Server(dir.resolve("fresh"), Duration.ofSeconds(30), clock)) {
                var adopted = server.adopt.adopt(r.router, java.util.EnumSet.allOf(ResourceKind.class), "onboarding");
                assertThat(adopted).hasSizeGreaterThanOrEqualTo(10);
                var stored = server.resources(r.router.id());
                assertThat(stored).extracting(Resource::kind).contains(ResourceKind.VLAN, ResourceKind.WIREGUARD_INTERFACE,
                        ResourceKind.ROUTE, ResourceKind.ADDRESS_LIST_ENTRY);
                assertThat(server.published).allSatisfy(e -> assertThat(e.type()).isEqualTo(ChangeType.ADOPTED));
                assertThat(server.drift.check(r.router)).noneMatch(d -> d.drifted());
                assertThat(server.adopt.adopt(r.router, java.util.EnumSet.allOf(ResourceKind.class), "again")).isEmpty();

                // an adopted resource is managed like any other: an update sets the existing object
                var v10 = stored.stream().filter(x -> x.configuration().string("name").equals(Optional.of("v10"))).findFirst().orElseThrow();
                var before = r.sim.snapshot();
                server.apply.apply(r.router, ChangePlan.of("bob", Change.upsert(new DesiredResource(v10.id().toString(),
                        ResourceKind.VLAN, Map.of("name", "v10", "vlanId", "10", "interface", "ether1", "mtu", "1400")))));
                assertThat(before.diff(r.sim.snapshot())) // and the plan's journal, removed with the next pre-flight
                        .filteredOn(d -> !d.toString().contains("/system/script")).singleElement().asString().contains("mtu");
            }
        }
    }

    static String idOf(SimRouter r, String menu, String name) {
        return r.sim.snapshot().items(menu).entrySet().stream().filter(e -> name.equals(e.getValue().get("name")))
                .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError("no " + name + " in " + menu));
    }
}

package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ApplyConfirmMergeServiceTest {
    final FakeRouter router = Fixtures.router();
    final FakeLedger ledger = new FakeLedger();
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final ApplyConfirmMergeService service = new ApplyConfirmMergeService(router, ledger, specs,
            new BasicSchemaRules(specs), new RevertScriptGuard(router, specs, Duration.ofSeconds(30)), CLOCK);

    static List<Change> tenObjects() {
        return List.of(
                Change.upsert(address("10.10.0.1/24", "v10")),
                Change.upsert(vlan("v10", 10)),
                Change.upsert(vlan("v20", 20)),
                Change.upsert(address("10.20.0.1/24", "v20")),
                Change.upsert(res(ResourceKind.BRIDGE, "name", "br0")),
                Change.upsert(res(ResourceKind.IP_POOL, "name", "pool10", "ranges", "10.10.0.100-10.10.0.200")),
                Change.upsert(res(ResourceKind.DHCP_SERVER, "name", "dhcp10", "interface", "v10", "addressPool", "pool10")),
                Change.upsert(res(ResourceKind.ROUTING_TABLE, "name", "vpn", "fib", "yes")),
                Change.upsert(res(ResourceKind.ROUTE, "dstAddress", "0.0.0.0/0", "gateway", "10.10.0.254", "routingTable", "vpn")),
                Change.upsert(res(ResourceKind.WIREGUARD_INTERFACE, "name", "wg0", "listenPort", "13231")));
    }

    @Test
    void appliesAPlanInDependencyOrderAndStoresWhatTheRouterReports() {
        var result = service.apply(ROUTER, new ChangePlan(tenObjects(), "alice"));

        assertThat(result.changes()).hasSize(10).allSatisfy(c -> assertThat(c.deployment()).isPresent());
        var writes = router.log.stream().filter(c -> !c.verb().equals("print") && !c.path().startsWith("/system")).toList();
        assertThat(writes).hasSize(10);
        assertThat(writes.indexOf(writes.stream().filter(c -> c.menu().equals("/interface/vlan")).findFirst().get()))
                .isLessThan(writes.indexOf(writes.stream().filter(c -> c.menu().equals("/ip/address")).findFirst().get()));
        var wg = result.changes().stream().filter(c -> c.resource().kind() == ResourceKind.WIREGUARD_INTERFACE).findFirst().get();
        var wgRow = router.rows("/interface/wireguard").getFirst();
        assertThat(wg.deployment().get().nativeId()).isEqualTo(wgRow.get(".id"));
        assertThat(wg.deployment().get().generated()).containsEntry("public-key", wgRow.get("public-key"));
        var v10 = result.changes().stream().filter(c -> "v10".equals(c.resource().field("name"))).findFirst().get();
        assertThat(v10.deployment().get().confirmed()).containsEntry("mtu", "1500"); // reported, never sent
        assertThat(ledger.resources(ROUTER.id())).hasSize(10);
        assertThat(ledger.commits).hasSize(1);
        assertThat(router.rows("/system/scheduler")).isEmpty();
        // the committed plan's journal is removed with the router's next pre-flight batch
        assertThat(router.rows("/system/script")).hasSize(1);
        service.apply(ROUTER, ChangePlan.of("alice", Change.upsert(res(ResourceKind.BRIDGE, "name", "br-next"))));
        assertThat(router.rows("/system/script")).singleElement()
                .satisfies(script -> assertThat(script.get("source")).contains("br-next").doesNotContain("v10"));
    }

    @ParameterizedTest(name = "fault at command {0} of 10")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void aFaultAtCommandKUndoesTheCommandsBeforeItAndLeavesRouterAndStoreAsBefore(int k) {
        var before = router.snapshot();
        var planWrites = new AtomicInteger();
        router.refuseWhen(c -> !c.path().startsWith("/system") && planWrites.incrementAndGet() == k);

        assertThatThrownBy(() -> service.apply(ROUTER, new ChangePlan(tenObjects(), "alice")))
                .isInstanceOfSatisfying(ApplyException.Rejected.class, e -> {
                    assertThat(e.failedStep()).isEqualTo(k);
                    assertThat(e.totalSteps()).isEqualTo(10);
                    assertThat(e.routerMessage()).isEqualTo("failure: injected fault");
                    assertThat(e.getMessage()).contains("command " + k + " of 10 failed: /").contains("injected fault");
                    assertThat(e.routerRestored()).isTrue();
                });
        assertThat(router.snapshot()).isEqualTo(before);
        assertThat(ledger.resources(ROUTER.id())).isEmpty();
        assertThat(ledger.commits).isEmpty();
        assertThat(router.rows("/system/scheduler")).isEmpty();
    }

    @Test
    void anUpdateSendsOnlyChangedAttributesAndAFailureRestoresTheOldValues() {
        var v10 = vlan("v10", 10);
        service.apply(ROUTER, ChangePlan.of("alice", Change.upsert(v10)));
        var changed = new DesiredResource(v10.id(), ResourceKind.VLAN, Map.of("name", "v10", "vlanId", "11", "interface", "ether1"));
        var validated = service.validate(ROUTER, ChangePlan.of("bob", Change.upsert(changed)));
        assertThat(validated.dryRun()).singleElement().asString().startsWith("/interface/vlan/set").contains("=vlan-id=11")
                .doesNotContain("=name=");

        var before = router.snapshot();
        var storeBefore = ledger.resources(ROUTER.id());
        router.refuseWhen(c -> c.path().equals("/ip/address/add"));
        assertThatThrownBy(() -> service.apply(ROUTER, ChangePlan.of("bob", Change.upsert(changed),
                Change.upsert(address("10.0.0.1/24", "v10"))))).isInstanceOf(ApplyException.Rejected.class);
        assertThat(router.snapshot()).isEqualTo(before);
        assertThat(ledger.resources(ROUTER.id())).isEqualTo(storeBefore);
    }

    @Test
    void aDeleteThatMustBeUndoneRecreatesTheObjectWithItsOldAttributes() {
        var br = res(ResourceKind.BRIDGE, "name", "br9", "comment", "keep me");
        service.apply(ROUTER, ChangePlan.of("alice", Change.upsert(br)));
        // replacing br9 by a new resource of the same name: the remove runs first, then the add is refused
        var replacement = res(ResourceKind.BRIDGE, "name", "br9", "comment", "new");
        assertThat(service.validate(ROUTER, ChangePlan.of("bob", Change.delete(br.id()), Change.upsert(replacement))).dryRun())
                .extracting(cmd -> cmd.split(" ")[0]).containsExactly("/interface/bridge/remove", "/interface/bridge/add");
        router.refuseWhen(c -> c.path().equals("/interface/bridge/add") && "new".equals(c.attributes().get("comment")));
        assertThatThrownBy(() -> service.apply(ROUTER, ChangePlan.of("bob", Change.delete(br.id()), Change.upsert(replacement))))
                .isInstanceOfSatisfying(ApplyException.Rejected.class, e -> assertThat(e.failedStep()).isEqualTo(2));
        assertThat(router.rows("/interface/bridge")).singleElement().satisfies(r ->
                assertThat(r).containsEntry("name", "br9").containsEntry("comment", "keep me"));
        assertThat(ledger.resources(ROUTER.id())).extracting(ManagedResource::id).containsExactly(br.id());
    }

    @Test
    void aDeleteRunsAfterTheUpsertsThatMoveReferencesAwayFromIt() {
        var v10 = vlan("v10", 10);
        var addr = address("10.0.0.1/24", "v10");
        service.apply(ROUTER, ChangePlan.of("alice", Change.upsert(v10), Change.upsert(addr)));
        var moved = new DesiredResource(addr.id(), ResourceKind.IP_ADDRESS, Map.of("address", "10.0.0.1/24", "interface", "v20"));
        var v = service.validate(ROUTER, ChangePlan.of("bob", Change.delete(v10.id()), Change.upsert(vlan("v20", 20)), Change.upsert(moved)));
        assertThat(v.errors()).isEmpty();
        assertThat(v.dryRun()).extracting(cmd -> cmd.split(" ")[0])
                .containsExactly("/interface/vlan/add", "/ip/address/set", "/interface/vlan/remove");
    }

    @Test
    void aStoreFailureAfterConfirmationUndoesTheRouter() {
        var before = router.snapshot();
        ledger.failNextCommit = new IllegalStateException("disk full");
        assertThatThrownBy(() -> service.apply(ROUTER, new ChangePlan(tenObjects(), "alice")))
                .isInstanceOfSatisfying(ApplyException.NotConfirmed.class, e -> {
                    assertThat(e.getMessage()).contains("disk full");
                    assertThat(e.routerRestored()).isTrue();
                });
        assertThat(router.snapshot()).isEqualTo(before);
    }

    @Test
    void invalidConfigurationIsRefusedWithTheValidationErrorsAndNothingIsSent() {
        assertThatThrownBy(() -> service.apply(ROUTER, ChangePlan.of("a", Change.upsert(vlan("v10", 4095)))))
                .isInstanceOfSatisfying(ApplyException.Invalid.class, e ->
                        assertThat(e.errors()).singleElement().satisfies(i -> assertThat(i.toString()).contains("vlanId='4095'")));
        assertThat(router.writes()).isZero();
    }

    @Test
    void aLostLinkLeavesTheRevertScriptArmedOnTheRouterAndReconcileRunsIt() {
        var planWrites = new AtomicInteger();
        router.refuseWhen(c -> false);
        // writes: script add (1), scheduler add (2), then plan commands; lose the link at the 4th plan command
        router.loseLinkAtWrite(2 + 4);
        assertThatThrownBy(() -> service.apply(ROUTER, new ChangePlan(tenObjects(), "alice")))
                .isInstanceOfSatisfying(ApplyException.Rejected.class, e -> {
                    assertThat(e.routerRestored()).isFalse();
                    assertThat(e.getMessage()).contains("revert script nnc-revert-").contains("30s");
                });
        assertThat(ledger.commits).isEmpty();
        var script = router.rows("/system/script").getFirst();
        assertThat(script.get("name")).startsWith("nnc-revert-");
        assertThat(script.get("source")).contains("/interface/vlan/remove [find where name=\"v10\"]")
                .contains("/system/scheduler/remove");
        assertThat(router.rows("/system/scheduler").getFirst()).containsEntry("interval", "30s")
                .containsEntry("on-event", script.get("name"));

        router.reconnect();
        var report = service.reconcile(ROUTER);
        assertThat(report.revertedScripts()).containsExactly(script.get("name"));
        assertThat(router.log).anySatisfy(c -> assertThat(c.path()).isEqualTo("/system/script/run"));
        assertThat(router.rows("/system/script")).isEmpty();
        assertThat(router.rows("/system/scheduler")).isEmpty();
    }

    @ParameterizedTest(name = "router date format {0}")
    @org.junit.jupiter.params.provider.CsvSource({"2026-11-25, 2026-11-26", "nov/25/2026, nov/26/2026"})
    void theRevertSchedulerIsPinnedToTheRoutersOwnClock(String routerDate, String expectedDate) {
        router.row("/system/clock", Map.of("date", routerDate, "time", "23:59:50")); // router clock is ahead of ours
        router.loseLinkAtWrite(2 + 1);
        assertThatThrownBy(() -> service.apply(ROUTER, ChangePlan.of("a", Change.upsert(vlan("v10", 10)))))
                .isInstanceOf(ApplyException.class);
        assertThat(router.rows("/system/scheduler")).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("start-date", expectedDate).containsEntry("start-time", "00:00:20");
            assertThat(r).containsEntry("interval", "30s");
        });
    }

    @Test
    void aTimedOutCommandWhoseOutcomeIsUnknownKeepsTheRouterSideRevertArmed() {
        // writes: script (1), scheduler (2), plan commands 3..; the 3rd plan command is done but never answered
        router.timeoutAfterWrite(2 + 3);
        assertThatThrownBy(() -> service.apply(ROUTER, new ChangePlan(tenObjects(), "alice")))
                .isInstanceOfSatisfying(ApplyException.Rejected.class, e -> {
                    assertThat(e.failedStep()).isEqualTo(3);
                    assertThat(e.routerRestored()).isFalse();
                    assertThat(e.getMessage()).contains("outcome is unknown").contains("revert script");
                });
        assertThat(router.rows("/system/scheduler")).hasSize(1);
        assertThat(router.rows("/system/script").getFirst().get("source")).contains("remove [find where");
        assertThat(ledger.commits).isEmpty();
    }

    @Test
    void driftShowsTheFieldsChangedOnTheRouterAndAMissingObject() {
        var result = service.apply(ROUTER, ChangePlan.of("a", Change.upsert(vlan("v10", 10)), Change.upsert(vlan("v20", 20))));
        var v10 = result.changes().stream().filter(c -> "v10".equals(c.resource().field("name"))).findFirst().get();
        var v20 = result.changes().stream().filter(c -> "v20".equals(c.resource().field("name"))).findFirst().get();
        router.menus.get("/interface/vlan").get(v10.deployment().get().nativeId()).put("mtu", "1400");
        router.menus.get("/interface/vlan").remove(v20.deployment().get().nativeId());

        var drift = new DriftService(router, ledger, specs, CLOCK).check(ROUTER);
        assertThat(drift).hasSize(2);
        assertThat(drift).filteredOn(d -> d.resourceId().equals(v10.resource().id())).singleElement().satisfies(d -> {
            assertThat(d.missing()).isFalse();
            assertThat(d.fields()).containsExactly(new DriftReport.FieldDrift("mtu", "1500", "1400"));
        });
        assertThat(drift).filteredOn(d -> d.resourceId().equals(v20.resource().id())).singleElement()
                .satisfies(d -> assertThat(d.missing()).isTrue());
        assertThat(ledger.drift).hasSize(2);
    }

    @Test
    void adoptImportsUnmanagedObjectsOnceAndSkipsBuiltIns() {
        router.row("/interface/bridge", Map.of("name", "lan", "mac-address", "02:AA"));
        router.row("/ip/address", Map.of("address", "192.168.88.1/24", "interface", "lan", "network", "192.168.88.0"));
        router.row("/ip/address", Map.of("address", "10.9.9.9/24", "interface", "ether1", "dynamic", "true"));
        var adopt = new AdoptService(router, ledger, specs, new BasicSchemaRules(specs), CLOCK);
        var kinds = java.util.EnumSet.of(ResourceKind.BRIDGE, ResourceKind.IP_ADDRESS, ResourceKind.ROUTING_TABLE);

        var adopted = adopt.adopt(ROUTER, kinds, "onboarding");
        assertThat(adopted).extracting(c -> c.resource().kind()).containsExactly(ResourceKind.BRIDGE, ResourceKind.IP_ADDRESS);
        assertThat(adopted.get(1).resource().configuration()).isEqualTo(Map.of("address", "192.168.88.1/24", "interface", "lan"));
        assertThat(adopted.get(0).deployment().get().generated()).containsEntry("mac-address", "02:AA");
        assertThat(adopt.adopt(ROUTER, kinds, "onboarding")).isEmpty();
        assertThat(new DriftService(router, ledger, specs, CLOCK).check(ROUTER)).noneMatch(DriftReport::drifted);

        // adopted resources are managed: changing one is an update of the existing object
        var lan = adopted.get(0).resource();
        var v = service.validate(ROUTER, ChangePlan.of("a", Change.upsert(new DesiredResource(lan.id(), ResourceKind.BRIDGE,
                Map.of("name", "lan", "comment", "adopted")))));
        assertThat(v.dryRun()).singleElement().asString().startsWith("/interface/bridge/set");
    }

    @Test
    void aSentValueTheRouterReportsDifferentlyIsAWarning() {
        router.refuseWhen(c -> false);
        var gw = new FakeRouter() {
            @Override
            public synchronized com.nasnetconnect.domain.router.RouterReply execute(com.nasnetconnect.domain.router.RouterEndpoint r,
                    com.nasnetconnect.domain.router.RouterCommand c, Duration t) {
                if (c.path().equals("/interface/bridge/add")) c = c.with("comment", "rewritten");
                return super.execute(r, c, t);
            }
        };
        var svc = new ApplyConfirmMergeService(gw, ledger, specs, new BasicSchemaRules(specs), LinkLossGuard.NONE, CLOCK);
        var result = svc.apply(ROUTER, ChangePlan.of("a", Change.upsert(res(ResourceKind.BRIDGE, "name", "br1", "comment", "mine"))));
        assertThat(result.warnings()).singleElement().asString().contains("sent comment='mine'").contains("'rewritten'");
        assertThat(result.changes().getFirst().deployment().get().confirmed()).containsEntry("comment", "rewritten");
    }
}

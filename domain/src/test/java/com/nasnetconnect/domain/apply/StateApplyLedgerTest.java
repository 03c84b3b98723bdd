package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.ArrayList;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateApplyLedgerTest {
    final FakeRouter router = Fixtures.router();
    final InMemoryResourceStore store = new InMemoryResourceStore();
    final ResourceEventBus bus = new ResourceEventBus();
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final StateApplyLedger ledger = new StateApplyLedger(store, bus, specs, CLOCK);
    final ApplyConfirmMergeService service = new ApplyConfirmMergeService(router, ledger, specs,
            new BasicSchemaRules(specs), LinkLossGuard.NONE, CLOCK);
    final ArrayList<ResourceEvent> published = new ArrayList<>();

    { bus.subscribe(published::add); }

    @Test
    void appliedResourcesBecomeUniversalStateResourcesWithRouterConfirmedDeploymentAndDependencies() {
        var wg = res(ResourceKind.WIREGUARD_INTERFACE, "name", "wg0", "listenPort", "13231");
        var vlan = vlan("v10", 10);
        var addr = address("10.0.0.1/24", "v10");
        service.apply(ROUTER, ChangePlan.of("alice", Change.upsert(wg), Change.upsert(vlan), Change.upsert(addr)));

        var stored = store.find(ROUTER.id(), ResourceId.parse(wg.id())).orElseThrow();
        assertThat(stored.metadata().version()).isEqualTo(1);
        assertThat(stored.validation().canApply()).isTrue();
        var dep = stored.deployment().orElseThrow();
        assertThat(dep.nativeId()).isEqualTo(router.rows("/interface/wireguard").getFirst().get(".id"));
        assertThat(dep.confirmed().string("publicKey")).contains(router.rows("/interface/wireguard").getFirst().get("public-key"));
        assertThat(dep.appliedBy()).isEqualTo("alice");
        var storedAddr = store.find(ROUTER.id(), ResourceId.parse(addr.id())).orElseThrow();
        assertThat(storedAddr.relationships().dependsOn()).containsExactly(ResourceId.parse(vlan.id()));
        assertThat(published).hasSize(3).allSatisfy(e -> assertThat(e.type()).isEqualTo(ChangeType.CREATED));
        assertThat(published).extracting(ResourceEvent::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void anUpdateIsTheNextVersionAndKeepsUnchangedTypedValues() {
        var vlan = vlan("v10", 10);
        service.apply(ROUTER, ChangePlan.of("alice", Change.upsert(vlan)));
        var changed = new DesiredResource(vlan.id(), ResourceKind.VLAN, Map.of("name", "v10", "vlanId", "11", "interface", "ether1"));
        service.apply(ROUTER, ChangePlan.of("bob", Change.upsert(changed)));

        var stored = store.find(ROUTER.id(), ResourceId.parse(vlan.id())).orElseThrow();
        assertThat(stored.metadata().version()).isEqualTo(2);
        assertThat(stored.configuration().string("vlanId")).contains("11");
        assertThat(stored.deployment().orElseThrow().confirmed().string("vlanId")).contains("11");
        assertThat(published.getLast().type()).isEqualTo(ChangeType.DEPLOYED);
        assertThat(published.getLast().actor()).isEqualTo("bob");
    }

    @Test
    void aRejectedPlanWritesNoEvent() {
        router.refuseWhen(c -> c.path().equals("/ip/address/add"));
        try {
            service.apply(ROUTER, ChangePlan.of("alice", Change.upsert(vlan("v10", 10)), Change.upsert(address("10.0.0.1/24", "v10"))));
        } catch (ApplyException.Rejected expected) {
            // asserted below
        }
        assertThat(store.events).isEmpty();
        assertThat(published).isEmpty();
    }

    @Test
    void driftIsRecordedOnTheDeploymentLayerOnlyWhenItChanges() {
        var vlan = vlan("v10", 10);
        var result = service.apply(ROUTER, ChangePlan.of("alice", Change.upsert(vlan)));
        router.menus.get("/interface/vlan").get(result.changes().getFirst().deployment().orElseThrow().nativeId()).put("mtu", "1400");
        var drift = new DriftService(router, ledger, specs, CLOCK);
        drift.check(ROUTER);
        drift.check(ROUTER);

        var stored = store.find(ROUTER.id(), ResourceId.parse(vlan.id())).orElseThrow();
        var d = stored.deployment().orElseThrow().drift().orElseThrow();
        assertThat(d.drifted()).isTrue();
        assertThat(d.differences()).singleElement().satisfies(f -> {
            assertThat(f.field()).isEqualTo("mtu");
            assertThat(f.before()).contains("1500");
            assertThat(f.after()).contains("1400");
        });
        assertThat(store.events).filteredOn(e -> e.type() == ChangeType.DRIFT_CHECKED).hasSize(1);
    }

    @Test
    void adoptedObjectsAreStoredAsAdoptedResources() {
        router.row("/interface/wireguard", Map.of("name", "wg-home", "listen-port", "51820", "public-key", "PUBKEY"));
        new AdoptService(router, ledger, specs, new BasicSchemaRules(specs), CLOCK)
                .adopt(ROUTER, java.util.EnumSet.allOf(ResourceKind.class), "onboarding");
        assertThat(published).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ChangeType.ADOPTED);
            assertThat(e.state().orElseThrow().deployment().orElseThrow().confirmed().string("publicKey")).contains("PUBKEY");
            assertThat(e.state().orElseThrow().configuration().string("listenPort")).contains("51820");
        });
        // drift right after adopt: in sync (generated fields round-trip through the store)
        assertThat(new DriftService(router, ledger, specs, CLOCK).check(ROUTER)).noneMatch(DriftReport::drifted);
    }
}

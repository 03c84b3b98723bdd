package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.Fixtures.CLOCK;
import static com.nasnetconnect.domain.apply.Fixtures.ROUTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.NoSuchResource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-port for changes, over the in-memory router and store: roles, merges, and plans whose problems name their change. */
class ResourceChangesTest {
    static final Principal VIEWER = new Principal("vera", Role.VIEWER, false);
    static final Principal OPERATOR = new Principal("otto", Role.OPERATOR, false);

    final FakeRouter router = Fixtures.router();
    final InMemoryResourceStore store = new InMemoryResourceStore();
    final InMemoryRouters routers = new InMemoryRouters().with(ROUTER);
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final ResourceEventBus bus = new ResourceEventBus();
    final ApplyConfirmMergeService apply = new ApplyConfirmMergeService(router, new StateApplyLedger(store, bus, specs, CLOCK),
            specs, new BasicSchemaRules(specs), LinkLossGuard.NONE, CLOCK);
    final ResourceChanges changes = new ResourceChanges(apply, routers, store, bus);

    static Fields vlan(String name, int id) {
        return Fields.of("name", name, "vlanId", String.valueOf(id), "interface", "ether1");
    }

    static PlannedChange create(ResourceKind kind, Fields fields) {
        return new PlannedChange(PlannedChange.Op.CREATE, kind, Optional.empty(), fields);
    }

    @Test
    void aViewerMayNotCreateUpdateDeleteApplyOrCheckDriftAndNothingReachesTheRouter() {
        var id = changes.create(OPERATOR, ROUTER.id(), ResourceKind.VLAN, vlan("v10", 10)).id();
        int writes = router.writes();

        assertThatThrownBy(() -> changes.create(VIEWER, ROUTER.id(), ResourceKind.VLAN, vlan("v11", 11)))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("vera");
        assertThatThrownBy(() -> changes.update(VIEWER, id, ResourceKind.VLAN, Fields.of("vlanId", "12")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> changes.delete(VIEWER, id, true)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> changes.applyPlan(VIEWER, ROUTER.id(), List.of(create(ResourceKind.VLAN, vlan("v13", 13)))))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> changes.checkDrift(VIEWER, ROUTER.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(router.writes()).isEqualTo(writes);
    }

    @Test
    void anUpdateReplacesTheGivenFieldsKeepsTheOthersAndChangesTheSameRouterObject() {
        var created = changes.create(OPERATOR, ROUTER.id(), ResourceKind.VLAN, vlan("v10", 10));

        var updated = changes.update(OPERATOR, created.id(), ResourceKind.VLAN, Fields.of("vlanId", "20", "comment", "moved"));

        assertThat(updated.configuration().string("vlanId")).contains("20");
        assertThat(updated.configuration().string("name")).contains("v10");
        assertThat(updated.configuration().string("comment")).contains("moved");
        assertThat(updated.metadata().version()).isEqualTo(2);
        assertThat(router.rows("/interface/vlan")).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("vlan-id", "20").containsEntry("comment", "moved");
            assertThat(r.get(".id")).isEqualTo(created.deployment().orElseThrow().nativeId());
        });
    }

    @Test
    void updatingAsAnotherKindIsRefusedNamingTheKindAndAnUnknownUuidIsNoSuchResource() {
        var created = changes.create(OPERATOR, ROUTER.id(), ResourceKind.VLAN, vlan("v10", 10));

        assertThatThrownBy(() -> changes.update(OPERATOR, created.id(), ResourceKind.BRIDGE, Fields.of("name", "br1")))
                .isInstanceOfSatisfying(InputRefused.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.at()).containsExactly("kind");
                    assertThat(p.message()).isEqualTo("resource " + created.id() + " is a VLAN, not a BRIDGE");
                }));
        var unknown = ResourceId.random();
        assertThatThrownBy(() -> changes.update(OPERATOR, unknown, ResourceKind.VLAN, vlan("v10", 11)))
                .isInstanceOf(NoSuchResource.class).hasMessage("no resource " + unknown);
        assertThatThrownBy(() -> changes.delete(OPERATOR, unknown, false)).isInstanceOf(NoSuchResource.class);
        assertThat(router.rows("/interface/vlan")).singleElement().satisfies(r -> assertThat(r).containsEntry("vlan-id", "10"));
    }

    @Test
    void aPlanIsAppliedAsOneUnitInDependencyOrderAndReturnsItsResourcesInTheOrderGiven() {
        var applied = changes.applyPlan(OPERATOR, ROUTER.id(), List.of(
                create(ResourceKind.IP_ADDRESS, Fields.of("address", "10.0.30.1/24", "interface", "v30")),
                create(ResourceKind.VLAN, vlan("v30", 30))));

        assertThat(applied).extracting(r -> r.kind()).containsExactly(ResourceKind.IP_ADDRESS, ResourceKind.VLAN);
        assertThat(applied).allSatisfy(r -> assertThat(r.deployment()).isPresent());
        var writes = router.log.stream().filter(c -> !c.verb().equals("print")).map(c -> c.menu()).toList();
        assertThat(writes).containsExactly("/interface/vlan", "/ip/address");
    }

    @Test
    void everyProblemOfAPlanIsNamedUnderItsChangeAndNothingReachesTheRouter() {
        var vlanId = changes.create(OPERATOR, ROUTER.id(), ResourceKind.VLAN, vlan("v10", 10)).id();
        int writes = router.writes();
        var unknown = ResourceId.random().toString();

        assertThatThrownBy(() -> changes.applyPlan(OPERATOR, ROUTER.id(), List.of(
                new PlannedChange(PlannedChange.Op.CREATE, ResourceKind.BRIDGE, Optional.of(unknown), Fields.of("name", "br1")),
                new PlannedChange(PlannedChange.Op.UPDATE, ResourceKind.VLAN, Optional.of(unknown), vlan("v11", 11)),
                new PlannedChange(PlannedChange.Op.DELETE, ResourceKind.BRIDGE, Optional.of(vlanId.toString()), Fields.EMPTY),
                new PlannedChange(PlannedChange.Op.DELETE, ResourceKind.VLAN, Optional.empty(), Fields.EMPTY))))
                .isInstanceOfSatisfying(InputRefused.class, e -> {
                    assertThat(e.problems()).extracting(InputRefused.Problem::at).containsExactly(
                            List.of("changes", "0", "uuid"), List.of("changes", "1", "uuid"), List.of("changes", "2", "kind"),
                            List.of("changes", "3", "uuid"));
                    assertThat(e.problems()).extracting(InputRefused.Problem::message).containsExactly(
                            "CREATE takes no uuid (the server assigns one)",
                            "UPDATE needs the uuid of a resource of router lab; there is none with " + unknown,
                            "resource " + vlanId + " is a VLAN, not a BRIDGE",
                            "DELETE needs the uuid of a resource of router lab");
                });
        assertThat(router.writes()).isEqualTo(writes);
    }

    @Test
    void aBrokenRuleInAPlanIsNamedUnderTheConfigurationOfItsChange() {
        assertThatThrownBy(() -> changes.applyPlan(OPERATOR, ROUTER.id(), List.of(
                create(ResourceKind.BRIDGE, Fields.of("name", "br1")),
                create(ResourceKind.VLAN, Fields.of("name", "v30", "vlanId", "30", "interface", "nosuch9")))))
                .isInstanceOfSatisfying(InputRefused.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.at()).containsExactly("changes", "1", "configuration", "interface");
                    assertThat(p.message()).startsWith("interface='nosuch9': ");
                    assertThat(p.value()).isEqualTo("nosuch9");
                }));
        assertThat(router.writes()).isZero();
        assertThat(store.events).isEmpty();
    }

    @Test
    void anUnknownRouterIsNoSuchRouterNamingIt() {
        var nowhere = new RouterId("nowhere");

        assertThatThrownBy(() -> changes.create(OPERATOR, nowhere, ResourceKind.VLAN, vlan("v10", 10)))
                .isInstanceOf(NoSuchRouter.class).hasMessage("no router 'nowhere'");
        assertThatThrownBy(() -> changes.applyPlan(OPERATOR, nowhere, List.of())).isInstanceOf(NoSuchRouter.class);
        assertThatThrownBy(() -> changes.checkDrift(OPERATOR, nowhere)).isInstanceOf(NoSuchRouter.class);
    }
}

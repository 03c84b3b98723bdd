package com.nasnetconnect.ui.drawer;

import static com.nasnetconnect.ui.drawer.DrawerFixture.LAB;
import static com.nasnetconnect.ui.drawer.DrawerFixture.OPERATOR;
import static com.nasnetconnect.ui.drawer.DrawerFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.ui.drawer.ResourceDrawerController.Change;
import com.nasnetconnect.ui.drawer.ResourceDrawerController.DiffRow;
import com.nasnetconnect.ui.drawer.ResourceDrawerController.Line;
import com.nasnetconnect.ui.drawer.ResourceDrawerController.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The drawer's decisions on real in-ports (SQLite, apply-confirm-merge, the simulator over TCP), without Vaadin. */
@Timeout(60)
class ResourceDrawerControllerTest {
    @TempDir Path dir;
    DrawerFixture f;

    @BeforeEach
    void start() {
        f = new DrawerFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static String value(List<Line> lines, String label) {
        return lines.stream().filter(l -> l.label().equals(label)).map(Line::value).findFirst().orElse("(none)");
    }

    @Test
    void openingAResourceShowsItsLayersNamedInWordsAndTimesInTheUsersZone() {
        var vlan = f.vlan("guest");
        var c = f.controller(OPERATOR);

        c.open(vlan.id());

        State s = c.state();
        assertThat(s.open()).isTrue();
        assertThat(s.title()).isEqualTo("VLAN guest");
        assertThat(value(s.configuration(), "name")).isEqualTo("guest");
        assertThat(value(s.configuration(), "vlanId")).isEqualTo("10");
        assertThat(s.validationSummary()).startsWith("Valid");
        assertThat(value(s.deployment(), "Router id")).isEqualTo(vlan.deployment().orElseThrow().nativeId());
        assertThat(value(s.deployment(), "Applied")).isEqualTo("2026-12-01 12:00:00 by otto");
        assertThat(value(s.deployment(), "Drift")).isEqualTo("not checked");
        assertThat(value(s.metadata(), "Created")).isEqualTo("2026-12-01 12:00:00 by otto");
        assertThat(value(s.platform(), "Platform")).isEqualTo("mikrotik");
        assertThat(s.history()).isNotEmpty();
        assertThat(s.selected()).isEqualTo(s.history().size() - 1);
        assertThat(s.inThePast()).isFalse();
        assertThat(s.canChange()).isTrue();
    }

    @Test
    void aSensitiveValueIsMaskedInTheConfigurationAndTheHistory() {
        var key = "cFx2N1PIxq3HkbVF6Q6mxY8ne0ykqhUcP8o4ZQrBl1s=";
        var wg = f.changes.create(OPERATOR, LAB, ResourceKind.WIREGUARD_INTERFACE, Fields.of("name", "wg0", "listenPort", 13231L,
                "privateKey", key));
        var c = f.controller(OPERATOR);

        c.open(wg.id());

        assertThat(value(c.state().configuration(), "privateKey")).isNotEqualTo(key).isNotEmpty();
        assertThat(c.state().toString()).doesNotContain(key);
    }

    @Test
    void pickingAnOlderInstantShowsTheStateThenAndItsConfigurationSideBySideWithNow() {
        var vlan = f.vlan("guest");
        f.clock.advance(Duration.ofMinutes(5));
        f.changes.update(OPERATOR, vlan.id(), ResourceKind.VLAN, Fields.of("name", "guest2", "comment", "renamed"));
        var c = f.controller(OPERATOR);
        c.open(vlan.id());
        assertThat(c.state().history()).hasSize(2);
        assertThat(c.state().history().get(1).what()).contains("name guest → guest2").contains("comment set to renamed");
        assertThat(c.state().history().get(1).who()).isEqualTo("otto");
        assertThat(c.state().history().get(1).when()).isEqualTo("2026-12-01 12:05:00");

        c.selectHistory(0);

        State s = c.state();
        assertThat(s.inThePast()).isTrue();
        assertThat(s.thenTitle()).contains("VLAN guest at 2026-12-01 12:00:00");
        assertThat(s.diff()).contains(new DiffRow("name", "guest", "guest2", Change.CHANGED),
                new DiffRow("vlanId", "10", "10", Change.SAME), new DiffRow("comment", "", "renamed", Change.ADDED));
        assertThat(s.title()).as("the drawer still names the resource as it is now").isEqualTo("VLAN guest2");

        c.selectHistory(1);
        assertThat(c.state().inThePast()).isFalse();
        assertThat(c.state().diff()).isEmpty();
    }

    @Test
    void theDiffComparesValuesAsTextAndMarksAddedAndRemovedFields() {
        var rows = ResourceDrawerController.diff(Fields.of("vlanId", 10L, "mtu", 1500L, "name", "a"),
                Fields.of("vlanId", "10", "name", "b", "comment", "x"));

        assertThat(rows).containsExactly(new DiffRow("vlanId", "10", "10", Change.SAME),
                new DiffRow("mtu", "1500", "", Change.REMOVED), new DiffRow("name", "a", "b", Change.CHANGED),
                new DiffRow("comment", "", "x", Change.ADDED));
    }

    @Test
    void checkNowListsTheDriftedFieldsAndAcceptingTakesTheRoutersValuesWithoutTouchingTheRouter() {
        var vlan = f.vlan("guest");
        var c = f.controller(OPERATOR);
        c.open(vlan.id());
        f.onRouter("guest", "vlan-id", "11");

        c.checkDrift();

        var d = c.state().drift().orElseThrow();
        assertThat(d.drifted()).isTrue();
        assertThat(d.rows()).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("vlanId");
            assertThat(r.yours()).isEqualTo("10");
            assertThat(r.router()).isEqualTo("11");
        });
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("VLAN guest differs from the router in 1 field(s)");
        var before = f.sim.snapshot();
        f.clock.advance(Duration.ofSeconds(1));

        c.acceptRouterValues();

        assertThat(value(c.state().configuration(), "vlanId")).isEqualTo("11");
        assertThat(c.state().drift()).isEmpty();
        assertThat(c.state().notice().orElseThrow().isError()).isFalse();
        assertThat(c.state().notice().orElseThrow().text()).contains("VLAN guest now holds the router's values");
        assertThat(before.diff(f.sim.snapshot())).isEmpty();
        assertThat(c.state().history().getLast().who()).isEqualTo("otto");
    }

    @Test
    void reapplyingPutsYourValueBackOnTheRouter() {
        var vlan = f.vlan("guest");
        var c = f.controller(OPERATOR);
        c.open(vlan.id());
        f.onRouter("guest", "vlan-id", "11");
        c.checkDrift();

        c.reapply();

        assertThat(f.simVlan("guest")).containsEntry("vlan-id", "10");
        assertThat(c.state().drift()).isEmpty();
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("VLAN guest was re-applied: the router holds your configuration again");
    }

    @Test
    void aRouterRefusingTheReapplyIsShownInPlainWordsAndNothingChanges() {
        var vlan = f.vlan("guest");
        var c = f.controller(OPERATOR);
        c.open(vlan.id());
        f.onRouter("guest", "vlan-id", "11");
        c.checkDrift();
        f.sim.faults().rejectPath("/interface/vlan/set", "failure: vlan id is locked");

        c.reapply();

        var notice = c.state().notice().orElseThrow();
        assertThat(notice.isError()).isTrue();
        assertThat(notice.text()).isEqualTo("The router refused VLAN guest: failure: vlan id is locked. "
                + "The router and the stored configuration are as they were.");
        f.sim.faults().clear();
        assertThat(f.simVlan("guest")).containsEntry("vlan-id", "11");
        assertThat(value(c.state().configuration(), "vlanId")).isEqualTo("10");
        assertThat(c.state().drift().orElseThrow().drifted()).isTrue();
    }

    @Test
    void aViewerSeesEverythingButMayNotSettleDrift() {
        var vlan = f.vlan("guest");
        var c = f.controller(VIEWER);
        c.open(vlan.id());

        assertThat(c.state().canChange()).isFalse();
        c.reapply();
        assertThat(c.state().notice().orElseThrow().text()).startsWith("Not allowed");
    }

    @Test
    void relationshipsAreNamedInWordsAndOpenTheRelatedResource() {
        var bridge = f.changes.create(OPERATOR, LAB, ResourceKind.BRIDGE, Fields.of("name", "br1"));
        var vlan = f.changes.create(OPERATOR, LAB, ResourceKind.VLAN, Fields.of("name", "guest", "vlanId", 20L, "interface", "br1"));
        var c = f.controller(OPERATOR);
        c.open(vlan.id());
        assertThat(c.state().dependsOn()).singleElement().satisfies(l -> assertThat(l.label()).isEqualTo("bridge br1"));

        c.open(ResourceId.parse(c.state().dependsOn().getFirst().uuid()));

        assertThat(c.state().title()).isEqualTo("bridge br1");
        assertThat(c.state().dependents()).singleElement().satisfies(l -> assertThat(l.label()).isEqualTo("VLAN guest"));
        assertThat(bridge.id()).isEqualTo(c.state().id().orElseThrow());
    }

    @Test
    void aChangeMadeElsewhereShowsWhileTheDrawerIsWatched() {
        var vlan = f.vlan("guest");
        var c = f.controller(OPERATOR);
        var seen = new CopyOnWriteArrayList<State>();
        try (var watching = c.subscribe(seen::add)) {
            c.open(vlan.id());
            f.clock.advance(Duration.ofSeconds(1));

            f.changes.update(OPERATOR, vlan.id(), ResourceKind.VLAN, Fields.of("name", "guest2"));

            assertThat(c.state().title()).isEqualTo("VLAN guest2");
            assertThat(c.state().history()).hasSize(2);
        }
    }

    @Test
    void closingTheDrawerForgetsTheResource() {
        var vlan = f.vlan("guest");
        var c = f.controller(OPERATOR);
        c.open(vlan.id());

        c.closeDrawer();

        assertThat(c.state().open()).isFalse();
        assertThat(c.state().configuration()).isEmpty();
    }
}

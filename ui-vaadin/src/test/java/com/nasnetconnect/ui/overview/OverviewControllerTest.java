package com.nasnetconnect.ui.overview;

import static com.nasnetconnect.ui.overview.OverviewFixture.LAB;
import static com.nasnetconnect.ui.overview.OverviewFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Deployment;
import com.nasnetconnect.domain.state.Drift;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.TelemetrySample;
import com.nasnetconnect.domain.telemetry.InterfaceState;
import com.nasnetconnect.ui.overview.OverviewController.Phase;
import com.nasnetconnect.ui.overview.OverviewController.State;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OverviewControllerTest {
    @TempDir Path dir;
    OverviewFixture f;

    @BeforeEach
    void start() {
        f = new OverviewFixture(dir);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void aReachableRouterShowsWhoItIsAndItsCurrentValues() {
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        f.telemetry.record("cpuLoad", NOW, Duration.ofHours(1), 7);

        var c = f.controller();
        c.open("lab");

        State s = c.state();
        assertEquals(Phase.SHOWN, s.phase());
        assertEquals("Lab", s.header().name());
        assertEquals("lab-gw", s.header().identity());
        assertEquals("7.16.2", s.header().version());
        assertEquals("RB5009UG+S+", s.header().board());
        assertEquals("1 d 3 h", s.header().uptime());
        assertEquals("Online", s.header().status());
        assertEquals("", s.header().problem());
        assertEquals("7 %", s.live().cpu());
        assertEquals("800 MB of 1000 MB in use", s.live().memory());
        assertTrue(s.live().asOf().isEmpty());
        assertTrue(s.live().charts().cpu().contains("nnc-chart-line"), "a CPU line is drawn");
        assertFalse(s.live().charts().cpu().contains("nnc-chart-stale"));
        assertTrue(s.live().charts().memory().contains("No memory samples"), "no memory samples: the chart says so");
    }

    @Test
    void anUnreachableRouterSaysWhenItWasLastSeenAndWhyInPlainWords() {
        f.feed.statuses = List.of(OverviewFixture.unreachableSince(NOW.minus(Duration.ofMinutes(12)), NOW,
                "cannot connect to 10.0.0.1:8728: no connection within 5 s [command: /system/resource/print]"));

        var c = f.controller();
        c.open("lab");

        assertEquals("Last seen 12 minutes ago", c.state().header().status());
        assertEquals("The router does not accept connections.", c.state().header().problem());
        assertFalse(c.state().header().reachable());
        assertEquals("The router refused the user name or password.", OverviewController.plain("login to 10.0.0.1:8728 failed"));
        assertEquals("The router did not answer in time.", OverviewController.plain("connecting to 10.0.0.1:8728 timed out"));
        assertEquals("It has not been checked yet.", OverviewController.plain("not polled yet"));
    }

    @Test
    void staleValuesAreNeverShownAsCurrent() {
        f.feed.statuses = List.of(OverviewFixture.unreachableSince(NOW.minus(Duration.ofMinutes(12)), NOW, "timed out"));
        f.telemetry.record("cpuLoad", NOW.minus(Duration.ofMinutes(12)), Duration.ofMinutes(40), 7);
        f.telemetry.interfaces = List.of(new InterfaceState("ether1", "ether", true, false, NOW.minus(Duration.ofMinutes(12))));

        var c = f.controller();
        c.open("lab");

        State s = c.state();
        assertEquals(Optional.of("as of 05:48"), s.live().asOf());
        assertEquals("7 % (as of 05:48)", s.live().cpu());
        assertEquals("800 MB of 1000 MB in use (as of 05:48)", s.live().memory());
        assertEquals("1 d 3 h (as of 05:48)", s.header().uptime());
        assertTrue(s.live().charts().cpu().contains("nnc-chart-stale"), "the chart is greyed");
        assertTrue(s.live().charts().cpu().contains(">as of 05:48<"), "and says how old it is");
        assertEquals(Optional.of("as of 05:48"), s.interfacesAsOf());
    }

    @Test
    void whenTheRouterStopsAnsweringTheNextRoundGreysTheChartsAtOnce() {
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        f.telemetry.record("cpuLoad", NOW, Duration.ofHours(1), 7);
        var c = f.controller();
        c.open("lab");
        var seen = new ArrayList<State>();
        try (var sub = c.subscribe(seen::add)) {
            f.clock.advance(Duration.ofSeconds(2)); // within the refresh interval
            f.feed.round(OverviewFixture.unreachableSince(NOW, f.clock.instant(), "timed out"));

            State s = c.state();
            assertEquals("Last seen less than a minute ago", s.header().status());
            assertTrue(s.live().charts().cpu().contains("nnc-chart-stale"));
            assertTrue(s.live().cpu().endsWith("(as of 06:00)"));
        }
    }

    @Test
    void countsPerKindLinkToEachKindsPage() {
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        f.add(ResourceKind.VLAN, Fields.of("name", "guest", "vlanId", 20L, "interface", "ether1"));
        f.add(ResourceKind.VLAN, Fields.of("name", "iot", "vlanId", 30L, "interface", "ether1"));
        f.add(ResourceKind.BRIDGE_PORT, Fields.of("interface", "ether2", "bridge", "bridge1"));

        var c = f.controller();
        c.open("lab");

        var counts = c.state().counts();
        assertEquals(2, counts.size());
        assertEquals(new OverviewController.KindCount(ResourceKind.VLAN, "VLAN", 2, "routers/lab/vlan"), counts.get(0));
        assertEquals(new OverviewController.KindCount(ResourceKind.BRIDGE_PORT, "bridge port", 1, "routers/lab/bridge-port"), counts.get(1));
        assertEquals(3, c.state().total());
    }

    @Test
    void theDriftSummaryNamesDriftedResourcesWhatDiffersAndLinksToTheirKind() {
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        Resource guest = f.add(ResourceKind.VLAN, Fields.of("name", "guest", "vlanId", 20L, "interface", "ether1"));
        f.add(ResourceKind.VLAN, Fields.of("name", "calm", "vlanId", 30L, "interface", "ether1"));
        var drift = new Drift(List.of(new FieldDifference("mtu", Optional.of(1500L), Optional.of(1400L)),
                new FieldDifference("comment", Optional.empty(), Optional.of("x"))), false, NOW);
        f.commit(guest.withDeployment(Optional.of(new Deployment("*5", guest.configuration(), NOW, "vic").withDrift(drift)), NOW, "vic"),
                ChangeType.DRIFT_CHECKED);

        var c = f.controller();
        c.open("lab");

        assertEquals(List.of(new OverviewController.DriftRow("VLAN guest", "mtu, comment differ on the router", "routers/lab/vlan")),
                c.state().drift());
    }

    @Test
    void anUnknownRouterIdShowsAPlainNoRouterPage() {
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        var c = f.controller();

        c.open("nope");
        assertEquals(Phase.NOT_FOUND, c.state().phase());
        assertEquals("No router with id 'nope'.", c.state().notice().orElseThrow().text());

        c.open("no such/router!");
        assertEquals(Phase.NOT_FOUND, c.state().phase());
        assertEquals("No router with id 'no such/router!'.", c.state().notice().orElseThrow().text());
    }

    @Test
    void recentEventsNameResourcesInWordsNewestFirstAndLeaveOutRoutineChecks() {
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        Resource guest = f.add(ResourceKind.IP_ADDRESS, Fields.of("address", "10.0.0.1/24", "interface", "bridge1"));
        f.events.add("resource.created", EventClass.CRITICAL, NOW.minusSeconds(60), "vic", "IP_ADDRESS ... created",
                Map.of("resourceId", guest.id().toString(), "kind", "IP_ADDRESS", "version", 1L));
        f.events.add("resource.deleted", EventClass.CRITICAL, NOW.minusSeconds(50), "otto", "VLAN 'old' deleted",
                Map.of("resourceId", java.util.UUID.randomUUID().toString(), "kind", "VLAN", "name", "old"));
        f.events.add("resource.drift-checked", EventClass.NORMAL, NOW.minusSeconds(40), "system", "checked", Map.of());
        f.events.add("telemetry.router", EventClass.LOW, NOW.minusSeconds(30), "telemetry", "cpu 7%", Map.of());
        f.events.add("router.reachability", EventClass.NORMAL, NOW.minusSeconds(20), "system", "Router Lab is reachable again", Map.of());

        var c = f.controller();
        c.open("lab");

        var events = c.state().events();
        assertEquals(3, events.size(), events.toString());
        assertEquals("Router Lab is reachable again", events.get(0).text());
        assertEquals("VLAN old deleted", events.get(1).text());
        assertEquals("otto", events.get(1).actor());
        assertEquals("routers/lab/vlan", events.get(1).link());
        assertEquals("IP address 10.0.0.1/24 on bridge1 created", events.get(2).text());
        assertEquals("05:59", events.get(2).time());
    }

    @Test
    void installedServicesShowTheirStateAndHealth() {
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        f.install("nnc-tor-usa", 101, InstanceState.RUNNING, InstanceHealth.healthy(NOW));
        f.install("nnc-wg-home", 102, InstanceState.RUNNING, InstanceHealth.unhealthy("the tunnel's peer does not answer", NOW));

        var c = f.controller();
        c.open("lab");

        var services = c.state().services();
        assertEquals(2, services.size());
        assertEquals(new OverviewController.ServiceRow("nnc-tor-usa", "nnc-tor-usa", "Running", "Healthy", true), services.get(0));
        assertEquals("Unhealthy: the tunnel's peer does not answer", services.get(1).health());
        assertEquals("routers/lab/services", c.state().servicesLink());
    }

    @Test
    void interfacesShowTheirTypeAndState() {
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        f.telemetry.interfaces = List.of(new InterfaceState("ether1", "ether", true, false, NOW),
                new InterfaceState("ether2", "ether", false, false, NOW), new InterfaceState("wg0", "wg", false, true, NOW));
        f.telemetry.traffic.put("ether1", List.of(new TelemetrySample(NOW.minusSeconds(10), Map.of("rxBps", 1000.0, "txBps", 10.0)),
                new TelemetrySample(NOW, Map.of("rxBps", 3000.0, "txBps", 20.0))));

        var c = f.controller();
        c.open("lab");

        var rows = c.state().interfaces();
        assertEquals(List.of("running", "not running", "disabled"), rows.stream().map(OverviewController.InterfaceRow::state).toList());
        assertEquals("wg", rows.get(2).type());
        var traffic = c.state().live().charts().traffic();
        assertEquals(1, traffic.size(), "only interfaces with samples get a chart");
        assertEquals("ether1", traffic.getFirst().interfaceName());
        assertTrue(traffic.getFirst().svg().contains(">rx<") && traffic.getFirst().svg().contains(">tx<"));
    }

    @Test
    void aPollRoundUpdatesTheStatusAtOnceAndTheRestAtMostOncePerRefresh() {
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        var c = f.controller();
        c.open("lab");
        try (var sub = c.subscribe(s -> { })) {
            int reads = f.telemetry.reads;
            f.add(ResourceKind.VLAN, Fields.of("name", "guest", "vlanId", 20L, "interface", "ether1"));
            f.clock.advance(Duration.ofSeconds(2));
            var later = OverviewFixture.online(f.clock.instant());
            f.feed.round(later);
            assertEquals(1, c.state().total(), "a committed change is read on the next round");

            int afterChange = f.telemetry.reads;
            f.clock.advance(Duration.ofSeconds(2));
            f.feed.round(OverviewFixture.online(f.clock.instant()));
            assertEquals(afterChange, f.telemetry.reads, "nothing read again within the refresh interval");

            f.clock.advance(Duration.ofSeconds(4));
            f.feed.round(OverviewFixture.online(f.clock.instant()));
            assertTrue(f.telemetry.reads > afterChange, "read again once the interval passed");
            assertTrue(afterChange > reads);
        }
    }

    @Test
    void itFollowsTheFeedOnlyWhileWatched() {
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        var c = f.controller();
        c.open("lab");
        assertEquals(0, f.feed.listeners.size());
        var sub = c.subscribe(s -> { });
        assertEquals(1, f.feed.listeners.size());
        sub.close();
        assertEquals(0, f.feed.listeners.size());
    }

    @Test
    void agoAndUptimeReadAsPlainWords() {
        assertEquals("1 minute ago", OverviewController.ago(Duration.ofSeconds(90)));
        assertEquals("3 hours ago", OverviewController.ago(Duration.ofHours(3)));
        assertEquals("2 days ago", OverviewController.ago(Duration.ofDays(2)));
        assertEquals("5 h 12 min", OverviewController.duration(Duration.ofMinutes(312)));
        assertEquals("42 min", OverviewController.duration(Duration.ofMinutes(42)));
    }

    @Test
    void twoOverviewsOfOneRouterShareOneChartSet() {
        f.feed.statuses = List.of(OverviewFixture.online(NOW));
        var charts = new OverviewCharts(f.telemetry, f.clock, java.time.ZoneOffset.UTC, Duration.ofSeconds(5));
        var a = charts.of(LAB, Optional.empty());
        var b = charts.of(LAB, Optional.empty());
        assertTrue(a == b, "the same immutable set is handed out within the reuse interval");
        f.clock.advance(Duration.ofSeconds(5));
        assertFalse(a == charts.of(LAB, Optional.empty()), "built again after it");
    }
}

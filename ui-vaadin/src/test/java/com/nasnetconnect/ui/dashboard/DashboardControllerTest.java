package com.nasnetconnect.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.ui.dashboard.DashboardController.Layout;
import com.nasnetconnect.ui.dashboard.DashboardController.State;
import java.time.Duration;
import java.time.Instant;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class DashboardControllerTest {

    /** An in-memory feed the test pushes statuses into, as the router monitor would. */
    static final class ManualFeed implements RouterStatusFeed {
        List<RouterStatus> current = List.of();
        final List<Consumer<List<RouterStatus>>> listeners = new ArrayList<>();
        int refreshes;

        public List<RouterStatus> current() { return current; }
        public AutoCloseable subscribe(Consumer<List<RouterStatus>> l) {
            listeners.add(l);
            l.accept(current);
            return () -> listeners.remove(l);
        }
        public void refreshNow() { refreshes++; }
        void push(RouterStatus... statuses) {
            current = List.of(statuses);
            listeners.forEach(l -> l.accept(current));
        }
    }

    static RouterStatus online(String id, long uptimeSeconds, long freeBytes) {
        return new RouterStatus(new RouterId(id), "Router " + id, true, Optional.of("MikroTik"), Optional.of("7.16.2 (stable)"),
                Optional.of("CHR"), Optional.of(Duration.ofSeconds(uptimeSeconds)), Optional.of(7), Optional.of(freeBytes),
                Optional.of(1L << 30), Optional.empty(), Instant.EPOCH);
    }

    static RouterStatus unreachable(String id) {
        return new RouterStatus(new RouterId(id), "Router " + id, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("connection refused"), Instant.EPOCH);
    }

    @Test
    void choosesCardsForPhonesAndAGridForWiderScreens() {
        assertThat(DashboardController.layoutFor(390)).isEqualTo(Layout.CARDS);
        assertThat(DashboardController.layoutFor(600)).isEqualTo(Layout.CARDS);
        assertThat(DashboardController.layoutFor(601)).isEqualTo(Layout.GRID);
        assertThat(DashboardController.layoutFor(1280)).isEqualTo(Layout.GRID);
        assertThat(DashboardController.layoutFor(0)).as("unknown width: desktop").isEqualTo(Layout.GRID);
    }

    @Test
    void switchesLayoutLiveWhenTheViewportIsResizedAndOnlyThen() {
        ManualFeed feed = new ManualFeed();
        var controller = new DashboardController(feed, HEALTHY, 1280);
        List<State> seen = new ArrayList<>();
        controller.subscribe(seen::add);
        seen.clear();

        controller.viewportResized(1000);
        assertThat(seen).isEmpty();
        controller.viewportResized(390);
        assertThat(seen).extracting(State::layout).containsExactly(Layout.CARDS);
        controller.viewportResized(844); // rotated to landscape
        assertThat(seen).extracting(State::layout).containsExactly(Layout.CARDS, Layout.GRID);
    }

    @Test
    void publishesEveryPollWithFormattedValues() {
        ManualFeed feed = new ManualFeed();
        var controller = new DashboardController(feed, HEALTHY, 1280);
        List<State> seen = new ArrayList<>();
        controller.subscribe(seen::add);

        feed.push(online("a", 93784, 512L * 1024 * 1024), unreachable("b"));

        State last = seen.getLast();
        assertThat(last.summary()).isEqualTo("1 of 2 routers online");
        var a = last.routers().get(0);
        assertThat(a.status()).isEqualTo("Online");
        assertThat(a.uptime()).isEqualTo("1d2h3m4s");
        assertThat(a.freeMemory()).isEqualTo("512.0 MiB");
        assertThat(a.cpuLoad()).isEqualTo("7 %");
        var b = last.routers().get(1);
        assertThat(b.reachable()).isFalse();
        assertThat(b.status()).as("never answered since the server started").isEqualTo("Unreachable");
        assertThat(b.uptime()).isEqualTo("—");
        assertThat(b.stale()).isFalse();
        assertThat(b.problem()).isEqualTo("the router refused the connection");
    }

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /** A router that answered at {@code lastSeen} with these values and has failed since with {@code problem}. */
    static RouterStatus lost(String id, Instant lastSeen, String problem) {
        return new RouterStatus(new RouterId(id), "Router " + id, false, Optional.of("MikroTik"), Optional.of("7.16.2 (stable)"),
                Optional.of("CHR"), Optional.of(Duration.ofSeconds(93784)), Optional.of(7), Optional.of(512L << 20),
                Optional.of(1L << 30), Optional.of(problem), NOW, Optional.of(lastSeen));
    }

    @Test
    void saysWhenAnUnreachableRouterWasLastSeenAndMarksItsValuesAsLastKnown() {
        ManualFeed feed = new ManualFeed();
        feed.current = List.of(lost("a", NOW.minusSeconds(185),
                "cannot connect to 127.0.0.1:18931: Connection refused [command: /system/resource/print]"));
        var controller = new DashboardController(feed, HEALTHY, 1280, Clock.fixed(NOW, ZoneOffset.UTC));

        var a = controller.state().routers().getFirst();
        assertThat(a.status()).isEqualTo("Unreachable · last seen 3 min ago");
        assertThat(a.stale()).isTrue();
        assertThat(a.staleNote()).isEqualTo("Last known values, from 3 min ago");
        assertThat(a.uptime()).isEqualTo("1d2h3m4s");
        assertThat(a.problem()).isEqualTo("the router refused the connection");
        assertThat(controller.state().summary()).isEqualTo("0 of 1 router online");
    }

    @Test
    void anOnlineRouterShowsCurrentValuesWithNoNote() {
        var a = DashboardController.row(online("a", 60, 1024), NOW);
        assertThat(a.status()).isEqualTo("Online");
        assertThat(a.stale()).isFalse();
        assertThat(a.staleNote()).isEmpty();
        assertThat(a.problem()).isEmpty();
    }

    @Test
    void saysHowLongAgoInPlainWords() {
        assertThat(DashboardController.ago(Duration.ofSeconds(59))).isEqualTo("less than a minute ago");
        assertThat(DashboardController.ago(Duration.ofSeconds(-5))).as("clock skew").isEqualTo("less than a minute ago");
        assertThat(DashboardController.ago(Duration.ofMinutes(1))).isEqualTo("1 min ago");
        assertThat(DashboardController.ago(Duration.ofMinutes(59))).isEqualTo("59 min ago");
        assertThat(DashboardController.ago(Duration.ofMinutes(150))).isEqualTo("2 h ago");
        assertThat(DashboardController.ago(Duration.ofHours(25))).isEqualTo("1 day ago");
        assertThat(DashboardController.ago(Duration.ofDays(9))).isEqualTo("9 days ago");
    }

    @Test
    void explainsWhyARouterIsUnreachableWithoutAddressesPortsOrMilliseconds() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("not reconnecting to 127.0.0.1:18931 for another 5986 ms after: cannot connect to 127.0.0.1:18931: "
                + "Connection refused", "the router refused the connection");
        cases.put("not reconnecting to 10.0.0.1:8728 for another 120 ms after: connecting to 10.0.0.1:8728 timed out",
                "no answer");
        cases.put("no reply within the deadline [command: /system/resource/print]", "no answer");
        cases.put("cannot connect to 10.0.0.1:8728: no connection within 3000 ms", "no answer");
        cases.put("all 4 connections to 10.0.0.1:8728 stayed busy until the deadline [command: /system/identity/print]",
                "no answer");
        cases.put("login to 10.0.0.1:8728 failed", "user name or password rejected");
        cases.put("not reconnecting to 10.0.0.1:8728 for another 9 ms after: login to 10.0.0.1:8728 failed",
                "user name or password rejected");
        cases.put("cannot connect to 10.0.0.1:8729: certificate of 10.0.0.1:8729 changed: pinned sha256 ab, presented cd; "
                + "refusing to connect (forget the pin to trust the new certificate)",
                "the router's certificate changed since it was added");
        cases.put("cannot connect to 10.9.9.9:8728: No route to host", "no route to the router's address");
        cases.put("cannot connect to nowhere.invalid:8728: nowhere.invalid", "the router could not be reached");
        cases.put("connection closed [command: /system/resource/print]", "the connection dropped");
        cases.put("router refused: not enough permissions (9) [command: /system/resource/print]",
                "the router refused to report its status (check the user's rights)");
        cases.put("unexpected answer: empty /system/resource", "the router's answer could not be understood");
        cases.put("not polled yet", "not checked yet");
        cases.forEach((technical, plain) -> assertThat(DashboardController.plainReason(technical)).as(technical).isEqualTo(plain));
        cases.keySet().forEach(technical -> assertThat(DashboardController.plainReason(technical))
                .doesNotContainPattern("\\d+\\.\\d+\\.\\d+|:\\d{2,5}|\\bms\\b"));
    }

    @Test
    void stopsListeningWhenClosedAndForwardsRefresh() {
        ManualFeed feed = new ManualFeed();
        var controller = new DashboardController(feed, HEALTHY, 1280);
        controller.subscribe(s -> { });
        assertThat(feed.listeners).hasSize(1);
        controller.refresh();
        assertThat(feed.refreshes).isEqualTo(1);
        controller.close();
        assertThat(feed.listeners).isEmpty();
    }

    @Test
    void followsTheFeedOnlyWhileSomeoneWatches() {
        ManualFeed feed = new ManualFeed();
        var controller = new DashboardController(feed, HEALTHY, 1280);
        assertThat(feed.listeners).as("nobody watches yet").isEmpty();

        var first = controller.subscribe(s -> { });
        var second = controller.subscribe(s -> { });
        assertThat(feed.listeners).as("one feed subscription for every watcher").hasSize(1);
        first.close();
        assertThat(feed.listeners).hasSize(1);
        second.close();
        assertThat(feed.listeners).as("the last watcher left").isEmpty();

        controller.subscribe(s -> { });
        assertThat(feed.listeners).as("watched again, e.g. the view attached again").hasSize(1);
    }

    static final com.nasnetconnect.domain.state.DatabaseHealthCheck HEALTHY = new com.nasnetconnect.domain.state.DatabaseHealthCheck(() ->
            new com.nasnetconnect.domain.state.DatabaseHealth(true, Optional.empty(), 1, 32, List.of(), Instant.EPOCH));

    @Test
    void warnsAboutAQuarantinedRouterDatabaseByTheRoutersNameWithoutServerPaths() {
        var quarantined = new com.nasnetconnect.domain.state.DatabaseHealth(true, Optional.empty(), 0, 32,
                List.of(new com.nasnetconnect.domain.state.DatabaseHealth.QuarantinedDatabase("branch", "Branch office",
                        "/data/quarantine/router-branch.db", "file is not a database", Instant.EPOCH)), Instant.EPOCH);
        var controller = new DashboardController(new ManualFeed(), new com.nasnetconnect.domain.state.DatabaseHealthCheck(() -> quarantined), 1280);
        assertThat(controller.state().warnings()).singleElement().asString()
                .startsWith("The database of router 'Branch office' (id 'branch') is quarantined since 1970-01-01T00:00:00Z")
                .contains("moved aside", "Other routers are not affected")
                .doesNotContain("/data/quarantine");
        assertThat(new DashboardController(new ManualFeed(), HEALTHY, 1280).state().warnings()).isEmpty();
    }

    @Test
    void summarisesAnEmptyFleet() {
        assertThat(new DashboardController(new ManualFeed(), HEALTHY, 390).state().summary()).isEqualTo("No routers yet");
    }

    @Test
    void formatsMemoryInBinaryUnits() {
        assertThat(DashboardController.bytes(1023)).isEqualTo("1023 B");
        assertThat(DashboardController.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(DashboardController.bytes(3L << 30)).isEqualTo("3.0 GiB");
    }
}

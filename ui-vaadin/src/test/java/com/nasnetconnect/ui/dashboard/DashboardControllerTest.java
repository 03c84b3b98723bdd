package com.nasnetconnect.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.ui.dashboard.DashboardController.Layout;
import com.nasnetconnect.ui.dashboard.DashboardController.State;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        controller.attach(seen::add);
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
        controller.attach(seen::add);

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
        assertThat(b.status()).isEqualTo("Unreachable");
        assertThat(b.uptime()).isEqualTo("—");
        assertThat(b.problem()).isEqualTo("connection refused");
    }

    @Test
    void stopsListeningWhenClosedAndForwardsRefresh() {
        ManualFeed feed = new ManualFeed();
        var controller = new DashboardController(feed, HEALTHY, 1280);
        controller.attach(s -> { });
        assertThat(feed.listeners).hasSize(1);
        controller.refresh();
        assertThat(feed.refreshes).isEqualTo(1);
        controller.close();
        assertThat(feed.listeners).isEmpty();
    }

    static final com.nasnetconnect.domain.state.DatabaseStatus HEALTHY = () ->
            new com.nasnetconnect.domain.state.DatabaseHealth(true, Optional.empty(), 1, 32, List.of(), Instant.EPOCH);

    @Test
    void warnsAboutAQuarantinedRouterDatabaseByTheRoutersNameWithoutServerPaths() {
        var quarantined = new com.nasnetconnect.domain.state.DatabaseHealth(true, Optional.empty(), 0, 32,
                List.of(new com.nasnetconnect.domain.state.DatabaseHealth.QuarantinedDatabase("branch", "Branch office",
                        "/data/quarantine/router-branch.db", "file is not a database", Instant.EPOCH)), Instant.EPOCH);
        var controller = new DashboardController(new ManualFeed(), () -> quarantined, 1280);
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

package com.nasnetconnect.ui.dashboard;

import com.nasnetconnect.domain.router.RouterOsDurations;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.state.DatabaseHealth;
import com.nasnetconnect.domain.state.DatabaseStatus;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Headless controller of the dashboard: every decision (which layout, what each router row says, how values
 * are formatted, what "reachable" looks like) lives here, with no Vaadin import, so it is tested with plain
 * JUnit. Presenters only lay out {@link State} and forward user intents.
 */
public final class DashboardController implements AutoCloseable {
    /** Viewports this wide or narrower get cards; wider ones get a grid. */
    public static final int MOBILE_MAX_WIDTH = 600;

    public enum Layout { GRID, CARDS }

    /** What one router row or card shows. Every field is display text, already formatted. */
    public record RouterRow(String id, String name, boolean reachable, String status, String identity, String version,
                            String board, String uptime, String cpuLoad, String freeMemory, String problem) {
    }

    /**
     * The whole dashboard at one moment.
     *
     * @param warnings problems the owner must know about (a quarantined router database, system.db trouble)
     */
    public record State(Layout layout, List<RouterRow> routers, String summary, List<String> warnings) {
        public State {
            routers = List.copyOf(routers);
            warnings = List.copyOf(warnings);
        }
    }

    private final RouterStatusFeed feed;
    private final DatabaseStatus databases;
    private final List<Consumer<State>> subscribers = new CopyOnWriteArrayList<>();
    private volatile State state;
    private AutoCloseable feedSubscription;

    public DashboardController(RouterStatusFeed feed, DatabaseStatus databases, int initialViewportWidth) {
        this.feed = Objects.requireNonNull(feed, "feed");
        this.databases = Objects.requireNonNull(databases, "databases");
        this.state = new State(layoutFor(initialViewportWidth), rows(feed.current()), summary(feed.current()), warnings());
    }

    public State state() {
        return state;
    }

    /** Starts following the feed; {@code subscriber} gets every new state (on the feed's thread). */
    public synchronized void attach(Consumer<State> subscriber) {
        subscribers.add(subscriber);
        if (feedSubscription == null) {
            feedSubscription = feed.subscribe(this::onStatuses);
        } else {
            subscriber.accept(state);
        }
    }

    /** Stops following the feed. */
    @Override
    public synchronized void close() {
        subscribers.clear();
        if (feedSubscription != null) {
            try {
                feedSubscription.close();
            } catch (Exception ignored) {
                // unsubscribing from an in-process feed cannot fail in a way we could act on
            }
            feedSubscription = null;
        }
    }

    /** User intent: the viewport changed size (resize, rotation). */
    public void viewportResized(int width) {
        Layout layout = layoutFor(width);
        if (layout != state.layout()) {
            publish(new State(layout, state.routers(), state.summary(), state.warnings()));
        }
    }

    /** User intent: poll the routers now. */
    public void refresh() {
        feed.refreshNow();
    }

    private void onStatuses(List<RouterStatus> statuses) {
        publish(new State(state.layout(), rows(statuses), summary(statuses), warnings()));
    }

    private void publish(State next) {
        state = next;
        for (Consumer<State> s : subscribers) s.accept(next);
    }

    private List<String> warnings() {
        DatabaseHealth h = databases.health();
        var out = new java.util.ArrayList<String>();
        if (!h.systemOk()) out.add("The system database does not answer: " + h.systemProblem().orElse("unknown problem"));
        for (var q : h.quarantined()) {
            // in user terms: the router by name, no server paths
            String problem = q.problem();
            out.add(Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + ". Other routers are not affected.");
        }
        return out;
    }

    static Layout layoutFor(int width) {
        return width > 0 && width <= MOBILE_MAX_WIDTH ? Layout.CARDS : Layout.GRID;
    }

    static List<RouterRow> rows(List<RouterStatus> statuses) {
        return statuses.stream().map(DashboardController::row).toList();
    }

    static RouterRow row(RouterStatus s) {
        String dash = "—";
        return new RouterRow(
                s.routerId().value(),
                s.name(),
                s.reachable(),
                s.reachable() ? "Online" : "Unreachable",
                s.identity().orElse(dash),
                s.version().orElse(dash),
                s.board().orElse(dash),
                s.uptime().map(RouterOsDurations::format).orElse(dash),
                s.cpuLoadPercent().map(p -> p + " %").orElse(dash),
                s.freeMemoryBytes().map(DashboardController::bytes).orElse(dash),
                s.problem().orElse(""));
    }

    static String summary(List<RouterStatus> statuses) {
        long up = statuses.stream().filter(RouterStatus::reachable).count();
        if (statuses.isEmpty()) return "No routers yet";
        return up + " of " + statuses.size() + (statuses.size() == 1 ? " router" : " routers") + " online";
    }

    /** 1.5 GiB, 512.0 MiB, 800 KiB: binary units as RouterOS's own UI shows memory. */
    static String bytes(long b) {
        if (b < 1024) return b + " B";
        double v = b;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[i]);
    }
}

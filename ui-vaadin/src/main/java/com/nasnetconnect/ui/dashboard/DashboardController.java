package com.nasnetconnect.ui.dashboard;

import com.nasnetconnect.domain.schema.RouterOsDurations;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.state.DatabaseHealth;
import com.nasnetconnect.domain.state.DatabaseHealthCheck;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.RouterRoutes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless controller of the dashboard: every decision (which layout, what each router row says, how values
 * are formatted, what "reachable" looks like) lives here, with no Vaadin import, so it is tested with plain
 * JUnit. Presenters only lay out {@link State} and forward user intents. It follows the router status feed while
 * watched (someone subscribes); the feed's updates arrive on the feed's thread.
 */
public final class DashboardController extends HeadlessController<DashboardController.State> {
    /** Viewports this wide or narrower get cards; wider ones get a grid. */
    public static final int MOBILE_MAX_WIDTH = 600;

    public enum Layout { GRID, CARDS }

    /**
     * What a router's status says instead of "Online" while the browser has lost its connection to the server
     * (the page, not this controller, knows that; the presenters give both and the style sheet shows one).
     */
    public static final String STATUS_WITHOUT_CONNECTION = "Unknown · no connection to the server";

    /**
     * What one router row or card shows. Every field is display text, already formatted.
     *
     * @param status     "Online", or "Unreachable · last seen 3 min ago" (just "Unreachable" when it never answered
     *                   since the server started)
     * @param problem    why it is unreachable, in plain words (never an address, port or millisecond count); empty
     *                   when there is nothing to say
     * @param stale      uptime, CPU and free memory are the last known values, not current ones
     * @param staleNote  what the stale values are, e.g. "Last known values, from 3 min ago"; empty when not stale
     */
    public record RouterRow(String id, String name, boolean reachable, String status, String identity, String version,
                            String board, String uptime, String cpuLoad, String freeMemory, String problem,
                            boolean stale, String staleNote) {
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
    private final DatabaseHealthCheck databases;
    private final Clock clock;
    private final boolean mayAddRouters;
    private AutoCloseable feedSubscription;

    public DashboardController(RouterStatusFeed feed, DatabaseHealthCheck databases, int initialViewportWidth) {
        this(feed, databases, initialViewportWidth, Clock.systemUTC());
    }

    /** @param clock tells how long ago an unreachable router was last seen */
    public DashboardController(RouterStatusFeed feed, DatabaseHealthCheck databases, int initialViewportWidth, Clock clock) {
        this(feed, databases, initialViewportWidth, clock, false);
    }

    /** @param mayAddRouters the viewer's role may add routers (operator or admin): the dashboard offers "Add router" */
    public DashboardController(RouterStatusFeed feed, DatabaseHealthCheck databases, int initialViewportWidth, Clock clock,
                               boolean mayAddRouters) {
        Objects.requireNonNull(feed, "feed");
        Objects.requireNonNull(databases, "databases");
        Objects.requireNonNull(clock, "clock");
        super(new State(layoutFor(initialViewportWidth), rows(feed.current(), clock.instant()), summary(feed.current()),
                warnings(databases)));
        this.feed = feed;
        this.databases = databases;
        this.clock = clock;
        this.mayAddRouters = mayAddRouters;
    }

    /** What an empty fleet says, as a friendly start. */
    public static final String EMPTY_FLEET = "Add your first router";

    /** What an empty fleet explains under {@link #EMPTY_FLEET}, for someone who may add routers or not. */
    public String emptyFleetHint() {
        return mayAddRouters
                ? "Connect NasNetConnect to a MikroTik router running RouterOS 7: test the connection, then add it as it is"
                        + " or adopt its configuration."
                : "No router is managed yet. Ask an operator or an administrator to add one.";
    }

    /** The viewer may add routers: the dashboard shows "Add router". */
    public boolean mayAddRouters() {
        return mayAddRouters;
    }

    /** The address of a router's overview, relative to the application's root. */
    public static String overviewPath(String routerId) {
        return RouterRoutes.overview(new RouterId(routerId));
    }

    /** The first subscriber arrived: follow the feed (which hands over the current statuses at once). */
    @Override
    protected void onWatched() {
        feedSubscription = feed.subscribe(this::onStatuses);
    }

    /** Nobody watches any more: stop following the feed. */
    @Override
    protected void onUnwatched() {
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
        update(s -> layout == s.layout() ? s : new State(layout, s.routers(), s.summary(), s.warnings()));
    }

    /** User intent: poll the routers now. */
    public void refresh() {
        feed.refreshNow();
    }

    private void onStatuses(List<RouterStatus> statuses) {
        List<RouterRow> rows = rows(statuses, clock.instant());
        List<String> warnings = warnings(databases);
        update(s -> new State(s.layout(), rows, summary(statuses), warnings));
    }

    private static List<String> warnings(DatabaseHealthCheck databases) {
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

    /** The address of a router's Services page, relative to the application's root. */
    public static String servicesPath(String routerId) {
        return RouterRoutes.services(new RouterId(routerId));
    }

    static Layout layoutFor(int width) {
        return width > 0 && width <= MOBILE_MAX_WIDTH ? Layout.CARDS : Layout.GRID;
    }

    static List<RouterRow> rows(List<RouterStatus> statuses, Instant now) {
        return statuses.stream().map(s -> row(s, now)).toList();
    }

    static RouterRow row(RouterStatus s, Instant now) {
        String dash = "—";
        String uptime = s.uptime().map(RouterOsDurations::format).orElse(dash);
        String cpu = s.cpuLoadPercent().map(p -> p + " %").orElse(dash);
        String memory = s.freeMemoryBytes().map(DashboardController::bytes).orElse(dash);
        String status = "Online";
        String problem = s.problem().orElse("");
        boolean stale = false;
        String staleNote = "";
        if (!s.reachable()) {
            Optional<String> seen = s.lastSeenAt().map(at -> ago(Duration.between(at, now)));
            status = seen.map(ago -> "Unreachable · last seen " + ago).orElse("Unreachable");
            problem = s.problem().map(DashboardController::plainReason).orElse("");
            stale = s.uptime().isPresent() || s.cpuLoadPercent().isPresent() || s.freeMemoryBytes().isPresent();
            if (stale) staleNote = "Last known values" + seen.map(ago -> ", from " + ago).orElse("");
        }
        return new RouterRow(s.routerId().value(), s.name(), s.reachable(), status, s.identity().orElse(dash),
                s.version().orElse(dash), s.board().orElse(dash), uptime, cpu, memory, problem, stale, staleNote);
    }

    /** "less than a minute ago", "3 min ago", "2 h ago", "1 day ago": how long since, in plain words. */
    static String ago(Duration since) {
        long minutes = Math.max(0, since.toMinutes());
        if (minutes < 1) return "less than a minute ago";
        if (minutes < 60) return minutes + " min ago";
        long hours = minutes / 60;
        if (hours < 24) return hours + " h ago";
        long days = hours / 24;
        return days + (days == 1 ? " day ago" : " days ago");
    }

    /**
     * Why a router cannot be reached, in the words its owner uses: the gateway's technical message (addresses,
     * ports, millisecond counts, commands) mapped to what it means. A reconnect backoff is explained by the
     * failure that caused it. Anything not recognised reads as "the router could not be reached".
     */
    static String plainReason(String technical) {
        String p = technical;
        Matcher backoff;
        while ((backoff = BACKOFF.matcher(p)).matches()) p = backoff.group(1);
        String l = p.toLowerCase(Locale.ROOT);
        if (l.startsWith("not polled yet")) return "not checked yet";
        if (l.startsWith("login to ") && l.contains(" failed")) return "user name or password rejected";
        if (l.contains("certificate") && l.contains("changed")) return "the router's certificate changed since it was added";
        if (l.startsWith("router refused")) return "the router refused to report its status (check the user's rights)";
        if (l.contains("refused")) return "the router refused the connection";
        if (l.contains("timed out") || l.contains("no reply") || l.contains("deadline") || l.contains("no time left")
                || (l.contains("no connection") && l.contains("within"))) {
            return "no answer";
        }
        if (l.contains("no route to host") || l.contains("network is unreachable") || l.contains("host is unreachable")) {
            return "no route to the router's address";
        }
        if (l.contains("unknownhost") || l.contains("unknown host") || l.contains("name or service not known")
                || l.contains("nodename nor servname")) {
            return "the router's address is unknown";
        }
        if (l.contains("connection closed") || l.contains("connection reset") || l.contains("broken pipe")
                || l.contains("sending failed") || l.contains("ended the stream")) {
            return "the connection dropped";
        }
        if (l.startsWith("unexpected answer") || l.contains("fatal") || l.contains("protocol")) {
            return "the router's answer could not be understood";
        }
        return "the router could not be reached";
    }

    private static final Pattern BACKOFF = Pattern.compile("(?s)not reconnecting to .*? after: (.*)");

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

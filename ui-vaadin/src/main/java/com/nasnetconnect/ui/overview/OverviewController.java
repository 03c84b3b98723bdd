package com.nasnetconnect.ui.overview;

import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventLogQueries;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.state.Drift;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Page;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceLabels;
import com.nasnetconnect.domain.telemetry.InterfaceState;
import com.nasnetconnect.domain.telemetry.TelemetryQueries;
import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.Notice;
import com.nasnetconnect.ui.RouterRoutes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Headless controller of a router's overview ({@code /routers/{id}}): who the router is (identity, RouterOS
 * version, board, uptime), its live CPU and memory and per-interface traffic of the last hour, its interfaces with
 * their state, how many resources of each kind it has, which of them drifted, its newest events and its installed
 * services, each linking to the page that shows more.
 *
 * <p>Live: while watched it follows the {@link RouterStatusFeed} (every poll round) and the router's committed
 * changes. The status line changes with every round; the rest (charts, interfaces, counts, drift, events,
 * services) is read again at most once per {@code refresh}, and on the first round after a committed change.
 *
 * <p>An unreachable router is never shown as current: the status says "Last seen 12 minutes ago" and why, in plain
 * words; the last known values, charts and interface states carry "as of 06:12" ({@link Live#asOf}) and the
 * presenters grey them. A router id no router has shows "No router with id …".
 */
public final class OverviewController extends HeadlessController<OverviewController.State> {
    /** How many of the newest events are shown. */
    static final int EVENTS = 8;
    /** How often, at most, an open overview reads its charts, interfaces, counts, events and services again. */
    public static final Duration REFRESH = Duration.ofSeconds(5);
    /** Lifecycle events that happen all the time and say nothing by themselves. */
    static final Set<String> QUIET_TYPES = Set.of("resource.drift-checked", "resource.validated");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);

    public enum Phase {
        /** Nothing opened yet. */
        LOADING,
        /** A router's overview. */
        SHOWN,
        /** The address names no router. */
        NOT_FOUND
    }

    /**
     * Who the router is and whether it answers.
     *
     * @param status  "Online", or "Last seen 12 minutes ago" ("Not seen since the server started")
     * @param problem why it does not answer, in plain words; empty while it answers
     * @param uptime  "3 d 4 h", or "—" when unknown; like every live value, carries "as of" when old
     */
    public record Header(String name, String identity, String version, String board, String uptime, boolean reachable,
                         String status, String problem) {
    }

    /**
     * The live numbers and charts.
     *
     * @param cpu    "7 %", "—" when never read
     * @param memory "48 MB of 256 MB in use", "—" when never read
     * @param asOf   "as of 06:12" when the values are old (the router does not answer), empty while current
     */
    public record Live(String cpu, String memory, OverviewCharts.Charts charts, Optional<String> asOf) {
        static final Live NONE = new Live("—", "—", OverviewCharts.Charts.NONE, Optional.empty());
    }

    /** @param state "running", "not running" or "disabled" */
    public record InterfaceRow(String name, String type, String state, boolean running, boolean disabled) {
    }

    /** @param link where the kind's page is ({@link RouterRoutes#kind}) */
    public record KindCount(ResourceKind kind, String label, int count, String link) {
    }

    /** A drifted resource: "VLAN guest", what differs ("mtu, comment differ" / "missing from the router"). */
    public record DriftRow(String resource, String what, String link) {
    }

    /** @param text "VLAN guest created", in the user's terms; @param link the kind's page, empty when none */
    public record EventRow(String time, String text, String actor, String link) {
    }

    /** @param state "Running", "Pulling image · 42 %"; @param health "Healthy", "Unhealthy: …", "Not checked yet" */
    public record ServiceRow(String name, String interfaceName, String state, String health, boolean healthy) {
    }

    /** The page at one moment. */
    public record State(Phase phase, String routerId, Header header, Live live, List<InterfaceRow> interfaces,
                        Optional<String> interfacesAsOf, List<KindCount> counts, int total, List<DriftRow> drift,
                        List<EventRow> events, List<ServiceRow> services, Optional<Notice> notice) {
        public State {
            Objects.requireNonNull(phase, "phase");
            Objects.requireNonNull(routerId, "routerId");
            interfaces = List.copyOf(interfaces);
            counts = List.copyOf(counts);
            drift = List.copyOf(drift);
            events = List.copyOf(events);
            services = List.copyOf(services);
        }

        static State loading() {
            return new State(Phase.LOADING, "", new Header("", "", "", "", "", false, "", ""), Live.NONE, List.of(),
                    Optional.empty(), List.of(), 0, List.of(), List.of(), List.of(), Optional.empty());
        }

        /** The page of a router id no router has. */
        static State notFound(String id) {
            return new State(Phase.NOT_FOUND, id, new Header("", "", "", "", "", false, "", ""), Live.NONE, List.of(),
                    Optional.empty(), List.of(), 0, List.of(), List.of(), List.of(),
                    Optional.of(Notice.error("No router with id '" + id + "'.")));
        }

        State withStatus(Header h, Live l, Optional<String> ifAsOf) {
            return new State(phase, routerId, h, l, interfaces, ifAsOf, counts, total, drift, events, services, notice);
        }

        public String servicesLink() {
            return routerId.isEmpty() ? "" : RouterRoutes.services(new RouterId(routerId));
        }

        public String eventsLink() {
            return routerId.isEmpty() ? "" : RouterRoutes.events(new RouterId(routerId));
        }
    }

    private final RouterStatusFeed feed;
    private final TelemetryQueries telemetry;
    private final OverviewCharts charts;
    private final ResourceQueries queries;
    private final EventLogQueries eventLog;
    private final ServiceFactory factory;
    private final Principal who;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration refresh;
    /** Guards the fields below; never held while calling the domain or notifying. */
    private final Object lock = new Object();
    private Optional<RouterId> router = Optional.empty();
    private AutoCloseable followingStatus;
    private ResourceEventBus.Subscription followingChanges;
    private Instant refreshedAt = Instant.MIN;
    private boolean changed;

    /**
     * @param refresh how often, at most, the parts other than the status line are read again while the page is open
     */
    public OverviewController(RouterStatusFeed feed, TelemetryQueries telemetry, OverviewCharts charts,
                              ResourceQueries queries, EventLogQueries eventLog, ServiceFactory factory, Principal who,
                              Clock clock, ZoneId zone, Duration refresh) {
        super(State.loading());
        this.feed = Objects.requireNonNull(feed, "feed");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.charts = Objects.requireNonNull(charts, "charts");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.eventLog = Objects.requireNonNull(eventLog, "eventLog");
        this.factory = Objects.requireNonNull(factory, "factory");
        this.who = Objects.requireNonNull(who, "who");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
    }

    /** User intent: show this router (the page's address names it by id). */
    public void open(String routerId) {
        String id = Objects.requireNonNullElse(routerId, "");
        Optional<RouterStatus> status;
        RouterId parsed;
        try {
            parsed = new RouterId(id);
            status = statusOf(parsed, feed.current());
        } catch (IllegalArgumentException e) {
            status = Optional.empty();
            parsed = null;
        }
        if (status.isEmpty()) {
            stopFollowing();
            synchronized (lock) {
                router = Optional.empty();
            }
            publish(State.notFound(id));
            return;
        }
        synchronized (lock) {
            router = Optional.of(parsed);
            refreshedAt = clock.instant();
            changed = false;
        }
        publish(load(parsed, status.get()));
        if (watched()) follow(parsed);
    }

    @Override
    protected void onWatched() {
        Optional<RouterId> r;
        synchronized (lock) {
            r = router;
        }
        r.ifPresent(this::follow);
    }

    @Override
    protected void onUnwatched() {
        stopFollowing();
    }

    private void follow(RouterId id) {
        stopFollowing();
        ResourceEventBus.Subscription changes;
        try {
            changes = queries.follow(who, id, e -> {
                synchronized (lock) {
                    changed = true;
                }
            });
        } catch (NoSuchRouter gone) {
            publish(State.notFound(id.value()));
            return;
        }
        synchronized (lock) {
            followingChanges = changes;
        }
        AutoCloseable status = feed.subscribe(this::onStatuses);
        synchronized (lock) {
            followingStatus = status;
        }
    }

    private void stopFollowing() {
        AutoCloseable s;
        ResourceEventBus.Subscription c;
        synchronized (lock) {
            s = followingStatus;
            c = followingChanges;
            followingStatus = null;
            followingChanges = null;
        }
        if (c != null) c.close();
        if (s != null) {
            try {
                s.close();
            } catch (Exception ignored) {
                // closing a feed subscription only removes a listener
            }
        }
    }

    /** A poll round: the status line now, the rest when {@code refresh} has passed or something was committed. */
    private void onStatuses(List<RouterStatus> statuses) {
        RouterId id;
        synchronized (lock) {
            if (router.isEmpty()) return;
            id = router.get();
        }
        Optional<RouterStatus> status = statusOf(id, statuses);
        if (status.isEmpty()) {
            publish(State.notFound(id.value()));
            return;
        }
        // a router that stops or starts answering turns its charts grey (or current) at once
        boolean turned = !asOf(status.get()).isPresent() != !state().live().asOf().isPresent();
        boolean all;
        Instant now = clock.instant();
        synchronized (lock) {
            all = turned || changed || !now.isBefore(refreshedAt.plus(refresh));
            if (all) {
                refreshedAt = now;
                changed = false;
            }
        }
        if (all) {
            State next = load(id, status.get());
            update(current -> current.routerId().equals(id.value()) ? next : current);
        } else {
            Header h = header(status.get());
            Optional<String> asOf = asOf(status.get());
            Live l = live(status.get(), asOf, state().live().charts());
            Optional<String> ifAsOf = asOf;
            update(current -> current.routerId().equals(id.value()) && current.phase() == Phase.SHOWN
                    ? current.withStatus(h, l, ifAsOf) : current);
        }
    }

    /** Everything of the page, read now (outside any state change). */
    private State load(RouterId id, RouterStatus status) {
        Optional<String> asOf = asOf(status);
        OverviewCharts.Charts set;
        List<InterfaceRow> interfaces;
        try {
            set = charts.of(id, asOf);
            interfaces = telemetry.interfaces(id).stream().map(OverviewController::interfaceRow).toList();
        } catch (RuntimeException e) {
            set = OverviewCharts.Charts.NONE;
            interfaces = List.of();
        }
        Optional<String> ifAsOf = asOf;
        var counts = new EnumMap<ResourceKind, Integer>(ResourceKind.class);
        var drift = new ArrayList<DriftRow>();
        List<EventRow> events;
        List<ServiceRow> services;
        try {
            PageRequest request = PageRequest.first(PageRequest.MAX);
            while (true) {
                Page<Resource> page = queries.list(who, id, Optional.empty(), request);
                for (Resource r : page.items()) {
                    counts.merge(r.kind(), 1, Integer::sum);
                    r.deployment().flatMap(d -> d.drift()).filter(Drift::drifted)
                            .ifPresent(d -> drift.add(new DriftRow(ResourceLabels.describe(r), driftText(d),
                                    RouterRoutes.kind(id, r.kind()))));
                }
                if (!page.hasNextPage() || page.endCursor().isEmpty()) break;
                request = request.after(page.endCursor().get());
            }
            events = events(id);
            services = factory.instances(who, id).stream().map(OverviewController::serviceRow).toList();
        } catch (NoSuchRouter gone) {
            return State.notFound(id.value());
        }
        List<KindCount> kinds = new ArrayList<>();
        int total = 0;
        for (Map.Entry<ResourceKind, Integer> e : counts.entrySet()) {
            kinds.add(new KindCount(e.getKey(), ResourceLabels.kind(e.getKey()), e.getValue(), RouterRoutes.kind(id, e.getKey())));
            total += e.getValue();
        }
        return new State(Phase.SHOWN, id.value(), header(status), live(status, asOf, set), interfaces, ifAsOf, kinds,
                total, drift, events, services, Optional.empty());
    }

    private static Optional<RouterStatus> statusOf(RouterId id, List<RouterStatus> statuses) {
        return statuses.stream().filter(s -> s.routerId().equals(id)).findFirst();
    }

    /** "as of 06:12" when the router does not answer (its values date from when it last did). */
    private Optional<String> asOf(RouterStatus s) {
        if (s.reachable()) return Optional.empty();
        return Optional.of(s.lastSeenAt().map(at -> "as of " + when(at)).orElse("not seen since the server started"));
    }

    private Header header(RouterStatus s) {
        Optional<String> asOf = asOf(s);
        String uptime = s.uptime().map(OverviewController::duration).map(u -> u + asOf.map(a -> " (" + a + ")").orElse(""))
                .orElse("—");
        String status = s.reachable() ? "Online" : s.lastSeenAt()
                .map(at -> "Last seen " + ago(Duration.between(at, clock.instant())))
                .orElse("Not seen since the server started");
        return new Header(s.name(), s.identity().orElse("—"), s.version().orElse("—"), s.board().orElse("—"), uptime,
                s.reachable(), status, s.reachable() ? "" : plain(s.problem().orElse("")));
    }

    private static Live live(RouterStatus s, Optional<String> asOf, OverviewCharts.Charts set) {
        String suffix = asOf.map(a -> " (" + a + ")").orElse("");
        String cpu = s.cpuLoadPercent().map(c -> c + " %" + suffix).orElse("—");
        String memory = s.totalMemoryBytes().flatMap(t -> s.freeMemoryBytes().map(f -> megabytes(t - f) + " of "
                + megabytes(t) + " in use" + suffix)).orElse("—");
        return new Live(cpu, memory, set, asOf);
    }

    private List<EventRow> events(RouterId id) {
        var rows = new ArrayList<EventRow>();
        var page = eventLog.query(EventQuery.all(50).forRouter(id).withClasses(Set.of(EventClass.CRITICAL, EventClass.NORMAL)));
        for (LoggedEvent e : page.events()) {
            if (QUIET_TYPES.contains(e.type())) continue;
            rows.add(eventRow(id, e));
            if (rows.size() == EVENTS) break;
        }
        return rows;
    }

    /** An event in the user's terms: about a resource, its name in words and what happened to it. */
    private EventRow eventRow(RouterId router, LoggedEvent e) {
        String text = e.summary();
        String link = "";
        if (e.type().startsWith("resource.") && e.data().get("kind") instanceof String kindName) {
            Optional<ResourceKind> kind = kindOf(kindName);
            if (kind.isPresent()) {
                Optional<Resource> live = Optional.empty();
                if (e.data().get("resourceId") instanceof String uuid) {
                    try {
                        live = queries.get(who, ResourceId.parse(uuid));
                    } catch (IllegalArgumentException notAnId) {
                        live = Optional.empty();
                    }
                }
                String name = e.data().get("name") instanceof String n ? n : "";
                String label = live.map(ResourceLabels::describe)
                        .orElse(ResourceLabels.describe(kind.get(), name.isEmpty() ? Fields.EMPTY : Fields.of("name", name)));
                text = label + " " + e.type().substring("resource.".length()).replace('-', ' ');
                link = RouterRoutes.kind(router, kind.get());
            }
        }
        return new EventRow(when(e.at()), text, e.actor(), link);
    }

    private static Optional<ResourceKind> kindOf(String name) {
        try {
            return Optional.of(ResourceKind.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    private String when(Instant at) {
        var local = at.atZone(zone);
        return local.toLocalDate().equals(LocalDate.ofInstant(clock.instant(), zone)) ? TIME.format(local) : DAY_TIME.format(local);
    }

    private static InterfaceRow interfaceRow(InterfaceState i) {
        String state = i.disabled() ? "disabled" : i.running() ? "running" : "not running";
        return new InterfaceRow(i.name(), i.type().isEmpty() ? "—" : i.type(), state, i.running(), i.disabled());
    }

    private static ServiceRow serviceRow(ServiceInstance i) {
        String state = switch (i.state()) {
            case PULLING -> "Pulling image · " + i.progress() + " %";
            case EXTRACTING -> "Extracting image";
            default -> i.state().name().charAt(0) + i.state().name().substring(1).toLowerCase(Locale.ROOT);
        };
        InstanceHealth h = i.health();
        String health = switch (h.status()) {
            case HEALTHY -> "Healthy";
            case UNHEALTHY -> "Unhealthy" + (h.reason().isBlank() ? "" : ": " + h.reason());
            case UNKNOWN -> "Not checked yet";
        };
        return new ServiceRow(i.name(), i.interfaceName(), state, health, h.status() == InstanceHealth.Status.HEALTHY);
    }

    static String driftText(Drift d) {
        if (d.missing()) return "missing from the router";
        List<String> fields = d.differences().stream().map(FieldDifference::field).distinct().toList();
        return String.join(", ", fields) + (fields.size() == 1 ? " differs" : " differ") + " on the router";
    }

    /** "less than a minute ago", "1 minute ago", "12 minutes ago", "3 hours ago", "2 days ago". */
    static String ago(Duration since) {
        long minutes = since.toMinutes();
        if (minutes < 1) return "less than a minute ago";
        if (minutes < 60) return minutes + (minutes == 1 ? " minute ago" : " minutes ago");
        long hours = since.toHours();
        if (hours < 24) return hours + (hours == 1 ? " hour ago" : " hours ago");
        long days = since.toDays();
        return days + (days == 1 ? " day ago" : " days ago");
    }

    /** "3 d 4 h", "5 h 12 min", "42 min", "30 s". */
    static String duration(Duration d) {
        long days = d.toDays();
        if (days > 0) return days + " d " + d.toHoursPart() + " h";
        if (d.toHours() > 0) return d.toHours() + " h " + d.toMinutesPart() + " min";
        if (d.toMinutes() > 0) return d.toMinutes() + " min";
        return d.toSeconds() + " s";
    }

    static String megabytes(long bytes) {
        return Math.round(bytes / 1_000_000.0) + " MB";
    }

    /** Why a router does not answer, in plain words (the monitor's messages are written for logs). */
    static String plain(String problem) {
        String p = problem.toLowerCase(Locale.ROOT);
        if (p.isBlank()) return "It does not answer.";
        if (p.equals("not polled yet")) return "It has not been checked yet.";
        if (p.contains("login") && p.contains("failed")) return "The router refused the user name or password.";
        if (p.contains("timed out") || p.contains("no time left")) return "The router did not answer in time.";
        if (p.contains("refused")) return "Nothing answers on the router's API port (the connection was refused).";
        if (p.contains("no route") || p.contains("unreachable") || p.contains("network is down"))
            return "The router cannot be reached over the network.";
        if (p.contains("unknown host") || p.contains("unresolved") || p.contains("name or service not known"))
            return "The router's address cannot be found (name lookup failed).";
        if (p.contains("certificate") || p.contains("handshake") || p.contains("tls"))
            return "The router's TLS certificate was not accepted.";
        if (p.contains("cannot connect") || p.contains("no connection")) return "The router does not accept connections.";
        if (p.contains("quarantine")) return "Its database is quarantined: " + problem;
        return Character.toUpperCase(problem.charAt(0)) + problem.substring(1) + (problem.endsWith(".") ? "" : ".");
    }
}

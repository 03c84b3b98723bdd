package com.nasnetconnect.ui.events;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventLogQueries;
import com.nasnetconnect.domain.events.EventPage;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventWords;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.events.ResourceChangeEvents;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.SensitiveState;
import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.Notice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Headless controller of a router's events page: the event log across its tiers ({@link EventLogQueries#query}),
 * newest first, a page at a time, filtered by class, type and time; live ({@link EventLogQueries#follow}) while
 * watched: a new matching event goes to the top when the newest page shows, otherwise it is counted ("3 new
 * events") and the page the user reads stays still. Each event is named in the user's words ({@link EventWords}:
 * "VLAN guest", "service nnc-tor-usa"), with who did it, what happened and, for a resource change on request, each
 * field's old and new value from the resource's history (sensitive values masked).
 *
 * <p>Live events arrive on the event log's delivery thread; the controller never calls the domain inside a change.
 */
public final class EventsController extends HeadlessController<EventsController.State> {
    /** The time filter's choices. */
    public enum Window {
        ANY("Any time", Optional.empty()), LAST_HOUR("Last hour", Optional.of(Duration.ofHours(1))),
        LAST_DAY("Last day", Optional.of(Duration.ofDays(1))), LAST_WEEK("Last week", Optional.of(Duration.ofDays(7))),
        CUSTOM("From … to …", Optional.empty());

        private final String label;
        private final Optional<Duration> back;

        Window(String label, Optional<Duration> back) {
            this.label = label;
            this.back = back;
        }

        public String label() {
            return label;
        }
    }

    /**
     * What the page shows: empty {@code classes} or {@code types} mean all; {@code from} and {@code to} bound a
     * {@link Window#CUSTOM} window (either may be open).
     */
    public record Filter(Set<EventClass> classes, Set<String> types, Window window, Optional<Instant> from, Optional<Instant> to) {
        /**
         * What a page opens with: critical and normal events of any time. Low ones (telemetry samples, several a
         * second per router) would push every change off the first page within seconds; one tick shows them.
         */
        public static final Filter DEFAULT = new Filter(Set.of(EventClass.CRITICAL, EventClass.NORMAL), Set.of(), Window.ANY,
                Optional.empty(), Optional.empty());

        public Filter {
            classes = classes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(classes));
            types = Set.copyOf(types);
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * One event as display text.
     *
     * @param at       when, in the server's zone ("2026-03-10 12:00:05")
     * @param subject  what it concerns in the user's words ("VLAN guest")
     * @param action   what happened ("created", "changed name, vlanId")
     * @param actor    who did it ("alice", "system")
     * @param tier     where it was read from ("hot", "warm", "cold"), shown discreetly
     * @param changes  whether the old and new values can be shown ({@link #changes(String)})
     * @param position the event's place in the log (the cursor of the page that ends with it)
     * @param resourceId for a resource change, the resource's uuid (never shown); empty otherwise
     * @param version    for a resource change, the resource's version after it
     */
    public record EventRow(String id, String at, EventClass eventClass, String type, String subject, String action, String actor,
                           String tier, boolean changes, String position, String resourceId, long version) {
        public String classLabel() {
            return EventWords.classInWords(eventClass);
        }
    }

    /**
     * The page at one moment.
     *
     * @param page        1 for the newest events, 2 for the next older page, …
     * @param newEvents   events recorded since the user left the newest page (or while it was filtered away)
     * @param typeChoices the types the type filter offers: those known, those seen, those chosen
     * @param changes     by event id, the changed fields as "name: guest → guests" lines, for the events opened
     */
    public record State(Optional<RouterId> router, String routerName, Filter filter, List<String> typeChoices,
                        List<EventRow> rows, int page, boolean hasOlder, int newEvents, Map<String, List<String>> changes,
                        Optional<Notice> notice) {
        public State {
            Objects.requireNonNull(router, "router");
            Objects.requireNonNull(filter, "filter");
            typeChoices = List.copyOf(typeChoices);
            rows = List.copyOf(rows);
            changes = Map.copyOf(changes);
            Objects.requireNonNull(notice, "notice");
        }

        public boolean hasNewer() {
            return page > 1;
        }

        State with(List<EventRow> next, boolean older, List<String> types) {
            return new State(router, routerName, filter, types, next, page, older, newEvents, changes, notice);
        }

        State counting(int more) {
            return new State(router, routerName, filter, typeChoices, rows, page, hasOlder, newEvents + more, changes, notice);
        }

        State withChanges(Map<String, List<String>> next) {
            return new State(router, routerName, filter, typeChoices, rows, page, hasOlder, newEvents, next, notice);
        }

        State withNotice(Optional<Notice> next) {
            return new State(router, routerName, filter, typeChoices, rows, page, hasOlder, newEvents, changes, next);
        }
    }

    /** Types every router may have, offered before any was seen. */
    static final List<String> KNOWN_TYPES;

    static {
        var known = new TreeSet<String>();
        for (ChangeType t : ChangeType.values()) known.add(ResourceChangeEvents.typeOf(t));
        known.addAll(List.of("resource.validation-refused", "router.reachable", "router.unreachable", "service.installed",
                "service.uninstalled", "service.state", "telemetry.router", "telemetry.interface", "telemetry.resource"));
        KNOWN_TYPES = List.copyOf(known);
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final EventLogQueries log;
    private final Function<ResourceId, List<ResourceEvent>> history;
    private final Function<RouterId, Optional<String>> routerNames;
    private final Clock clock;
    private final ZoneId zone;
    private final int pageSize;
    /** Guards {@link #following} and {@link #cursors}; never held while calling the domain or notifying. */
    private final Object lock = new Object();
    private EventLogQueries.Subscription following;
    /** The {@code after} cursor of each page shown so far: index 0 is page 2's. */
    private final List<String> cursors = new ArrayList<>();

    /**
     * @param history     a resource's history (oldest first, also after it was deleted), for the old and new values
     * @param routerNames a router's name (empty when unknown: the id is shown)
     */
    public EventsController(EventLogQueries log, Function<ResourceId, List<ResourceEvent>> history,
                            Function<RouterId, Optional<String>> routerNames, Clock clock, ZoneId zone, int pageSize) {
        super(new State(Optional.empty(), "", Filter.DEFAULT, KNOWN_TYPES, List.of(), 1, false, 0, Map.of(), Optional.empty()));
        this.log = Objects.requireNonNull(log, "log");
        this.history = Objects.requireNonNull(history, "history");
        this.routerNames = Objects.requireNonNull(routerNames, "routerNames");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        if (pageSize < 1 || pageSize > EventQuery.MAX_FIRST) throw new IllegalArgumentException("page size must be 1.." + EventQuery.MAX_FIRST + ": " + pageSize);
        this.pageSize = pageSize;
    }

    /** The zone times are shown (and a custom range is read) in. */
    public ZoneId zone() {
        return zone;
    }

    /** User intent: show this router's events (the page's address names it by id), newest first, {@link Filter#DEFAULT}. */
    public void open(String routerId) {
        RouterId router;
        try {
            router = new RouterId(Objects.requireNonNullElse(routerId, ""));
        } catch (IllegalArgumentException e) {
            publish(new State(Optional.empty(), "", Filter.DEFAULT, KNOWN_TYPES, List.of(), 1, false, 0, Map.of(),
                    Optional.of(Notice.error("There is no router '" + routerId + "'."))));
            return;
        }
        Optional<String> name = routerNames.apply(router);
        if (name.isEmpty()) {
            publish(new State(Optional.empty(), router.value(), Filter.DEFAULT, KNOWN_TYPES, List.of(), 1, false, 0, Map.of(),
                    Optional.of(Notice.error("There is no router '" + router.value() + "'."))));
            return;
        }
        show(router, name.get(), Filter.DEFAULT);
    }

    /** User intent: only these classes (none: all). */
    public void classes(Set<EventClass> classes) {
        State s = state();
        refilter(new Filter(classes, s.filter().types(), s.filter().window(), s.filter().from(), s.filter().to()));
    }

    /** User intent: only these types (none: all). */
    public void types(Set<String> types) {
        State s = state();
        refilter(new Filter(s.filter().classes(), types, s.filter().window(), s.filter().from(), s.filter().to()));
    }

    /** User intent: a preset window (the last hour, day, week, any time); {@link Window#CUSTOM} keeps the range chosen. */
    public void window(Window window) {
        State s = state();
        refilter(new Filter(s.filter().classes(), s.filter().types(), window, s.filter().from(), s.filter().to()));
    }

    /** User intent: events from {@code from} (inclusive) to {@code to} (exclusive), in the page's zone; either may be open. */
    public void range(Optional<LocalDateTime> from, Optional<LocalDateTime> to) {
        Optional<Instant> f = from.map(t -> t.atZone(zone).toInstant());
        Optional<Instant> u = to.map(t -> t.atZone(zone).toInstant());
        if (f.isPresent() && u.isPresent() && !f.get().isBefore(u.get())) {
            update(s -> s.withNotice(Optional.of(Notice.error("From " + TIME.format(from.get()) + " must be before to "
                    + TIME.format(to.get()) + "."))));
            return;
        }
        State s = state();
        refilter(new Filter(s.filter().classes(), s.filter().types(), Window.CUSTOM, f, u));
    }

    /** User intent: the next older page. */
    public void older() {
        State s = state();
        if (s.router().isEmpty() || !s.hasOlder() || s.rows().isEmpty()) return;
        String after = s.rows().getLast().position();
        load(s, Optional.of(after), s.page() + 1, s.newEvents(), () -> {
            synchronized (lock) {
                cursors.add(after);
            }
        });
    }

    /** User intent: the next newer page. */
    public void newer() {
        State s = state();
        if (s.router().isEmpty() || s.page() <= 1) return;
        Optional<String> after;
        synchronized (lock) {
            cursors.removeLast();
            after = s.page() - 2 == 0 ? Optional.empty() : Optional.of(cursors.get(s.page() - 3));
        }
        load(s, after, s.page() - 1, s.page() - 1 == 1 ? 0 : s.newEvents(), () -> { });
    }

    /** User intent: the newest events (also what "N new events" does). */
    public void newest() {
        State s = state();
        if (s.router().isEmpty()) return;
        synchronized (lock) {
            cursors.clear();
        }
        load(s, Optional.empty(), 1, 0, () -> { });
    }

    /**
     * User intent: show (or hide again) the old and new value of each field a resource change changed, from the
     * resource's history; sensitive values masked. Events of other kinds have no changes to show.
     */
    public void changes(String eventId) {
        State s = state();
        if (s.changes().containsKey(eventId)) {
            var next = new LinkedHashMap<>(s.changes());
            next.remove(eventId);
            update(c -> c.withChanges(next));
            return;
        }
        Optional<EventRow> row = s.rows().stream().filter(r -> r.id().equals(eventId)).findFirst();
        if (row.isEmpty() || !row.get().changes()) return;
        List<String> lines;
        try {
            lines = changeLines(row.get());
        } catch (RuntimeException e) {
            update(c -> c.withNotice(Optional.of(Notice.refusal(e))));
            return;
        }
        update(c -> {
            var next = new LinkedHashMap<>(c.changes());
            next.put(eventId, lines);
            return c.withChanges(next);
        });
    }

    @Override
    protected void onWatched() {
        State s = state();
        s.router().ifPresent(r -> follow(r, s.filter()));
    }

    @Override
    protected void onUnwatched() {
        stopFollowing();
    }

    // --- the domain, then the state ---

    private void refilter(Filter filter) {
        State s = state();
        if (s.router().isEmpty()) return;
        show(s.router().get(), s.routerName(), filter);
    }

    private void show(RouterId router, String name, Filter filter) {
        EventQuery query;
        try {
            query = query(router, filter, Optional.empty());
        } catch (IllegalArgumentException e) {
            update(s -> s.withNotice(Optional.of(Notice.refusal(e))));
            return;
        }
        if (watched()) follow(router, filter);
        EventPage page;
        try {
            page = log.query(query);
        } catch (RuntimeException e) {
            publish(new State(Optional.of(router), name, filter, KNOWN_TYPES, List.of(), 1, false, 0, Map.of(),
                    Optional.of(Notice.refusal(e))));
            return;
        }
        synchronized (lock) {
            cursors.clear();
        }
        List<EventRow> rows = page.events().stream().map(e -> row(e, name)).toList();
        publish(new State(Optional.of(router), name, filter, choices(state().typeChoices(), rows, filter), rows, 1,
                page.hasNextPage(), 0, Map.of(), Optional.empty()));
    }

    private void load(State s, Optional<String> after, int pageNumber, int newEvents, Runnable onShown) {
        EventPage page;
        try {
            page = log.query(query(s.router().orElseThrow(), s.filter(), after));
        } catch (RuntimeException e) {
            update(c -> c.withNotice(Optional.of(Notice.refusal(e))));
            return;
        }
        onShown.run();
        List<EventRow> rows = page.events().stream().map(e -> row(e, s.routerName())).toList();
        update(c -> new State(c.router(), c.routerName(), c.filter(), choices(c.typeChoices(), rows, c.filter()), rows, pageNumber,
                page.hasNextPage(), newEvents, Map.of(), Optional.empty()));
    }

    /** A new event from the log's delivery thread: at the top of the newest page, else counted. */
    private void arrived(RouterId router, Filter filter, LoggedEvent e) {
        update(s -> {
            if (s.router().isEmpty() || !s.router().get().equals(router) || !s.filter().equals(filter)) return s; // a follow since replaced
            if (s.rows().stream().anyMatch(r -> r.id().equals(e.id()))) return s;
            if (s.page() != 1) return s.counting(1);
            var rows = new ArrayList<EventRow>(s.rows().size() + 1);
            rows.add(row(e, s.routerName()));
            rows.addAll(s.rows());
            boolean trimmed = rows.size() > pageSize;
            if (trimmed) rows.removeLast();
            return s.with(rows, s.hasOlder() || trimmed, choices(s.typeChoices(), rows, s.filter()));
        });
    }

    private void follow(RouterId router, Filter filter) {
        EventQuery live;
        try {
            live = query(router, filter, Optional.empty());
        } catch (IllegalArgumentException e) {
            return;
        }
        EventLogQueries.Subscription next = log.follow(live, e -> arrived(router, filter, e));
        EventLogQueries.Subscription previous;
        synchronized (lock) {
            previous = following;
            following = next;
        }
        if (previous != null) previous.close();
    }

    private void stopFollowing() {
        EventLogQueries.Subscription previous;
        synchronized (lock) {
            previous = following;
            following = null;
        }
        if (previous != null) previous.close();
    }

    /** The filter as an event-log query; a preset window counts back from now. */
    EventQuery query(RouterId router, Filter f, Optional<String> after) {
        Optional<Instant> since = f.window() == Window.CUSTOM ? f.from() : f.window().back.map(d -> clock.instant().minus(d));
        Optional<Instant> until = f.window() == Window.CUSTOM ? f.to() : Optional.empty();
        return new EventQuery(Optional.of(router), f.classes(), f.types(), since, until, pageSize, after);
    }

    private EventRow row(LoggedEvent e, String routerName) {
        String resourceId = e.type().startsWith("resource.") && e.data().get("resourceId") instanceof String r ? r : "";
        long version = e.data().get("version") instanceof Number v ? v.longValue() : 0;
        return new EventRow(e.id(), TIME.format(e.at().atZone(zone)), e.eventClass(), e.type(), EventWords.subject(e, routerName),
                EventWords.action(e), e.actor(), e.tier().name().toLowerCase(Locale.ROOT),
                !resourceId.isEmpty() && !EventWords.changedFields(e).isEmpty(), e.position().encode(), resourceId, version);
    }

    private static List<String> choices(List<String> before, List<EventRow> rows, Filter filter) {
        var all = new TreeSet<>(before);
        rows.forEach(r -> all.add(r.type()));
        all.addAll(filter.types());
        return all.size() == before.size() ? before : List.copyOf(all);
    }

    private List<String> changeLines(EventRow row) {
        ResourceId id = ResourceId.parse(row.resourceId());
        long sequence = sequenceOf(row.id());
        for (ResourceEvent r : history.apply(id)) {
            boolean same = sequence >= 0 ? r.sequence() == sequence
                    : r.version() == row.version() && ResourceChangeEvents.typeOf(r.type()).equals(row.type());
            if (!same) continue;
            List<String> lines = SensitiveState.redact(r).changes().stream().map(EventsController::line).toList();
            return lines.isEmpty() ? List.of("No configuration field changed.") : lines;
        }
        return List.of("The resource's history no longer holds this change.");
    }

    /** {@code res-<router>-<sequence>} → the sequence; -1 for any other id. */
    private static long sequenceOf(String eventId) {
        int dash = eventId.lastIndexOf('-');
        if (!eventId.startsWith("res-") || dash < 0) return -1;
        try {
            return Long.parseLong(eventId.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String line(FieldDifference d) {
        return d.field() + ": " + d.before().map(EventsController::value).orElse("(none)") + " → "
                + d.after().map(EventsController::value).orElse("(none)");
    }

    private static String value(Object v) {
        return v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : String.valueOf(v);
    }
}

package com.nasnetconnect.ui.drawer;

import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.apply.DriftResolution;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Drift;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.NoSuchResource;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceLabels;
import com.nasnetconnect.domain.state.SensitiveState;
import com.nasnetconnect.domain.state.Telemetry;
import com.nasnetconnect.domain.state.TelemetrySample;
import com.nasnetconnect.domain.telemetry.TelemetryQueries;
import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.Notice;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The headless side of the resource drawer: the 8 layers of one resource (sensitive values masked), its history
 * with a time slider (the state at a past instant through {@link ResourceQueries#at} and a side-by-side diff of its
 * configuration then and now), and drift ("Check now", then "Accept router value" or "Re-apply mine" through
 * {@link DriftResolution}). The resource page opens it with {@link #open(ResourceId)}; a related resource opens in
 * its place. While watched, the resource's router is followed, so a change made anywhere shows at once.
 *
 * <p>Every decision lives here; the presenter lays out {@link State} as it is. Times are shown in the user's zone.
 */
public final class ResourceDrawerController extends HeadlessController<ResourceDrawerController.State> {
    /** One label and value of a layer. */
    public record Line(String label, String value) {
    }

    /** A related resource, named in words; {@code uuid} opens it. */
    public record Link(String uuid, String label) {
    }

    /** One instant of the history: every event committed at it, who made them and what they changed. */
    public record HistoryEntry(Instant at, String when, String who, String what) {
    }

    /** How a field compares between the selected instant and now. */
    public enum Change { SAME, CHANGED, ADDED, REMOVED }

    /** One configuration field then (at the selected instant) and now; {@code ""} where the field is absent. */
    public record DiffRow(String field, String then, String now, Change change) {
    }

    /** One drifted field: the stored ("yours") and the router's value. */
    public record DriftRow(String field, String yours, String router) {
    }

    /** The drift layer: when it was checked, whether the object is gone, the differing fields. */
    public record DriftView(String checkedAt, boolean missing, List<DriftRow> rows) {
        public boolean drifted() {
            return missing || !rows.isEmpty();
        }
    }

    /** The telemetry layer: a sparkline of one metric (oldest first) and the latest value of each. */
    public record Spark(String metric, List<Double> points, List<Line> latest) {
    }

    /**
     * What the drawer shows. {@code selected} is the history position the slider is at ({@code history.size() - 1}
     * is the latest); {@code then} the configuration at that instant when an older one is picked.
     */
    public record State(Optional<ResourceId> id, String title, boolean exists, boolean canChange,
                        List<Line> configuration, String validationSummary, List<String> validationIssues,
                        List<Line> deployment, List<Line> runtime, Spark telemetry, List<Line> metadata,
                        List<Link> dependsOn, List<Link> dependents, List<Line> platform,
                        List<HistoryEntry> history, int selected, Optional<String> thenTitle, List<DiffRow> diff,
                        Optional<DriftView> drift, Optional<Notice> notice) {
        public State {
            configuration = List.copyOf(configuration);
            validationIssues = List.copyOf(validationIssues);
            deployment = List.copyOf(deployment);
            runtime = List.copyOf(runtime);
            metadata = List.copyOf(metadata);
            dependsOn = List.copyOf(dependsOn);
            dependents = List.copyOf(dependents);
            platform = List.copyOf(platform);
            history = List.copyOf(history);
            diff = List.copyOf(diff);
        }

        static State closed(boolean canChange) {
            return new State(Optional.empty(), "", false, canChange, List.of(), "", List.of(), List.of(), List.of(),
                    new Spark("", List.of(), List.of()), List.of(), List.of(), List.of(), List.of(), List.of(), -1,
                    Optional.empty(), List.of(), Optional.empty(), Optional.empty());
        }

        public boolean open() {
            return id.isPresent();
        }

        /** True when the slider is at an older instant than the latest. */
        public boolean inThePast() {
            return selected >= 0 && selected < history.size() - 1;
        }

        State withNotice(Optional<Notice> next) {
            return new State(id, title, exists, canChange, configuration, validationSummary, validationIssues, deployment,
                    runtime, telemetry, metadata, dependsOn, dependents, platform, history, selected, thenTitle, diff, drift, next);
        }

        State withSelection(int index, Optional<String> then, List<DiffRow> rows) {
            return new State(id, title, exists, canChange, configuration, validationSummary, validationIssues, deployment,
                    runtime, telemetry, metadata, dependsOn, dependents, platform, history, index, then, rows, drift, notice);
        }
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private final Principal who;
    private final ResourceQueries queries;
    private final Optional<ResourceChanges> changes;
    private final Optional<DriftResolution> drift;
    private final Optional<TelemetryQueries> telemetry;
    private final ZoneId zone;
    /** Guards {@link #following}; never held while calling the domain or notifying. */
    private final Object followLock = new Object();
    private ResourceEventBus.Subscription following;
    private RouterId followed;
    /** The latest configuration (masked), the "now" side of every diff; replaced with each load. */
    private volatile Fields now = Fields.EMPTY;

    /** Read-only: the layers and the history; drift can be seen but not settled. */
    public ResourceDrawerController(Principal who, ResourceQueries queries) {
        this(who, queries, Optional.empty(), Optional.empty(), Optional.empty(), ZoneId.systemDefault());
    }

    /**
     * @param changes   for "Check now" (a drift check of the resource's router)
     * @param drift     for "Accept router value" and "Re-apply mine"
     * @param telemetry the poller's fresher runtime and recent counters, when the server runs it
     * @param zone      the user's time zone, for every time shown
     */
    public ResourceDrawerController(Principal who, ResourceQueries queries, Optional<ResourceChanges> changes,
                                    Optional<DriftResolution> drift, Optional<TelemetryQueries> telemetry, ZoneId zone) {
        super(State.closed(who.role().allows(Role.OPERATOR)));
        this.who = Objects.requireNonNull(who, "who");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.drift = Objects.requireNonNull(drift, "drift");
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Shows this resource (latest state) with its history; the slider at the latest instant. */
    public void open(ResourceId id) {
        Objects.requireNonNull(id, "id");
        State next = load(id, Optional.empty());
        publish(next);
        if (watched()) follow(routerOf(id));
    }

    public void closeDrawer() {
        stopFollowing();
        publish(State.closed(state().canChange()));
    }

    /**
     * The slider (or the list of instants) picked history position {@code index}: the resource as it was then
     * ({@link ResourceQueries#at}) and its configuration then side by side with now. The latest position shows no diff.
     */
    public void selectHistory(int index) {
        State s = state();
        if (s.id().isEmpty() || s.history().isEmpty()) return;
        int at = Math.max(0, Math.min(index, s.history().size() - 1));
        if (at == s.history().size() - 1) {
            update(c -> c.id().equals(s.id()) ? c.withSelection(at, Optional.empty(), List.of()) : c);
            return;
        }
        var entry = s.history().get(at);
        Optional<Resource> then = queries.at(who, s.id().get(), entry.at());
        Fields thenConfig = then.map(r -> SensitiveState.redact(r.kind(), r.configuration())).orElse(Fields.EMPTY);
        var rows = diff(thenConfig, now);
        Optional<String> title = Optional.of(then.map(ResourceLabels::describe).map(t -> t + " at " + entry.when())
                .orElse("Not created yet at " + entry.when()));
        update(c -> c.id().equals(s.id()) ? c.withSelection(at, title, rows) : c);
    }

    /** "Check now": compares the resource's router with the state now and records what differs. */
    public void checkDrift() {
        State s = state();
        if (s.id().isEmpty() || changes.isEmpty()) return;
        ResourceId id = s.id().get();
        var router = routerOf(id);
        act(id, () -> {
            changes.get().checkDrift(who, router);
            return load(id, Optional.empty()).drift().filter(DriftView::drifted)
                    .map(d -> Notice.error(s.title() + " differs from the router in " + (d.missing() ? "that it is gone from it"
                            : d.rows().size() + " field(s)")))
                    .orElse(Notice.success(s.title() + " matches the router"));
        });
    }

    /** "Accept router value": the stored configuration takes the router's values; nothing is sent to the router. */
    public void acceptRouterValues() {
        State s = state();
        if (s.id().isEmpty() || drift.isEmpty()) return;
        ResourceId id = s.id().get();
        act(id, () -> {
            drift.get().acceptRouterValues(who, id);
            return Notice.success(s.title() + " now holds the router's values; nothing was sent to the router");
        });
    }

    /** "Re-apply mine": the stored configuration goes to the router again; a refusal leaves both as they were. */
    public void reapply() {
        State s = state();
        if (s.id().isEmpty() || drift.isEmpty()) return;
        ResourceId id = s.id().get();
        act(id, () -> {
            drift.get().reapply(who, id);
            return Notice.success(s.title() + " was re-applied: the router holds your configuration again");
        });
    }

    public void dismissNotice() {
        update(s -> s.notice().isEmpty() ? s : s.withNotice(Optional.empty()));
    }

    @Override
    protected void onWatched() {
        state().id().ifPresent(id -> follow(routerOf(id)));
    }

    @Override
    protected void onUnwatched() {
        stopFollowing();
    }

    /** Runs a drift action, then shows the resource afresh with its outcome, or the refusal in plain words. */
    private void act(ResourceId id, Supplier<Notice> action) {
        String title = state().title();
        Notice outcome;
        try {
            outcome = action.get();
        } catch (ApplyException.Rejected e) {
            outcome = Notice.error("The router refused " + title + ": " + e.routerMessage() + ". "
                    + (e.routerRestored() ? "The router and the stored configuration are as they were."
                    : "The router puts itself back on its own; the stored configuration is as it was."));
        } catch (ApplyException.Invalid e) {
            outcome = Notice.error(title + " cannot be re-applied: " + String.join("; ",
                    e.errors().stream().map(i -> i.field() + (i.value() == null ? "" : " '" + i.value() + "'") + ": " + i.message()).toList()));
        } catch (ApplyException e) {
            outcome = Notice.error("The router did not confirm " + title + ": " + e.getMessage());
        } catch (RouterException e) {
            outcome = Notice.error("The router of " + title + " could not be read: " + e.getMessage() + ". Nothing was changed.");
        } catch (NoSuchResource e) {
            outcome = Notice.error(title + " no longer exists");
        } catch (InputRefused e) {
            outcome = Notice.error(String.join("; ", e.problems().stream().map(InputRefused.Problem::message).toList()));
        } catch (AccessDeniedException e) {
            outcome = Notice.refusal(e);
        }
        Notice shown = outcome;
        State next = load(id, Optional.of(shown));
        update(c -> c.id().equals(Optional.of(id)) ? next : c);
    }

    /** The resource now, its history and its layers, as the drawer shows them. */
    private State load(ResourceId id, Optional<Notice> notice) {
        boolean canChange = who.role().allows(Role.OPERATOR);
        Optional<Resource> found = queries.get(who, id);
        List<ResourceEvent> events = queries.history(who, id).stream().map(SensitiveState::redact).toList();
        var history = history(events, zone);
        if (found.isEmpty()) {
            now = Fields.EMPTY;
            String title = events.isEmpty() ? "Unknown resource"
                    : events.reversed().stream().flatMap(e -> e.state().stream()).findFirst().map(ResourceLabels::describe)
                    .map(t -> t + " (deleted)").orElse("Deleted resource");
            return new State(Optional.of(id), title, false, canChange, List.of(), "", List.of(), List.of(), List.of(),
                    new Spark("", List.of(), List.of()), List.of(), List.of(), List.of(), List.of(), history,
                    history.size() - 1, Optional.empty(), List.of(), Optional.empty(),
                    notice.or(() -> Optional.of(Notice.error(events.isEmpty() ? "No resource has this id" : "This resource was deleted"))));
        }
        Resource r = found.get();
        Fields config = SensitiveState.redact(r.kind(), r.configuration());
        now = config;
        var runtime = telemetry.flatMap(t -> t.runtime(id)).or(r::runtime);
        Telemetry points = telemetry.map(t -> t.ofResource(r.routerId(), id)).filter(t -> !t.samples().isEmpty()).orElse(r.telemetry());
        return new State(Optional.of(id), ResourceLabels.describe(r), true, canChange, lines(config),
                validationSummary(r), validationIssues(r), deployment(r, zone), runtime.map(rt -> {
                    var out = new ArrayList<Line>();
                    out.add(new Line("Running", rt.running() ? "yes" : "no"));
                    out.add(new Line("Observed", when(rt.observedAt(), zone)));
                    out.addAll(lines(rt.values()));
                    return (List<Line>) out;
                }).orElse(List.of()), spark(points), metadata(r, zone),
                links(r.relationships().dependsOn()), links(r.relationships().dependents()), platform(r),
                history, history.size() - 1, Optional.empty(), List.of(), r.deployment().flatMap(d -> d.drift())
                .map(d -> driftView(d, config, zone)), notice);
    }

    private RouterId routerOf(ResourceId id) {
        return queries.get(who, id).map(Resource::routerId)
                .or(() -> queries.history(who, id).stream().findFirst().map(ResourceEvent::routerId))
                .orElse(null);
    }

    /** Follows the router's committed changes; one that touches the open resource shows it afresh. */
    private void follow(RouterId router) {
        if (router == null) return;
        synchronized (followLock) {
            if (router.equals(followed) && following != null) return;
        }
        ResourceEventBus.Subscription next = queries.follow(who, router, this::onChange);
        ResourceEventBus.Subscription previous;
        synchronized (followLock) {
            previous = following;
            following = next;
            followed = router;
        }
        if (previous != null) previous.close();
    }

    private void stopFollowing() {
        ResourceEventBus.Subscription previous;
        synchronized (followLock) {
            previous = following;
            following = null;
            followed = null;
        }
        if (previous != null) previous.close();
    }

    /** A committed change from any client; only the open resource's matter. The slider stays where the user put it. */
    private void onChange(ResourceEvent e) {
        State s = state();
        if (!s.id().equals(Optional.of(e.resourceId()))) return;
        boolean atLatest = !s.inThePast();
        State next = load(e.resourceId(), s.notice());
        update(c -> c.id().equals(Optional.of(e.resourceId())) ? next : c);
        if (!atLatest) selectHistory(s.selected());
    }

    // --- pure: how each layer reads -----------------------------------------------------------------------------

    static List<Line> lines(Fields fields) {
        var out = new ArrayList<Line>();
        fields.values().forEach((k, v) -> out.add(new Line(k, text(v))));
        return out;
    }

    static String text(Object v) {
        if (v instanceof List<?> l) return String.join(", ", l.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    /**
     * The configuration then and now, field by field in the order they appear (then's first, then fields new since):
     * changed fields compared as text (a stored 10 and a confirmed "10" are the same), added and removed marked.
     */
    static List<DiffRow> diff(Fields then, Fields now) {
        var fields = new LinkedHashSet<String>(then.values().keySet());
        fields.addAll(now.values().keySet());
        var out = new ArrayList<DiffRow>();
        for (String f : fields) {
            Optional<String> a = then.get(f).map(ResourceDrawerController::text);
            Optional<String> b = now.get(f).map(ResourceDrawerController::text);
            Change c = a.isEmpty() ? Change.ADDED : b.isEmpty() ? Change.REMOVED : a.get().equals(b.get()) ? Change.SAME : Change.CHANGED;
            out.add(new DiffRow(f, a.orElse(""), b.orElse(""), c));
        }
        return out;
    }

    /** Events grouped by instant, oldest first: when (user's zone), who, and what happened in words. */
    static List<HistoryEntry> history(List<ResourceEvent> events, ZoneId zone) {
        var byInstant = new LinkedHashMap<Instant, List<ResourceEvent>>();
        events.forEach(e -> byInstant.computeIfAbsent(e.at(), x -> new ArrayList<>()).add(e));
        var out = new ArrayList<HistoryEntry>();
        byInstant.forEach((at, list) -> {
            var actors = new TreeSet<String>();
            list.forEach(e -> actors.add(e.actor()));
            var what = new ArrayList<String>();
            for (ResourceEvent e : list) {
                String changed = String.join(", ", e.changes().stream().map(ResourceDrawerController::change).toList());
                what.add(words(e.type()) + (changed.isEmpty() ? "" : ": " + changed));
            }
            out.add(new HistoryEntry(at, when(at, zone), String.join(", ", actors), String.join("; ", what)));
        });
        return out;
    }

    static String words(ChangeType type) {
        return switch (type) {
            case CREATED -> "created";
            case ADOPTED -> "adopted from the router";
            case CONFIGURED -> "configured";
            case VALIDATED -> "validated";
            case DEPLOYED -> "applied to the router";
            case UNDEPLOYED -> "removed from the router";
            case DRIFT_CHECKED -> "checked against the router";
            case METADATA_CHANGED -> "tags or description changed";
            case RELATIONSHIPS_CHANGED -> "relationships changed";
            case PLATFORM_CHANGED -> "platform changed";
            case DELETED -> "deleted";
        };
    }

    static String change(FieldDifference d) {
        if (d.before().isEmpty()) return d.field() + " set to " + text(d.after().get());
        if (d.after().isEmpty()) return d.field() + " removed (was " + text(d.before().get()) + ")";
        return d.field() + " " + text(d.before().get()) + " → " + text(d.after().get());
    }

    /** "Yours" is the stored configuration's value where it sets the field, else what the router had confirmed. */
    static DriftView driftView(Drift d, Fields config, ZoneId zone) {
        var rows = d.differences().stream().map(f -> new DriftRow(f.field(),
                config.get(f.field()).map(ResourceDrawerController::text).or(() -> f.before().map(ResourceDrawerController::text)).orElse("(not set)"),
                f.after().map(ResourceDrawerController::text).orElse("(not set)"))).toList();
        return new DriftView(when(d.checkedAt(), zone), d.missing(), rows);
    }

    static String validationSummary(Resource r) {
        var v = r.validation();
        if (!v.validated()) return "Not validated yet";
        if (!v.canApply()) return v.errors().size() + " error(s): cannot be applied";
        return v.warnings().isEmpty() ? "Valid" : "Valid, " + v.warnings().size() + " warning(s)";
    }

    static List<String> validationIssues(Resource r) {
        var out = new ArrayList<String>();
        r.validation().errors().forEach(i -> out.add("Error: " + i.field() + (i.value().isEmpty() ? "" : " '" + i.value() + "'") + ": " + i.message()));
        r.validation().warnings().forEach(i -> out.add("Warning: " + i.field() + (i.value().isEmpty() ? "" : " '" + i.value() + "'") + ": " + i.message()));
        return out;
    }

    static List<Line> deployment(Resource r, ZoneId zone) {
        if (r.deployment().isEmpty()) return List.of(new Line("Status", "Not on the router yet"));
        var d = r.deployment().get();
        var out = new ArrayList<Line>();
        out.add(new Line("Router id", d.nativeId()));
        out.add(new Line("Applied", when(d.appliedAt(), zone) + " by " + d.appliedBy()));
        out.add(new Line("Drift", d.drift().map(x -> x.missing() ? "gone from the router" : x.drifted()
                ? "differs in " + String.join(", ", x.differences().stream().map(FieldDifference::field).toList()) : "in sync")
                .map(t -> t + " (checked " + when(d.drift().get().checkedAt(), zone) + ")").orElse("not checked")));
        lines(SensitiveState.redact(r.kind(), d.confirmed())).forEach(l ->
                out.add(new Line("Confirmed " + l.label(), l.value())));
        return out;
    }

    static Spark spark(Telemetry t) {
        if (t.samples().isEmpty()) return new Spark("", List.of(), List.of());
        TelemetrySample last = t.samples().getLast();
        var names = new TreeSet<>(last.metrics().keySet());
        String metric = names.contains("rxBps") ? "rxBps" : names.contains("rxBytes") ? "rxBytes" : names.isEmpty() ? "" : names.first();
        var points = t.samples().stream().map(s -> s.metrics().get(metric)).filter(Objects::nonNull).toList();
        var latest = names.stream().map(n -> new Line(n, number(last.metrics().get(n)))).toList();
        return new Spark(metric, points, latest);
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }

    static List<Line> metadata(Resource r, ZoneId zone) {
        var m = r.metadata();
        var out = new ArrayList<Line>();
        out.add(new Line("Created", when(m.createdAt(), zone) + " by " + m.createdBy()));
        out.add(new Line("Updated", when(m.updatedAt(), zone) + " by " + m.updatedBy()));
        out.add(new Line("Version", String.valueOf(m.version())));
        if (!m.tags().isEmpty()) out.add(new Line("Tags", String.join(", ", m.tags())));
        if (!m.description().isEmpty()) out.add(new Line("Description", m.description()));
        return out;
    }

    static List<Line> platform(Resource r) {
        var out = new ArrayList<Line>();
        out.add(new Line("Platform", r.platform().current()));
        if (!r.platform().capabilities().isEmpty()) {
            out.add(new Line("Capabilities", String.join(", ", new TreeSet<>(r.platform().capabilities()))));
        }
        return out;
    }

    private List<Link> links(java.util.Set<ResourceId> ids) {
        return ids.stream().map(i -> new Link(i.toString(), queries.get(who, i).map(ResourceLabels::describe)
                .orElse("a resource that no longer exists"))).toList();
    }
}

package com.nasnetconnect.ui.resource;

import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.apply.DeletionImpact;
import com.nasnetconnect.domain.apply.FieldChoices;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.apply.RevealSecret;
import com.nasnetconnect.domain.apply.ValidationIssue;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.FormField;
import com.nasnetconnect.domain.schema.RouterText;
import com.nasnetconnect.domain.schema.SchemaTables;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.schema.types.ResourceKind;
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
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.Notice;
import com.nasnetconnect.ui.RouterRoutes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Headless controller of the generic resource page {@code /routers/{id}/{kind}}: the router's resources of one
 * kind (kept live: a change made anywhere — another browser, GraphQL, a drift check — arrives at once), a form
 * built from the schema's {@code <Kind>Input} ({@link SchemaTables#formFields()}) to create or edit one, and
 * delete after the impact is shown, with cascade asked for explicitly. Input is judged by the schema's
 * {@link ValidationRules} (the API's verdict and message, naming the bad value) and kept as typed; what the
 * router refuses comes back in its own words, the form still filled.
 *
 * <p>The resources are followed while the page is watched (someone subscribes); live changes arrive on the
 * committing thread. The controller never calls the domain inside a state change.
 */
public final class ResourceKindController extends HeadlessController<ResourceKindController.State> {
    /** How many fields of the kind the list shows beside its title (the first ones of its input, no secrets). */
    public static final int COLUMNS = 4;

    /** Where a resource stands with its router. */
    public enum Sync { DEPLOYED, DRIFT, INVALID, PENDING }

    /**
     * One resource in the list: its name in words, the telling fields' values, its sync state in words, and the
     * version it shows (a late event with an older state never replaces a newer one).
     */
    public record Row(String uuid, String title, List<String> cells, Sync sync, String syncText, long version) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    public enum Mode { CREATE, EDIT }

    /**
     * The open form: what the user typed (by schema field name, kept through refusals) and what is wrong with it,
     * by field ({@code ""} for the form as a whole).
     */
    public record Editor(Mode mode, Optional<String> uuid, String heading, Map<String, String> values,
                         Map<String, String> fieldErrors) {
        public Editor {
            values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
            fieldErrors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
        }
    }

    /** A delete waiting for the user's answer: what would break; cascade is needed when that is not empty. */
    public record DeletePrompt(String uuid, String title, List<String> breaks) {
        public DeletePrompt {
            breaks = List.copyOf(breaks);
        }

        public boolean needsCascade() {
            return !breaks.isEmpty();
        }

        /** "Deleting VLAN guest breaks: IP address 10.0.0.1/24 on guest, DHCP server dhcp-guest". */
        public String message() {
            return breaks.isEmpty() ? "Delete " + title + "? Nothing else depends on it."
                    : "Deleting " + title + " breaks: " + String.join(", ", breaks);
        }

        /** "Delete all 3": the resource and everything that depends on it. */
        public String cascadeLabel() {
            return "Delete all " + (breaks.size() + 1);
        }
    }

    public record State(Optional<String> notFound, Optional<RouterId> router, String routerName, Optional<ResourceKind> kind,
                        List<FormField> columns, List<Row> rows, boolean canChange, boolean canReveal,
                        Optional<Notice> notice, Optional<Editor> editor, Optional<DeletePrompt> deleting) {
        public State {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
        }

        static State empty(boolean canChange, boolean canReveal) {
            return new State(Optional.empty(), Optional.empty(), "", Optional.empty(), List.of(), List.of(), canChange,
                    canReveal, Optional.empty(), Optional.empty(), Optional.empty());
        }

        /** "VLANs", "IP addresses", "firewall rules". */
        public String heading() {
            return kind.map(ResourceKindController::plural).map(p -> Character.toUpperCase(p.charAt(0)) + p.substring(1))
                    .orElse("Resources");
        }

        State withRows(List<Row> next) {
            return new State(notFound, router, routerName, kind, columns, next, canChange, canReveal, notice, editor, deleting);
        }

        State withNotice(Optional<Notice> next) {
            return new State(notFound, router, routerName, kind, columns, rows, canChange, canReveal, next, editor, deleting);
        }

        State withEditor(Optional<Editor> next) {
            return new State(notFound, router, routerName, kind, columns, rows, canChange, canReveal, notice, next, deleting);
        }

        State withDeleting(Optional<DeletePrompt> next) {
            return new State(notFound, router, routerName, kind, columns, rows, canChange, canReveal, notice, editor, next);
        }
    }

    private final Principal who;
    private final ResourceQueries queries;
    private final ResourceChanges changes;
    private final ValidationRules rules;
    private final Optional<RevealSecret> secrets;
    /** Guards {@link #following}; never held while calling the domain or notifying. */
    private final Object followLock = new Object();
    private ResourceEventBus.Subscription following;
    /** Resources seen deleted: a late event about one of them never brings it back. */
    private final java.util.Set<String> gone = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public ResourceKindController(Principal who, ResourceQueries queries, ResourceChanges changes, ValidationRules rules,
                                  Optional<RevealSecret> secrets) {
        super(State.empty(who.role().allows(Role.OPERATOR), who.role().allows(Role.ADMIN) && secrets.isPresent()));
        this.who = Objects.requireNonNull(who, "who");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.changes = Objects.requireNonNull(changes, "changes");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
    }

    // ---- the page ----------------------------------------------------------------------------------------

    /** User intent (navigation): show the router's resources of the kind the slug names ({@code bridge-port}). */
    public void open(String routerId, String slug) {
        Optional<ResourceKind> kind = RouterRoutes.kindOf(slug);
        boolean canChange = who.role().allows(Role.OPERATOR);
        boolean canReveal = who.role().allows(Role.ADMIN) && secrets.isPresent();
        if (kind.isEmpty()) {
            stopFollowing();
            publish(new State(Optional.of("No such page: " + slug), Optional.empty(), "", Optional.empty(), List.of(),
                    List.of(), canChange, canReveal, Optional.empty(), Optional.empty(), Optional.empty()));
            return;
        }
        Optional<Router> router = changes.routers(who).stream().filter(r -> r.id().value().equals(routerId)).findFirst();
        if (router.isEmpty()) {
            stopFollowing();
            publish(new State(Optional.of("No such router: " + routerId), Optional.empty(), "", kind, List.of(), List.of(),
                    canChange, canReveal, Optional.empty(), Optional.empty(), Optional.empty()));
            return;
        }
        RouterId id = router.get().id();
        publish(new State(Optional.empty(), Optional.of(id), router.get().name(), kind, columns(kind.get()), List.of(),
                canChange, canReveal, Optional.empty(), Optional.empty(), Optional.empty()));
        if (watched()) follow(id);
        else reload();
    }

    @Override
    protected void onWatched() {
        state().router().ifPresent(this::follow);
    }

    @Override
    protected void onUnwatched() {
        stopFollowing();
    }

    /** The fields of the kind's input in schema order, as the form shows them; empty on no kind. */
    public List<FormField> form() {
        return state().kind().map(k -> SchemaTables.formFields().get(inputType(k))).orElse(List.of());
    }

    /** What a reference field may name on this router (a picker's items); empty when it is no reference. */
    public Optional<FieldChoices> choices(String field) {
        var s = state();
        if (s.router().isEmpty() || s.kind().isEmpty()) return Optional.empty();
        try {
            return queries.choices(who, s.router().get(), s.kind().get(), field);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The schema's verdict on one field as typed (the API's message, naming the value); empty when fine. */
    public Optional<String> fieldProblem(String field, String typed) {
        var kind = state().kind();
        if (kind.isEmpty()) return Optional.empty();
        FormField f = formField(kind.get(), field);
        if (f == null) return Optional.empty();
        return problem(kind.get(), f, typed);
    }

    // ---- create and edit -----------------------------------------------------------------------------------

    /** User intent: a new resource (an empty form). */
    public void startCreate() {
        var kind = state().kind();
        if (kind.isEmpty() || !state().canChange()) return;
        update(s -> s.withEditor(Optional.of(new Editor(Mode.CREATE, Optional.empty(), "New " + ResourceLabels.kind(kind.get()),
                Map.of(), Map.of()))).withNotice(Optional.empty()));
    }

    /** User intent: edit this resource (the form filled with its configuration; secrets left empty). */
    public void startEdit(String uuid) {
        if (!state().canChange()) return;
        Optional<Resource> found = find(uuid);
        if (found.isEmpty()) {
            update(s -> s.withNotice(Optional.of(Notice.error("That resource is gone: someone deleted it."))));
            return;
        }
        Resource r = found.get();
        var values = new LinkedHashMap<String, String>();
        for (FormField f : SchemaTables.formFields().get(inputType(r.kind()))) {
            if (f.sensitive()) continue; // never sent to the browser; "Reveal" asks for it explicitly
            r.configuration().get(f.name()).ifPresent(v -> values.put(f.name(), f.bool() ? bool(v) : text(v)));
        }
        update(s -> s.withEditor(Optional.of(new Editor(Mode.EDIT, Optional.of(uuid), "Edit " + ResourceLabels.describe(r),
                values, Map.of()))).withNotice(Optional.empty()));
    }

    /** User intent: close the form without saving. */
    public void cancelEdit() {
        update(s -> s.editor().isEmpty() ? s : s.withEditor(Optional.empty()));
    }

    /**
     * User intent: save the form as typed (schema field name → text; lists comma-separated, booleans
     * {@code true}/{@code false}, empty for "not set"). Returns true when the router confirmed it; otherwise the
     * form stays open with what was typed and the problems by field.
     */
    public boolean save(Map<String, String> typed) {
        State s = state();
        if (s.editor().isEmpty() || s.kind().isEmpty() || s.router().isEmpty()) return false;
        Editor editor = s.editor().get();
        ResourceKind kind = s.kind().get();
        var errors = new LinkedHashMap<String, String>();
        var values = new LinkedHashMap<String, Object>();
        for (FormField f : SchemaTables.formFields().get(inputType(kind))) {
            String text = typed.getOrDefault(f.name(), "");
            boolean keepSecret = editor.mode() == Mode.EDIT && f.sensitive() && text.isEmpty();
            if (keepSecret) continue; // an untouched secret keeps its stored value
            var p = editor.mode() == Mode.EDIT && text.isBlank() && !f.required() ? Optional.<String>empty() : problem(kind, f, text);
            if (p.isPresent()) {
                errors.put(f.name(), p.get());
                continue;
            }
            Object value = parse(f, text);
            if (value != null) values.put(f.name(), RouterText.of(value));
            else if (editor.mode() == Mode.EDIT && current(editor).map(r -> r.configuration().has(f.name())).orElse(false)) {
                values.put(f.name(), ""); // emptied: cleared on the router
            }
        }
        if (!errors.isEmpty()) {
            refuse(editor, typed, errors, "Nothing was sent to the router: correct the marked fields.");
            return false;
        }
        try {
            Resource saved = editor.mode() == Mode.CREATE
                    ? changes.create(who, s.router().get(), kind, new Fields(values))
                    : changes.update(who, ResourceId.parse(editor.uuid().orElseThrow()), kind, new Fields(values));
            String done = ResourceLabels.describe(saved) + (editor.mode() == Mode.CREATE ? " created" : " saved") + " on the router.";
            Row row = row(saved, s.columns());
            update(x -> upsert(x, row).withEditor(Optional.empty()).withNotice(Optional.of(Notice.success(done))));
            return true;
        } catch (ApplyException.Invalid invalid) {
            for (ValidationIssue i : invalid.errors()) {
                if (i.severity() == ValidationIssue.Severity.ERROR) errors.putIfAbsent(i.field() == null ? "" : i.field(), i.message());
            }
            refuse(editor, typed, errors, "Nothing was sent to the router: " + String.join("; ", errors.values()));
        } catch (ApplyException.Rejected rejected) {
            refuse(editor, typed, errors, "The router refused it: " + rejected.routerMessage()
                    + (rejected.routerRestored() ? ". Nothing was changed." : "."));
        } catch (InputRefused refused) {
            for (var p : refused.problems()) errors.putIfAbsent(p.at().isEmpty() ? "" : p.at().getLast(), p.message());
            refuse(editor, typed, errors, "Nothing was sent to the router: " + refused.getMessage());
        } catch (ApplyException | RouterException | StateException | NoSuchRouter e) {
            refuse(editor, typed, errors, "The router did not take it: " + e.getMessage());
        } catch (AccessDeniedException | IllegalArgumentException e) {
            refuse(editor, typed, errors, Notice.refusal(e).text());
        }
        return false;
    }

    /** An admin's "Reveal": one secret field of the resource being edited, audited; empty when refused or unset. */
    public Optional<String> reveal(String field, String reason) {
        var editor = state().editor();
        if (secrets.isEmpty() || editor.isEmpty() || editor.get().uuid().isEmpty()) return Optional.empty();
        try {
            return secrets.get().reveal(who, ResourceId.parse(editor.get().uuid().get()), field, reason);
        } catch (AccessDeniedException | IllegalArgumentException e) {
            update(s -> s.withNotice(Optional.of(Notice.refusal(e))));
            return Optional.empty();
        }
    }

    /** User intent: compare this router's resources with the router now ("Check now"); rows show the result. */
    public void checkDrift() {
        var s = state();
        if (s.router().isEmpty() || s.kind().isEmpty() || !s.canChange()) return;
        try {
            var reports = changes.checkDrift(who, s.router().get()).stream().filter(r -> r.kind() == s.kind().get()).toList();
            long drifted = reports.stream().filter(r -> r.drifted()).count();
            String summary = "Checked " + reports.size() + " against the router: "
                    + (drifted == 0 ? "none drifted." : drifted + " drifted.");
            reload();
            update(x -> x.withNotice(Optional.of(Notice.success(summary))));
        } catch (RouterException e) {
            update(x -> x.withNotice(Optional.of(Notice.error("The drift check could not read the router: " + e.getMessage()))));
        } catch (AccessDeniedException | IllegalArgumentException | StateException e) {
            update(x -> x.withNotice(Optional.of(Notice.refusal(e))));
        }
    }

    // ---- delete -------------------------------------------------------------------------------------------

    /** User intent: delete this resource; first shows what would break (from the impact of deleting it). */
    public void askDelete(String uuid) {
        if (!state().canChange()) return;
        Optional<Resource> found = find(uuid);
        if (found.isEmpty()) {
            update(s -> s.withNotice(Optional.of(Notice.error("That resource is gone: someone deleted it."))));
            return;
        }
        DeletionImpact impact;
        try {
            impact = queries.impact(who, ResourceId.parse(uuid));
        } catch (NoSuchResource e) {
            update(s -> s.withNotice(Optional.of(Notice.error("That resource is gone: someone deleted it."))));
            return;
        }
        var prompt = new DeletePrompt(uuid, ResourceLabels.describe(found.get()),
                impact.affected().stream().map(ResourceLabels::describe).toList());
        update(s -> s.withDeleting(Optional.of(prompt)));
    }

    public void cancelDelete() {
        update(s -> s.deleting().isEmpty() ? s : s.withDeleting(Optional.empty()));
    }

    /** User intent: go ahead; {@code cascade} deletes what depends on it too (asked explicitly when needed). */
    public boolean confirmDelete(boolean cascade) {
        Optional<DeletePrompt> prompt = state().deleting();
        if (prompt.isEmpty()) return false;
        try {
            List<ResourceId> gone = changes.delete(who, ResourceId.parse(prompt.get().uuid()), cascade);
            var ids = gone.stream().map(ResourceId::toString).toList();
            this.gone.addAll(ids);
            String done = gone.size() <= 1 ? prompt.get().title() + " deleted from the router."
                    : prompt.get().title() + " and " + (gone.size() - 1) + " that depended on it deleted from the router.";
            update(s -> s.withRows(s.rows().stream().filter(r -> !ids.contains(r.uuid())).toList())
                    .withDeleting(Optional.empty()).withNotice(Optional.of(Notice.success(done))));
            return true;
        } catch (ApplyException.Rejected rejected) {
            fail("The router refused the delete: " + rejected.routerMessage());
        } catch (InputRefused refused) {
            fail(prompt.get().message() + ". Nothing was deleted.");
        } catch (ApplyException | RouterException | StateException | NoSuchResource e) {
            fail("Nothing was deleted: " + e.getMessage());
        } catch (AccessDeniedException | IllegalArgumentException e) {
            fail(Notice.refusal(e).text());
        }
        return false;
    }

    // ---- live ---------------------------------------------------------------------------------------------

    private void follow(RouterId router) {
        ResourceEventBus.Subscription next;
        try {
            next = queries.follow(who, router, e -> onChange(router, e));
        } catch (NoSuchRouter e) {
            return;
        }
        ResourceEventBus.Subscription previous;
        synchronized (followLock) {
            previous = following;
            following = next;
        }
        if (previous != null) previous.close();
        reload();
    }

    private void stopFollowing() {
        ResourceEventBus.Subscription previous;
        synchronized (followLock) {
            previous = following;
            following = null;
        }
        if (previous != null) previous.close();
    }

    /** A committed change of the followed router, from anyone; only this page's kind matters. */
    private void onChange(RouterId router, ResourceEvent e) {
        State s = state();
        if (!s.router().equals(Optional.of(router)) || !s.kind().equals(Optional.of(e.kind()))) return;
        if (e.type() == ChangeType.DELETED) {
            String id = e.resourceId().toString();
            gone.add(id);
            update(x -> x.router().equals(Optional.of(router))
                    ? x.withRows(x.rows().stream().filter(r -> !r.uuid().equals(id)).toList()) : x);
            return;
        }
        e.state().ifPresent(r -> {
            Row row = row(r, s.columns());
            update(x -> x.router().equals(Optional.of(router)) && x.kind().equals(Optional.of(r.kind())) ? upsert(x, row) : x);
        });
    }

    private void reload() {
        State s = state();
        if (s.router().isEmpty() || s.kind().isEmpty()) return;
        RouterId router = s.router().get();
        ResourceKind kind = s.kind().get();
        List<Row> rows;
        try {
            rows = changes.list(who, router, kind).stream().map(r -> row(r, s.columns())).toList();
        } catch (RuntimeException e) {
            update(x -> x.withNotice(Optional.of(Notice.refusal(e))));
            return;
        }
        update(x -> x.router().equals(Optional.of(router)) && x.kind().equals(Optional.of(kind)) ? x.withRows(rows) : x);
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private Optional<Resource> find(String uuid) {
        try {
            return queries.get(who, ResourceId.parse(uuid));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Optional<Resource> current(Editor editor) {
        return editor.uuid().flatMap(this::find);
    }

    private void refuse(Editor editor, Map<String, String> typed, Map<String, String> errors, String message) {
        var kept = new Editor(editor.mode(), editor.uuid(), editor.heading(), typed, errors);
        update(s -> s.withEditor(Optional.of(kept)).withNotice(Optional.of(Notice.error(message))));
    }

    private void fail(String message) {
        update(s -> s.withDeleting(Optional.empty()).withNotice(Optional.of(Notice.error(message))));
    }

    private State upsert(State s, Row row) {
        if (gone.contains(row.uuid())) return s;
        var rows = new ArrayList<>(s.rows());
        int at = -1;
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).uuid().equals(row.uuid())) at = i;
        if (at >= 0 && rows.get(at).version() > row.version()) return s;
        if (at >= 0) rows.set(at, row);
        else rows.add(row);
        return s.withRows(rows);
    }

    static String inputType(ResourceKind kind) {
        return KindForm.inputType(kind);
    }

    private static FormField formField(ResourceKind kind, String field) {
        return SchemaTables.formFields().get(inputType(kind)).stream().filter(f -> f.name().equals(field)).findFirst().orElse(null);
    }

    /** The list's columns: the first few fields of the kind's input, secrets left out. */
    static List<FormField> columns(ResourceKind kind) {
        return SchemaTables.formFields().get(inputType(kind)).stream().filter(f -> !f.sensitive()).limit(COLUMNS).toList();
    }

    static Row row(Resource r, List<FormField> columns) {
        var cells = columns.stream().map(c -> r.configuration().get(c.name()).map(ResourceKindController::text)
                .map(t -> c.list() ? String.join(", ", t.split("\\s*,\\s*")) : t).orElse("")).toList();
        Sync sync;
        String text;
        if (!r.validation().errors().isEmpty()) {
            sync = Sync.INVALID;
            text = "invalid: " + String.join("; ", r.validation().errors().stream().map(i -> i.message()).toList());
        } else if (r.deployment().isEmpty()) {
            sync = Sync.PENDING;
            text = "not on the router";
        } else {
            Optional<Drift> drift = r.deployment().get().drift();
            if (drift.isPresent() && drift.get().missing()) {
                sync = Sync.DRIFT;
                text = "missing on the router";
            } else if (drift.isPresent() && drift.get().drifted()) {
                sync = Sync.DRIFT;
                text = "drift: " + String.join(", ", drift.get().differences().stream().map(FieldDifference::field).toList());
            } else {
                sync = Sync.DEPLOYED;
                text = "deployed";
            }
        }
        return new Row(r.id().toString(), ResourceLabels.describe(r), cells, sync, text, r.metadata().version());
    }

    /** A stored value as a form shows it: lists comma-separated. */
    static String text(Object v) {
        if (v instanceof List<?> l) return String.join(", ", l.stream().map(String::valueOf).toList());
        return String.valueOf(v);
    }

    /** A stored yes/no (router text) or boolean as the form's {@code true}/{@code false}. */
    static String bool(Object v) {
        return Boolean.toString(v instanceof Boolean b ? b : "yes".equals(v) || "true".equals(v));
    }

    private Optional<String> problem(ResourceKind kind, FormField f, String typed) {
        return new KindForm(rules, kind).problem(f.name(), typed);
    }

    static Object parse(FormField f, String typed) {
        return KindForm.parse(f, typed);
    }

    /** "VLANs", "IP addresses", "firewall rules", "DHCP servers". */
    static String plural(ResourceKind kind) {
        String k = ResourceLabels.kind(kind);
        if (k.endsWith("s")) return k + "es";
        if (k.endsWith("y")) return k.substring(0, k.length() - 1) + "ies";
        return k + "s";
    }
}

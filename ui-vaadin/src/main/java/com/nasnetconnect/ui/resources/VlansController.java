package com.nasnetconnect.ui.resources;

import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.apply.DriftReport;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ValidationIssue;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Drift;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.domain.schema.types.Configuration;
import com.nasnetconnect.domain.schema.types.VlanInput;
import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.Notice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Headless controller of the VLAN screen: which router is chosen, its VLANs as the router confirmed them (kept
 * live: a VLAN created, changed, deleted or drift-checked by anyone shows up at once), creating one, and checking
 * drift on demand. Input rules are the schema's (the view binds the same {@code VlanInput} rules GraphQL checks);
 * whatever the router or the apply pipeline refuses comes back as an error notice and per-field errors.
 *
 * <p>The chosen router's changes are followed while the screen is watched (someone subscribes); live updates
 * arrive on the thread that committed them. The controller never holds a lock while it calls the domain, so a
 * screen never waits for another one. {@link #close()} stops following the router.
 */
public final class VlansController extends HeadlessController<VlansController.State> {
    /**
     * One VLAN row: configuration as confirmed, the router's own id for it, and what the last drift check found
     * ({@code not checked}, {@code in sync}, {@code drifted: vlanId, …} or {@code missing on the router}).
     */
    public record Row(String uuid, String name, String vlanId, String iface, String nativeId, String drift) {
    }

    public record State(List<Router> routers, Optional<RouterId> selected, List<Row> vlans, boolean canChange,
                        Optional<Notice> notice, Map<String, String> fieldErrors) {
        public State {
            routers = List.copyOf(routers);
            vlans = List.copyOf(vlans);
            Objects.requireNonNull(notice, "notice");
            fieldErrors = Map.copyOf(fieldErrors);
        }

        State withVlans(List<Row> rows) {
            return new State(routers, selected, rows, canChange, notice, fieldErrors);
        }

        State withNotice(Notice next, Map<String, String> errors) {
            return new State(routers, selected, vlans, canChange, Optional.of(next), errors);
        }
    }

    private final ResourceChanges resources;
    private final Principal who;
    /** Guards {@link #following}; never held while calling the domain or notifying. */
    private final Object followLock = new Object();
    private ResourceEventBus.Subscription following;

    public VlansController(ResourceChanges resources, Principal who) {
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(who, "who");
        List<Router> routers = resources.routers(who);
        Optional<RouterId> first = routers.stream().findFirst().map(Router::id);
        List<Row> rows = first.map(r -> rows(resources, who, r)).orElse(List.of());
        super(new State(routers, first, rows, who.role().allows(Role.OPERATOR), Optional.empty(), Map.of()));
        this.resources = resources;
        this.who = who;
    }

    /** User intent: show another router's VLANs. */
    public void select(RouterId router) {
        update(s -> new State(s.routers(), Optional.of(router), List.of(), s.canChange(), Optional.empty(), Map.of()));
        if (watched()) follow(router);
        else reload(router);
    }

    /** Someone watches: follow the chosen router's committed changes. */
    @Override
    protected void onWatched() {
        state().selected().ifPresent(this::follow);
    }

    /** Nobody watches: stop following. */
    @Override
    protected void onUnwatched() {
        ResourceEventBus.Subscription previous;
        synchronized (followLock) {
            previous = following;
            following = null;
        }
        if (previous != null) previous.close();
    }

    /**
     * User intent: create a VLAN on the selected router from the form's input. Returns true when the router
     * confirmed it (the view then clears the form); the new row arrives with the committed change.
     */
    public boolean create(VlanInput input) {
        Objects.requireNonNull(input, "input");
        Optional<RouterId> selected = state().selected();
        if (selected.isEmpty()) {
            update(s -> s.withNotice(Notice.error("Choose a router first."), Map.of()));
            return false;
        }
        try {
            Resource created = resources.create(who, selected.get(), ResourceKind.VLAN, configuration(input));
            Notice done = Notice.success("VLAN " + input.getName() + " created on the router as "
                    + created.deployment().map(d -> d.nativeId()).orElse("?") + ".");
            update(s -> upsert(s, created).withNotice(done, Map.of()));
            return true;
        } catch (ApplyException.Invalid invalid) {
            Map<String, String> errors = new LinkedHashMap<>();
            for (ValidationIssue i : invalid.errors()) errors.putIfAbsent(i.field(), i.message());
            refuse("Nothing was sent to the router: " + String.join("; ", errors.values()), errors);
        } catch (ApplyException | RouterException | StateException refused) {
            refuse(refused.getMessage(), Map.of());
        } catch (AccessDeniedException | IllegalArgumentException e) {
            refuse(e.getMessage(), Map.of());
        }
        return false;
    }

    /** User intent answered by the form itself: the input breaks the schema's rules, nothing was sent. */
    public void formRejected() {
        refuse("Nothing was sent to the router: correct the marked fields.", Map.of());
    }

    /** User intent: compare the selected router's resources with the router now ("Check now"). */
    public void checkDrift() {
        Optional<RouterId> selected = state().selected();
        if (selected.isEmpty()) {
            refuse("Choose a router first.", Map.of());
            return;
        }
        List<DriftReport> reports;
        try {
            reports = resources.checkDrift(who, selected.get());
        } catch (RouterException e) {
            refuse("The drift check could not read the router: " + e.getMessage(), Map.of());
            return;
        } catch (AccessDeniedException | IllegalArgumentException | StateException e) {
            refuse(e.getMessage(), Map.of());
            return;
        }
        List<Row> rows = rows(resources, who, selected.get());
        var vlans = reports.stream().filter(r -> r.kind() == ResourceKind.VLAN).toList();
        var drifted = new ArrayList<String>();
        for (DriftReport r : vlans) {
            if (!r.drifted()) continue;
            rows.stream().filter(row -> row.uuid().equals(r.resourceId())).findFirst()
                    .ifPresent(row -> drifted.add(row.name()));
        }
        String summary = "Checked " + vlans.size() + (vlans.size() == 1 ? " VLAN" : " VLANs") + " against the router: "
                + (drifted.isEmpty() ? "none drifted." : drifted.size() + " drifted (" + String.join(", ", drifted) + ").");
        update(s -> s.selected().equals(selected) ? s.withVlans(rows).withNotice(Notice.success(summary), Map.of()) : s);
    }

    /**
     * The domain configuration of a VLAN from the schema's generated input, through the generated
     * {@link Configuration} and its one router-text converter: the same path a GraphQL createVlan takes.
     */
    static Fields configuration(VlanInput input) {
        return new Fields(new LinkedHashMap<>(Configuration.Vlan.from(input).text()));
    }

    /** Follows {@code router}'s committed changes (instead of the previous router's) and reloads its VLANs. */
    private void follow(RouterId router) {
        ResourceEventBus.Subscription next = resources.follow(who, router, e -> onChange(router, e));
        ResourceEventBus.Subscription previous;
        synchronized (followLock) {
            previous = following;
            following = next;
        }
        if (previous != null) previous.close();
        reload(router);
    }

    private void reload(RouterId router) {
        List<Row> rows = rows(resources, who, router);
        update(s -> s.selected().equals(Optional.of(router)) ? s.withVlans(rows) : s);
    }

    /** A committed change of the followed router, from any client; only VLANs matter here. */
    private void onChange(RouterId router, ResourceEvent e) {
        if (e.kind() != ResourceKind.VLAN) return;
        update(s -> {
            if (!s.selected().equals(Optional.of(router))) return s;
            if (e.type() == ChangeType.DELETED) {
                return s.withVlans(s.vlans().stream().filter(r -> !r.uuid().equals(e.resourceId().toString())).toList());
            }
            return e.state().map(r -> upsert(s, r)).orElse(s);
        });
    }

    private static State upsert(State s, Resource r) {
        Row row = row(r);
        var rows = new ArrayList<>(s.vlans());
        int at = -1;
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).uuid().equals(row.uuid())) at = i;
        if (at >= 0) rows.set(at, row);
        else rows.add(row);
        return s.withVlans(rows);
    }

    private void refuse(String message, Map<String, String> fieldErrors) {
        update(s -> s.withNotice(Notice.error(message), fieldErrors));
    }

    private static List<Row> rows(ResourceChanges resources, Principal who, RouterId router) {
        return resources.list(who, router, ResourceKind.VLAN).stream().map(VlansController::row).toList();
    }

    static Row row(Resource r) {
        Fields c = r.configuration();
        return new Row(r.id().toString(), c.string("name").orElse(""), c.get("vlanId").map(String::valueOf).orElse(""),
                c.string("interface").orElse(""), r.deployment().map(d -> d.nativeId()).orElse("not applied"),
                r.deployment().map(d -> d.drift().map(VlansController::drift).orElse("not checked")).orElse(""));
    }

    /** What a drift record means for the user: a record whose check found nothing is "in sync", not "drifted". */
    static String drift(Drift d) {
        if (d.missing()) return "missing on the router";
        if (!d.drifted()) return "in sync";
        return "drifted: " + String.join(", ", d.differences().stream().map(FieldDifference::field).toList());
    }
}

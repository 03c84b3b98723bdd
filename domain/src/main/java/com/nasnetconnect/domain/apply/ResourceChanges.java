package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventJournal;
import com.nasnetconnect.domain.events.NewEvent;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Impact;
import com.nasnetconnect.domain.state.ImpactAnalysis;
import com.nasnetconnect.domain.state.NoSuchResource;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceStore;
import com.nasnetconnect.domain.state.StateException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * In-port for people changing a router's resources, whoever asks (the UI, GraphQL): create, update, delete
 * (with cascade), apply a plan of several changes at once, check drift. The caller's role is checked here,
 * then every change goes through apply-confirm-merge, so what comes back is what the router confirmed.
 * Screens follow committed changes (from any client) through {@link #follow}.
 *
 * <p>How a refusal comes back: a router id that names no router is a {@link NoSuchRouter}, a uuid that names
 * no resource a {@link NoSuchResource}; what the request itself gets wrong is an {@link InputRefused} whose
 * paths name this class's parameters ({@code uuid}, {@code cascade}, {@code changes.<i>.uuid},
 * {@code changes.<i>.configuration.<field>} …); a configuration that breaks a rule is an
 * {@link ApplyException.Invalid} (nothing reached the router); a router that refused or could not confirm is
 * another {@link ApplyException} (router and state are as before).
 */
public final class ResourceChanges {
    private final ApplyConfirmMergeService apply;
    private final RouterRepository routers;
    private final ResourceStore store;
    private final ResourceEventBus events;
    private final ResourceLocator locator;
    private final ImpactAnalysis impact;
    private final Optional<EventJournal> journal;

    /** With a locator of its own that learns only from this service's reads and changes. */
    public ResourceChanges(ApplyConfirmMergeService apply, RouterRepository routers, ResourceStore store,
                           ResourceEventBus events) {
        this(apply, routers, store, events, new ResourceLocator(routers, store));
    }

    /** @param locator shared with {@link ResourceQueries} */
    public ResourceChanges(ApplyConfirmMergeService apply, RouterRepository routers, ResourceStore store,
                           ResourceEventBus events, ResourceLocator locator) {
        this(apply, routers, store, events, locator, Optional.empty());
    }

    /** As above, recording each validation refusal in the event log (NORMAL, {@code resource.validation-refused}). */
    public ResourceChanges(ApplyConfirmMergeService apply, RouterRepository routers, ResourceStore store,
                           ResourceEventBus events, ResourceLocator locator, Optional<EventJournal> journal) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.impact = new ImpactAnalysis(store);
    }

    /** The managed routers, for choosing one. */
    public List<Router> routers(Principal who) {
        who.require(Role.VIEWER, "see routers");
        return routers.findAll();
    }

    /** Up to 1000 resources of one kind on one router, as stored after the router confirmed them. */
    public List<Resource> list(Principal who, RouterId router, ResourceKind kind) {
        who.require(Role.VIEWER, "see resources");
        return store.list(router, Optional.of(kind), new PageRequest(PageRequest.MAX, Optional.empty())).items();
    }

    /**
     * Creates a resource on the router and returns it as the router confirmed it.
     *
     * @throws ApplyException.Invalid the configuration breaks a rule; nothing reached the router
     * @throws ApplyException         the router refused or could not confirm; router and state are as before
     * @throws NoSuchRouter           no such router
     */
    public Resource create(Principal who, RouterId routerId, ResourceKind kind, Fields configuration) {
        who.require(Role.OPERATOR, "create resources");
        Router router = requireRouter(routerId);
        return applyOne(who, router, DesiredResource.of(ResourceId.random(), kind, configuration));
    }

    /**
     * Changes a resource on its router and returns it as the router confirmed it. The fields given replace the
     * stored ones; the others keep their value; an empty string clears a field on the router.
     *
     * @param kind the kind the caller believes it is; another kind is refused ({@code kind})
     * @throws NoSuchResource no live resource has this uuid
     * @throws InputRefused   the resource is of another kind, or its router was removed
     * @throws ApplyException as {@link #create}
     */
    public Resource update(Principal who, ResourceId uuid, ResourceKind kind, Fields changes) {
        who.require(Role.OPERATOR, "update resources");
        Resource current = locator.find(uuid).orElseThrow(() -> new NoSuchResource(uuid));
        if (current.kind() != kind) {
            throw InputRefused.of(List.of("kind"), "resource " + uuid + " is a " + current.kind() + ", not a " + kind,
                    uuid.toString());
        }
        Router router = routerOf(current);
        return applyOne(who, router, DesiredResource.of(uuid, kind, current.configuration().merge(changes)));
    }

    /**
     * Deletes a resource from its router and the state; with {@code cascade}, every resource that depends on
     * it goes too (in one plan). Returns the uuids deleted.
     *
     * @throws NoSuchResource no live resource has this uuid
     * @throws InputRefused   others depend on it and {@code cascade} is false (the message lists them), or its
     *                        router was removed
     * @throws ApplyException as {@link #create}
     */
    public List<ResourceId> delete(Principal who, ResourceId uuid, boolean cascade) {
        who.require(Role.OPERATOR, "delete resources");
        Resource current = locator.find(uuid).orElseThrow(() -> new NoSuchResource(uuid));
        Router router = routerOf(current);
        Impact found = impact.ofDeleting(current.routerId(), uuid);
        if (!found.safeToDelete() && !cascade) {
            throw InputRefused.of(List.of("cascade"), new StateException.HasDependents(found).getMessage()
                    + "; dependents: " + found.affected().stream().map(a -> a.id().toString()).toList(), "false");
        }
        var changes = new ArrayList<Change>();
        changes.add(Change.delete(uuid.toString()));
        found.affected().forEach(a -> changes.add(Change.delete(a.id().toString())));
        ApplyResult result = apply.apply(router, new ChangePlan(changes, who.name()));
        return result.changes().stream().filter(m -> m.change() == MergedChange.Kind.DELETED)
                .map(m -> ResourceId.parse(m.resource().id())).toList();
    }

    /** Deletes a resource from the router and the state (refused while other resources depend on it). */
    public void delete(Principal who, RouterId routerId, ResourceId id) {
        who.require(Role.OPERATOR, "change router configuration");
        Router router = requireRouter(routerId);
        apply.apply(router, ChangePlan.of(who.name(), Change.delete(id.toString())));
    }

    /**
     * Applies several changes to one router as one unit, in dependency order (the order given does not
     * matter): all of them reach the router and the state, or none does. Returns the created and updated
     * resources in the order given, as the router confirmed them.
     *
     * @throws InputRefused every problem found before the router, each under {@code changes.<i>} of the change
     *                      it is about ({@code uuid}, {@code kind}, {@code configuration[.<field>]}), or under
     *                      {@code changes.<field>} / {@code routerId} when about the plan as a whole
     * @throws NoSuchRouter no such router
     * @throws ApplyException the router refused or could not confirm; router and state are as before
     */
    public List<Resource> applyPlan(Principal who, RouterId routerId, List<PlannedChange> planned) {
        who.require(Role.OPERATOR, "apply plans");
        Router router = requireRouter(routerId);
        var problems = new ArrayList<InputRefused.Problem>();
        var changes = new ArrayList<Change>();
        var changeOf = new HashMap<String, Integer>();
        var upserted = new ArrayList<ResourceId>();
        for (int i = 0; i < planned.size(); i++) {
            PlannedChange c = planned.get(i);
            String at = String.valueOf(i);
            if (c.op() == PlannedChange.Op.CREATE) {
                if (c.uuid().isPresent()) {
                    problems.add(problem(at, "uuid", "CREATE takes no uuid (the server assigns one)", c.uuid().get()));
                    continue;
                }
                ResourceId id = ResourceId.random();
                changes.add(Change.upsert(DesiredResource.of(id, c.kind(), c.configuration())));
                changeOf.put(id.toString(), i);
                upserted.add(id);
                continue;
            }
            var current = c.uuid().flatMap(this::existing);
            if (current.isEmpty() || !current.get().routerId().equals(router.id())) {
                problems.add(problem(at, "uuid", c.op() + " needs the uuid of a resource of router " + routerId
                        + c.uuid().map(u -> "; there is none with " + u).orElse(""), c.uuid().orElse(null)));
                continue;
            }
            Resource r = current.get();
            if (r.kind() != c.kind()) {
                problems.add(problem(at, "kind", "resource " + c.uuid().get() + " is a " + r.kind() + ", not a " + c.kind(),
                        c.kind().name()));
                continue;
            }
            changeOf.put(r.id().toString(), i);
            if (c.op() == PlannedChange.Op.UPDATE) {
                changes.add(Change.upsert(DesiredResource.of(r.id(), r.kind(), r.configuration().merge(c.configuration()))));
                upserted.add(r.id());
            } else {
                changes.add(Change.delete(r.id().toString()));
            }
        }
        if (!problems.isEmpty()) throw new InputRefused(problems);
        try {
            apply.apply(router, new ChangePlan(changes, who.name()));
        } catch (ApplyException.Invalid invalid) {
            recordRefusal(who, router, "a plan of " + planned.size() + " change(s)", invalid);
            throw new InputRefused(invalid.errors().stream().map(e -> inPlan(e, changeOf, planned)).toList());
        }
        upserted.forEach(id -> locator.remember(id, router.id()));
        return upserted.stream().flatMap(id -> store.find(router.id(), id).stream()).toList();
    }

    /**
     * Every committed change to the router's resources from now on (whoever made it: this screen, another
     * browser, GraphQL, a drift check), on the committing thread: hand slow work elsewhere. Close to stop.
     */
    public ResourceEventBus.Subscription follow(Principal who, RouterId router, Consumer<ResourceEvent> listener) {
        who.require(Role.VIEWER, "see resources");
        return events.subscribe(router, listener);
    }

    /**
     * Compares every deployed resource of the router with what the router reports now and records the result
     * (under the router's apply lock). Returns one report per deployed resource; read-only towards the router.
     *
     * @throws NoSuchRouter no such router
     * @throws com.nasnetconnect.domain.router.RouterException the router could not be read; nothing was recorded
     */
    public List<DriftReport> checkDrift(Principal who, RouterId routerId) {
        who.require(Role.OPERATOR, "check drift");
        return apply.checkDrift(requireRouter(routerId));
    }

    private Resource applyOne(Principal who, Router router, DesiredResource desired) {
        try {
            apply.apply(router, ChangePlan.of(who.name(), Change.upsert(desired)));
        } catch (ApplyException.Invalid invalid) {
            recordRefusal(who, router, desired.kind() + Optional.ofNullable(desired.configuration().get("name")).map(n -> " '" + n + "'").orElse(""),
                    invalid);
            throw invalid;
        }
        ResourceId id = ResourceId.parse(desired.id());
        locator.remember(id, router.id());
        return store.find(router.id(), id).orElseThrow(() -> new IllegalStateException("applied resource " + id + " not stored"));
    }

    /**
     * A NORMAL event naming what was refused and the fields at fault; never the values (one may be a secret), and
     * never a reason to fail the caller, who gets the refusal itself.
     */
    private void recordRefusal(Principal who, Router router, String what, ApplyException.Invalid invalid) {
        if (journal.isEmpty()) return;
        try {
            var fields = invalid.errors().stream().map(ValidationIssue::field).distinct().toList();
            var data = new java.util.LinkedHashMap<String, Object>();
            data.put("router", router.name());
            data.put("refused", what);
            data.put("fields", fields);
            data.put("errors", invalid.errors().size());
            journal.get().record(NewEvent.of(router.id(), EventClass.NORMAL, "resource.validation-refused", who.name(),
                    what + " on router '" + router.name() + "' refused by validation (" + (fields.isEmpty() ? invalid.errors().size() + " error(s)"
                            : "fields " + String.join(", ", fields)) + ")", data));
        } catch (RuntimeException e) {
            System.getLogger(ResourceChanges.class.getName()).log(System.Logger.Level.WARNING, "validation refusal not recorded in the event log", e);
        }
    }

    private Router requireRouter(RouterId id) {
        return routers.find(id).orElseThrow(() -> new NoSuchRouter(id.value()));
    }

    private Router routerOf(Resource r) {
        return routers.find(r.routerId()).orElseThrow(() -> InputRefused.of(List.of("uuid"),
                "the router of resource " + r.id() + " was removed", r.id().toString()));
    }

    private Optional<Resource> existing(String uuid) {
        ResourceId id;
        try {
            id = ResourceId.parse(uuid);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return locator.find(id);
    }

    private static InputRefused.Problem problem(String change, String field, String message, String value) {
        return new InputRefused.Problem(List.of("changes", change, field), message, value);
    }

    /**
     * A validation finding under the change it is about: its identity ({@code id}, {@code kind},
     * {@code nativeId}) as the change's configuration (an update or create) or uuid (a delete), a field under
     * that; the router as {@code routerId}; a resource outside the plan (a dependent) under {@code changes}.
     */
    private static InputRefused.Problem inPlan(ValidationIssue issue, Map<String, Integer> changeOf, List<PlannedChange> planned) {
        Integer i = changeOf.get(issue.resourceId());
        List<String> base = i == null ? List.of("changes") : List.of("changes", String.valueOf(i),
                planned.get(i).op() == PlannedChange.Op.DELETE ? "uuid" : "configuration");
        List<String> at = switch (issue.field()) {
            case "id", "kind", "nativeId" -> base;
            case "router" -> List.of("routerId");
            default -> {
                var path = new ArrayList<>(base);
                path.add(issue.field());
                yield path;
            }
        };
        String shown = issue.value() == null ? "" : "='" + issue.value() + "'";
        return new InputRefused.Problem(at, issue.field() + shown + ": " + issue.message(), issue.value());
    }
}

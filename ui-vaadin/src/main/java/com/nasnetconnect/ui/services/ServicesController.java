package com.nasnetconnect.ui.services;

import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.factory.InstallRequest;
import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.domain.factory.OptionRule;
import com.nasnetconnect.domain.factory.PolicyMatch;
import com.nasnetconnect.domain.factory.RoutingPolicies;
import com.nasnetconnect.domain.factory.RoutingPolicy;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.domain.factory.ServiceTemplate;
import com.nasnetconnect.domain.factory.TemplateOption;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceLabels;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.Notice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Headless controller of a router's Services page (the Virtual Interface Factory): the catalog, the router's
 * instances with their state, pull progress and health (live, through {@link ServiceFactory#follow}), installing
 * one from a dialog generated from the template's options, uninstalling with a summary of what goes, and the
 * routing policies ("route this network / device / domain through …"). It calls only the {@link ServiceFactory}
 * and {@link RoutingPolicies} in-ports with the signed-in principal, which enforce the role.
 *
 * <p>An install dialog's values are judged with the template's own {@link OptionRule}, as the domain judges
 * them, so the dialog and the API say the same thing about the same value; what only the domain can judge (the
 * name, a missing required option, the router) comes back as {@link InputRefused} problems, shown next to the
 * field they name ({@code name} or the option key) or, for the request as a whole, in the notice.
 *
 * <p>Live updates arrive on the publisher's thread (the install's, the lifecycle's); the controller never calls the
 * domain inside a state change. {@link #close()} stops following.
 */
public final class ServicesController extends HeadlessController<ServicesController.State> {
    /** How the install dialog asks for an option. */
    public enum FieldKind {
        /** One line of text. */
        TEXT,
        /** A secret: masked, never shown back. */
        SECRET,
        /** A secret file pasted in full (a wg-quick configuration): several lines. */
        SECRET_FILE
    }

    /** One field of a template's install dialog. {@code defaultValue} is empty when the option has none. */
    public record OptionField(String key, String label, String description, boolean required, String defaultValue,
                              FieldKind kind) {
    }

    /** One catalog card: what the service is and the dialog it installs with. */
    public record TemplateCard(String id, String name, String description, String interfaceExample,
                               List<OptionField> options) {
        public TemplateCard {
            options = List.copyOf(options);
        }
    }

    /**
     * One installed service, as display text.
     *
     * @param stateText    "Pulling image · 42 %", "Extracting image", "Running", …
     * @param progress     0–100 while pulling; -1 when a bar shows without a known percentage (extracting,
     *                     starting); absent (-2) when no bar shows
     * @param health       "Healthy", "Unhealthy", "Not checked yet"
     * @param healthReason why unhealthy, in the user's words; empty otherwise
     */
    public record InstanceRow(String id, String template, String templateName, String name, String interfaceName,
                              String vlan, String subnet, InstanceState state, String stateText, int progress,
                              InstanceHealth.Status healthStatus, String health, String healthReason) {
        public static final int NO_BAR = -2;
        public static final int INDETERMINATE = -1;

        public boolean showsProgress() {
            return progress != NO_BAR;
        }
    }

    /** One routing policy: what goes ("Device 192.168.88.23") through which instance ("nnc-tor-usa"). */
    public record PolicyRow(String id, String what, String through, String instanceId) {
    }

    /**
     * A choice of the policy editor's match type, as the API names it ({@code match.subnet}).
     *
     * @param what the value asked for, in a sentence ("the device's IP address")
     */
    public record MatchChoice(PolicyMatch.Kind kind, String label, String placeholder, String what) {
    }

    /**
     * The page at one moment.
     *
     * @param routerName     the router's name, or its id when the name is unknown
     * @param canChange      operators and admins may install, uninstall and route; viewers only look
     * @param policiesReady  false when the router's policies could not be listed (the editor says why in
     *                       {@code policiesNote} instead of offering what would fail)
     * @param fieldErrors    what was refused in the install dialog or the policy editor, by field: {@code name}, an
     *                       option key, {@code match}, {@code instanceId}
     */
    public record State(Optional<RouterId> router, String routerName, List<TemplateCard> templates,
                        List<InstanceRow> instances, List<PolicyRow> policies, boolean canChange, boolean policiesReady,
                        String policiesNote, Optional<Notice> notice, Map<String, String> fieldErrors) {
        public State {
            Objects.requireNonNull(router, "router");
            templates = List.copyOf(templates);
            instances = List.copyOf(instances);
            policies = List.copyOf(policies);
            Objects.requireNonNull(notice, "notice");
            fieldErrors = Map.copyOf(fieldErrors);
        }

        State with(List<InstanceRow> rows) {
            return new State(router, routerName, templates, rows, policies, canChange, policiesReady, policiesNote, notice, fieldErrors);
        }

        State withPolicies(List<PolicyRow> rows, boolean ready, String note) {
            return new State(router, routerName, templates, instances, rows, canChange, ready, note, notice, fieldErrors);
        }

        State withNotice(Optional<Notice> next, Map<String, String> errors) {
            return new State(router, routerName, templates, instances, policies, canChange, policiesReady, policiesNote, next, errors);
        }

        public Optional<TemplateCard> template(String id) {
            return templates.stream().filter(t -> t.id().equals(id)).findFirst();
        }
    }

    /** The policy editor's choices, in the order it offers them. */
    public static final List<MatchChoice> MATCHES = List.of(
            new MatchChoice(PolicyMatch.Kind.INTERFACE, "Network (interface or VLAN)", "e.g. vlan20 or bridge", "the interface"),
            new MatchChoice(PolicyMatch.Kind.SUBNET, "Subnet", "e.g. 192.168.88.0/24", "the subnet"),
            new MatchChoice(PolicyMatch.Kind.ADDRESS, "Device by IP", "e.g. 192.168.88.23", "the device's IP address"),
            new MatchChoice(PolicyMatch.Kind.MAC, "Device by MAC", "e.g. 3C:22:FB:12:34:56", "the device's MAC address"),
            new MatchChoice(PolicyMatch.Kind.DOMAIN, "Domain", "e.g. netflix.com", "the domain"));

    private final ServiceFactory factory;
    private final RoutingPolicies policies;
    private final Principal who;
    private final Function<RouterId, Optional<String>> routerNames;
    /** Guards {@link #following}; never held while calling the domain or notifying. */
    private final Object followLock = new Object();
    private ResourceEventBus.Subscription following;

    /** @param routerNames a router's name for the page title (empty when unknown: the id is shown) */
    public ServicesController(ServiceFactory factory, RoutingPolicies policies, Principal who,
                              Function<RouterId, Optional<String>> routerNames) {
        super(new State(Optional.empty(), "", List.of(), List.of(), List.of(), false, false, "", Optional.empty(), Map.of()));
        this.factory = Objects.requireNonNull(factory, "factory");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.who = Objects.requireNonNull(who, "who");
        this.routerNames = Objects.requireNonNull(routerNames, "routerNames");
    }

    /** User intent: show this router's services (the page's address names it by id). */
    public void open(String routerId) {
        RouterId router;
        try {
            router = new RouterId(Objects.requireNonNullElse(routerId, ""));
        } catch (IllegalArgumentException e) {
            publish(new State(Optional.empty(), "", List.of(), List.of(), List.of(), false, false, "",
                    Optional.of(Notice.error("There is no router '" + routerId + "'.")), Map.of()));
            return;
        }
        String name = routerNames.apply(router).orElse(router.value());
        boolean canChange = who.role().allows(Role.OPERATOR);
        List<TemplateCard> templates;
        List<InstanceRow> rows;
        try {
            templates = factory.templates(who).stream().map(ServicesController::card).toList();
            rows = rows(factory.instances(who, router), templates);
        } catch (NoSuchRouter | AccessDeniedException e) {
            publish(new State(Optional.empty(), name, List.of(), List.of(), List.of(), false, false, "",
                    Optional.of(Notice.error(e instanceof NoSuchRouter ? "There is no router '" + router.value() + "'."
                            : "Not allowed: " + e.getMessage())), Map.of()));
            return;
        }
        publish(new State(Optional.of(router), name, templates, rows, List.of(), canChange, false, "", Optional.empty(), Map.of()));
        reloadPolicies(router);
        if (watched()) follow(router);
    }

    /** Someone watches: follow the router's instances. */
    @Override
    protected void onWatched() {
        state().router().ifPresent(this::follow);
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
     * What the install dialog says about {@code value} for the option, before anything is sent: the option's own
     * rule's verdict and message (the domain's), or empty when acceptable. A blank value is acceptable here (the
     * option's default is used, or the domain says that a required option is missing).
     */
    public Optional<String> optionProblem(String templateId, String key, String value) {
        if (value == null || value.isBlank()) return Optional.empty();
        return option(templateId, key).flatMap(o -> o.rule().problem(key, value));
    }

    /**
     * User intent: install the template under {@code name} with the dialog's values (blank ones are left out).
     * Returns true when it was installed (the dialog closes); otherwise the refusal is in the notice and, for what
     * a field holds, in {@code fieldErrors}.
     */
    public boolean install(String templateId, String name, Map<String, String> values) {
        Optional<RouterId> router = state().router();
        if (router.isEmpty()) {
            refuse("Open a router's services first.", Map.of());
            return false;
        }
        var errors = new LinkedHashMap<String, String>();
        var options = new ArrayList<InstallRequest.OptionValue>();
        values.forEach((key, value) -> {
            if (value == null || value.isBlank()) return;
            optionProblem(templateId, key, value).ifPresentOrElse(p -> errors.put(key, p),
                    () -> options.add(new InstallRequest.OptionValue(key, value)));
        });
        if (!errors.isEmpty()) {
            refuse("Nothing was sent to the router: " + String.join("; ", errors.values()), errors);
            return false;
        }
        ServiceInstance installed;
        try {
            installed = factory.install(who, router.get(), new InstallRequest(templateId, name == null ? "" : name.strip(), options));
        } catch (NoSuchRouter e) {
            refuse("There is no router '" + router.get().value() + "'.", Map.of());
            return false;
        } catch (InputRefused refused) {
            refuseInput(refused, "Nothing was sent to the router: ", ServicesController::installField);
            return false;
        } catch (ApplyException e) {
            refuse("The install was undone" + (e.routerRestored() ? " and the router is as before" : "") + ": " + e.getMessage(), Map.of());
            return false;
        } catch (RouterException e) {
            refuse("The router could not be read, nothing was changed: " + e.getMessage(), Map.of());
            return false;
        } catch (AccessDeniedException | StateException | IllegalArgumentException | IllegalStateException e) {
            refuse(Notice.refusal(e).text(), Map.of());
            return false;
        }
        String label = state().template(templateId).map(TemplateCard::name).orElse(templateId);
        Notice done = Notice.success(label + " installed as " + installed.interfaceName() + " (VLAN " + installed.vlanId()
                + ", " + installed.subnet() + ")" + (installed.state() == InstanceState.PULLING
                ? "; the router is pulling its image." : "."));
        update(s -> s.router().equals(router) ? upsert(s, installed).withNotice(Optional.of(done), Map.of()) : s);
        return true;
    }

    /** User intent: the install dialog was closed without installing; its refusals go with it. */
    public void installCancelled() {
        update(s -> s.fieldErrors().isEmpty() ? s : s.withNotice(s.notice(), Map.of()));
    }

    /**
     * What uninstalling the instance would remove, one line per resource ("VLAN nnc-vlan101"), in the order
     * they go; empty (and the reason in the notice) when that cannot be told.
     */
    public Optional<List<String>> uninstallSummary(String instanceId) {
        try {
            return Optional.of(factory.uninstallPreview(who, instanceId).stream().map(ServicesController::describe).toList());
        } catch (InputRefused | AccessDeniedException | StateException e) {
            refuse(e instanceof InputRefused r ? r.problems().getFirst().message() : Notice.refusal(e).text(), Map.of());
            return Optional.empty();
        }
    }

    /** User intent: uninstall the instance (after the confirmation listing what goes). */
    public void uninstall(String instanceId) {
        Optional<RouterId> router = state().router();
        String shown = state().instances().stream().filter(i -> i.id().equals(instanceId)).findFirst()
                .map(InstanceRow::interfaceName).orElse(instanceId);
        ServiceInstance gone;
        try {
            gone = factory.uninstall(who, instanceId);
        } catch (InputRefused e) {
            refuse(e.problems().getFirst().message(), Map.of());
            return;
        } catch (ApplyException e) {
            refuse("Nothing was removed" + (e.routerRestored() ? ", the router is as before" : "") + ": " + e.getMessage(), Map.of());
            return;
        } catch (RouterException | AccessDeniedException | StateException | IllegalArgumentException | IllegalStateException e) {
            refuse(e instanceof RouterException ? "Nothing was removed: " + e.getMessage() : Notice.refusal(e).text(), Map.of());
            return;
        }
        int n = gone.resources().size();
        Notice done = Notice.success("Uninstalled " + shown + ": " + n + (n == 1 ? " object" : " objects") + " removed from the router.");
        update(s -> s.with(s.instances().stream().filter(i -> !i.id().equals(instanceId)).toList())
                .withPolicies(s.policies().stream().filter(p -> !p.instanceId().equals(instanceId)).toList(),
                        s.policiesReady(), s.policiesNote())
                .withNotice(Optional.of(done), Map.of()));
        router.ifPresent(this::reloadPolicies);
    }

    /**
     * User intent: route what the match names through the instance ("route this device through nnc-tor-usa").
     * Returns true when the policy is in place (the editor clears its value).
     */
    public boolean routeThrough(PolicyMatch.Kind kind, String value, String instanceId) {
        Optional<RouterId> router = state().router();
        if (router.isEmpty()) {
            refuse("Open a router's services first.", Map.of());
            return false;
        }
        var errors = new LinkedHashMap<String, String>();
        if (kind == null) errors.put("match", "Choose what to route: a network, a subnet, a device or a domain.");
        else if (value == null || value.isBlank()) errors.put("match", "Enter " + choice(kind).what() + " to route.");
        if (instanceId == null || instanceId.isBlank()) errors.put("instanceId", "Choose the service to route it through.");
        if (!errors.isEmpty()) {
            refuse("Nothing was sent to the router: " + String.join(" ", errors.values()), errors);
            return false;
        }
        RoutingPolicy policy;
        try {
            policy = policies.routeThrough(who, router.get(), instanceId, new PolicyMatch(kind, value.strip()));
        } catch (UnsupportedOperationException e) {
            refuse("Routing policies are not available on this server yet; nothing was sent to the router.", Map.of());
            return false;
        } catch (InputRefused refused) {
            refuseInput(refused, "Nothing was sent to the router: ", ServicesController::policyField);
            return false;
        } catch (ApplyException e) {
            refuse("The policy was undone" + (e.routerRestored() ? " and the router is as before" : "") + ": " + e.getMessage(), Map.of());
            return false;
        } catch (RouterException | AccessDeniedException | StateException | IllegalArgumentException | IllegalStateException e) {
            refuse(e instanceof RouterException ? "Nothing was changed: " + e.getMessage() : Notice.refusal(e).text(), Map.of());
            return false;
        }
        PolicyRow row = policyRow(policy, state().instances());
        Notice done = Notice.success(row.what() + " now goes through " + row.through() + ".");
        update(s -> {
            var rows = new ArrayList<>(s.policies().stream().filter(p -> !p.id().equals(policy.id())).toList());
            rows.add(row);
            return s.withPolicies(rows, true, "").withNotice(Optional.of(done), Map.of());
        });
        reloadPolicies(router.get()); // a moved match dropped its old policy
        return true;
    }

    /** User intent: stop routing by this policy. */
    public void removePolicy(String policyId) {
        Optional<PolicyRow> row = state().policies().stream().filter(p -> p.id().equals(policyId)).findFirst();
        try {
            policies.remove(who, policyId);
        } catch (UnsupportedOperationException e) {
            refuse("Routing policies are not available on this server yet.", Map.of());
            return;
        } catch (InputRefused e) {
            refuse(e.problems().getFirst().message(), Map.of());
            return;
        } catch (ApplyException | RouterException | AccessDeniedException | StateException | IllegalArgumentException
                 | IllegalStateException e) {
            refuse(e instanceof AccessDeniedException ? Notice.refusal(e).text() : "The policy was not removed: " + e.getMessage(), Map.of());
            return;
        }
        Notice done = Notice.success(row.map(r -> r.what() + " no longer goes through " + r.through() + ".").orElse("Policy removed."));
        update(s -> s.withPolicies(s.policies().stream().filter(p -> !p.id().equals(policyId)).toList(), s.policiesReady(),
                s.policiesNote()).withNotice(Optional.of(done), Map.of()));
    }

    // ---- live updates ----

    private void follow(RouterId router) {
        ResourceEventBus.Subscription next;
        try {
            next = factory.follow(who, router, i -> onInstance(router, i));
        } catch (NoSuchRouter | AccessDeniedException e) {
            return;
        }
        ResourceEventBus.Subscription previous;
        synchronized (followLock) {
            previous = following;
            following = next;
        }
        if (previous != null) previous.close();
    }

    /** An instance changed (installed, a lifecycle step, progress, health, uninstalled), from any client. */
    private void onInstance(RouterId router, ServiceInstance instance) {
        boolean gone = instance.state() == InstanceState.STOPPED && uninstalled(router, instance.id());
        update(s -> {
            if (!s.router().equals(Optional.of(router))) return s;
            if (gone) return s.with(s.instances().stream().filter(i -> !i.id().equals(instance.id())).toList());
            return upsert(s, instance);
        });
    }

    /** A STOPPED instance is either stopped or uninstalled; the store tells which. */
    private boolean uninstalled(RouterId router, String id) {
        try {
            return factory.instances(who, router).stream().noneMatch(i -> i.id().equals(id));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void reloadPolicies(RouterId router) {
        List<PolicyRow> rows;
        try {
            List<InstanceRow> instances = state().instances();
            rows = policies.list(who, router).stream().map(p -> policyRow(p, instances)).toList();
        } catch (UnsupportedOperationException e) {
            update(s -> s.router().equals(Optional.of(router))
                    ? s.withPolicies(List.of(), false, "Routing policies are not available on this server yet.") : s);
            return;
        } catch (RuntimeException e) {
            update(s -> s.router().equals(Optional.of(router))
                    ? s.withPolicies(List.of(), false, "The routing policies could not be read: " + Notice.refusal(e).text()) : s);
            return;
        }
        update(s -> s.router().equals(Optional.of(router)) ? s.withPolicies(rows, true, "") : s);
    }

    // ---- refusals ----

    private void refuse(String message, Map<String, String> fieldErrors) {
        update(s -> s.withNotice(Optional.of(Notice.error(message)), fieldErrors));
    }

    /** Each problem next to the field it names; the ones about the request as a whole in the notice. */
    private void refuseInput(InputRefused refused, String prefix, Function<List<String>, Optional<String>> field) {
        var errors = new LinkedHashMap<String, String>();
        var general = new ArrayList<String>();
        for (InputRefused.Problem p : refused.problems()) {
            field.apply(p.at()).ifPresentOrElse(f -> errors.putIfAbsent(f, p.message()), () -> general.add(p.message()));
        }
        var all = new ArrayList<>(general);
        all.addAll(errors.values());
        refuse(prefix + String.join("; ", all), errors);
    }

    /** {@code name} and {@code options.<key>} are dialog fields; {@code template} and {@code routerId} are not. */
    static Optional<String> installField(List<String> at) {
        if (at.equals(List.of("name"))) return Optional.of("name");
        if (at.size() == 2 && at.getFirst().equals("options")) return Optional.of(at.get(1));
        return Optional.empty();
    }

    /** {@code match.<field>} is the value, {@code instanceId} the service. */
    static Optional<String> policyField(List<String> at) {
        if (!at.isEmpty() && at.getFirst().equals("match")) return Optional.of("match");
        if (at.equals(List.of("instanceId"))) return Optional.of("instanceId");
        return Optional.empty();
    }

    // ---- display ----

    private Optional<TemplateOption> option(String templateId, String key) {
        return cached.computeIfAbsent(templateId, id -> factory.templates(who).stream().filter(t -> t.id().equals(id))
                .findFirst()).flatMap(t -> t.option(key));
    }

    private final Map<String, Optional<ServiceTemplate>> cached = new java.util.concurrent.ConcurrentHashMap<>();

    static TemplateCard card(ServiceTemplate t) {
        return new TemplateCard(t.id(), t.name(), t.description(), "nnc-" + t.interfacePrefix() + "-<name>",
                t.options().stream().map(ServicesController::field).toList());
    }

    static OptionField field(TemplateOption o) {
        FieldKind kind = o.rule() == OptionRule.WG_QUICK ? FieldKind.SECRET_FILE : o.rule().secret() ? FieldKind.SECRET : FieldKind.TEXT;
        return new OptionField(o.key(), o.label(), o.description(), o.required(), o.defaultValue().orElse(""), kind);
    }

    static List<InstanceRow> rows(List<ServiceInstance> instances, List<TemplateCard> templates) {
        return instances.stream().map(i -> row(i, templates)).toList();
    }

    static InstanceRow row(ServiceInstance i, List<TemplateCard> templates) {
        String templateName = templates.stream().filter(t -> t.id().equals(i.template())).map(TemplateCard::name)
                .findFirst().orElse(i.template());
        int progress = switch (i.state()) {
            case PULLING -> i.progress();
            case PENDING, EXTRACTING, STARTING -> InstanceRow.INDETERMINATE;
            default -> InstanceRow.NO_BAR;
        };
        InstanceHealth h = i.health();
        String health = switch (h.status()) {
            case UNKNOWN -> "Not checked yet";
            case HEALTHY -> "Healthy";
            case UNHEALTHY -> "Unhealthy";
        };
        return new InstanceRow(i.id(), i.template(), templateName, i.name(), i.interfaceName(), String.valueOf(i.vlanId()),
                i.subnet(), i.state(), stateText(i.state(), i.progress()), progress, h.status(), health, h.reason());
    }

    static String stateText(InstanceState state, int progress) {
        return switch (state) {
            case PENDING -> "Pending";
            case PULLING -> "Pulling image · " + progress + " %";
            case EXTRACTING -> "Extracting image";
            case STARTING -> "Starting";
            case RUNNING -> "Running";
            case DEGRADED -> "Degraded";
            case FAILED -> "Failed";
            case STOPPED -> "Stopped";
        };
    }

    private static State upsert(State s, ServiceInstance instance) {
        InstanceRow row = row(instance, s.templates());
        var rows = new ArrayList<>(s.instances());
        int at = -1;
        for (int i = 0; i < rows.size(); i++) if (rows.get(i).id().equals(row.id())) at = i;
        if (at >= 0) rows.set(at, row);
        else rows.add(row);
        return s.with(rows);
    }

    static PolicyRow policyRow(RoutingPolicy p, List<InstanceRow> instances) {
        String through = instances.stream().filter(i -> i.id().equals(p.instanceId())).findFirst()
                .map(InstanceRow::interfaceName).orElse("a removed service");
        return new PolicyRow(p.id(), choice(p.match().kind()).label() + " " + p.match().value(), through, p.instanceId());
    }

    static MatchChoice choice(PolicyMatch.Kind kind) {
        return MATCHES.stream().filter(m -> m.kind() == kind).findFirst().orElseThrow();
    }

    /** "VLAN nnc-vlan101", "address-list entry example.com in nnc-tor-usa": as the uninstall summary lists it. */
    static String describe(Resource r) {
        return ResourceLabels.describe(r);
    }
}

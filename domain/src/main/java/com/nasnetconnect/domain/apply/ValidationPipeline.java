package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.ValidationIssue.error;
import static com.nasnetconnect.domain.apply.ValidationIssue.warning;

import com.nasnetconnect.domain.common.Echo;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterSession;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Fills the validation layer of every resource in a {@link ChangePlan}, in stages: schema rules, references
 * exist, conflicts (duplicate names and identities, VLAN ids, overlapping subnets), platform capability,
 * dependency order, router pre-flight read (one batch: platform, every menu involved, and the caller's reads),
 * and the dry-run plan (the router commands, in order). Stages that
 * need the router run only when the configuration itself is valid; this class only reads from the router.
 */
public final class ValidationPipeline {
    private final ResourceKindSpecs specs;
    private final SchemaRules rules;
    private final ApplyLedger ledger;
    private final RouterGateway gateway;

    /** Platform capabilities change only with an upgrade or a package install: re-read after this long. */
    static final java.time.Duration PLATFORM_TTL = java.time.Duration.ofSeconds(60);
    private final java.time.Clock clock;
    private final Map<com.nasnetconnect.domain.router.RouterId, CachedPlatform> platforms = new java.util.concurrent.ConcurrentHashMap<>();

    private record CachedPlatform(PlatformInfo info, java.time.Instant readAt) { }

    public ValidationPipeline(ResourceKindSpecs specs, SchemaRules rules, ApplyLedger ledger, RouterGateway gateway) {
        this(specs, rules, ledger, gateway, java.time.Clock.systemUTC());
    }

    public ValidationPipeline(ResourceKindSpecs specs, SchemaRules rules, ApplyLedger ledger, RouterGateway gateway,
                              java.time.Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.specs = Objects.requireNonNull(specs, "specs");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
    }

    /** Validates on a session of its own; reads the router (one batched pre-flight read) only for a valid plan. */
    public ValidatedPlan validate(Router router, ChangePlan plan) {
        try (var session = gateway.session(router.endpoint())) {
            return validate(router, plan, session, batch -> { });
        }
    }

    /**
     * Validates on the caller's session; {@code alsoRead} adds the caller's own reads (e.g. a link-loss guard's)
     * to the one pre-flight batch, which runs only when the configuration itself is valid.
     */
    ValidatedPlan validate(Router router, ChangePlan plan, RouterSession session,
                           java.util.function.Consumer<RouterSession.Batch> alsoRead) {
        var before = new LinkedHashMap<String, ManagedResource>();
        ledger.resources(router.id()).forEach(r -> before.put(r.id(), r));
        var issues = new LinkedHashMap<String, List<ValidationIssue>>();
        var upserts = new ArrayList<DesiredResource>();
        var deletes = new ArrayList<ManagedResource>();
        for (Change c : plan.changes()) {
            var list = issues.computeIfAbsent(c.resourceId(), k -> new ArrayList<>());
            switch (c) {
                case Change.Upsert u -> {
                    upserts.add(u.resource());
                    var old = before.get(u.resourceId());
                    if (old != null && old.kind() != u.resource().kind()) {
                        list.add(error("schema", u.resourceId(), "kind", u.resource().kind().name(),
                                "resource is a " + old.kind() + "; its kind cannot change"));
                    }
                    list.addAll(rules.check(u.resourceId(), u.resource().kind(), u.resource().configuration()));
                }
                case Change.Delete d -> {
                    var old = before.get(d.resourceId());
                    if (old == null) list.add(error("references", d.resourceId(), "id", d.resourceId(), "no such resource on router '" + router.name() + "'"));
                    else deletes.add(old);
                }
            }
        }
        if (hasErrors(issues)) return result(plan, issues, List.of(), upserts, deletes, before, new RouterView(Map.of()), Optional.empty());

        // The world as it will be: what stays, plus what is upserted.
        var deletedIds = new HashSet<String>();
        deletes.forEach(d -> deletedIds.add(d.id()));
        var future = new LinkedHashMap<String, DesiredResource>();
        before.values().stream().filter(r -> !deletedIds.contains(r.id())).forEach(r -> future.put(r.id(), r.desired()));
        upserts.forEach(u -> future.put(u.id(), u));

        PlatformInfo platform;
        RouterView view;
        try {
            var read = preflight(router, session, upserts, deletes, alsoRead);
            platform = read.platform();
            view = read.view();
        } catch (RouterException e) {
            issues.computeIfAbsent(plan.changes().getFirst().resourceId(), k -> new ArrayList<>())
                    .add(error("preflight", plan.changes().getFirst().resourceId(), "router", router.id().value(),
                            "pre-flight read failed: " + e.getMessage()));
            return result(plan, issues, List.of(), upserts, deletes, before, new RouterView(Map.of()), Optional.empty());
        }
        var managedNativeIds = new HashSet<String>();
        before.values().forEach(r -> r.nativeId().ifPresent(managedNativeIds::add));
        var deletedNativeIds = new HashSet<String>();
        deletes.forEach(d -> d.nativeId().ifPresent(deletedNativeIds::add));

        var dialect = specs.on(platform); // the attribute names of this router's RouterOS version
        for (DesiredResource u : upserts) {
            var list = issues.get(u.id());
            platform(router, u, platform, list);
            references(router, u, future, view, deletedNativeIds, list, dialect);
            conflicts(u, future, view, before, managedNativeIds, list, dialect);
        }
        for (ManagedResource d : deletes) {
            for (DesiredResource other : future.values()) {
                for (Reference ref : specs.spec(other.kind()).references()) {
                    if (ref.targets().contains(d.kind()) && Objects.equals(other.field(ref.field()),
                            d.desired().field(ref.targetField())) && !referencedElsewhere(ref, other, future, d.id())) {
                        issues.get(d.id()).add(error("references", d.id(), "id", d.id(), "still referenced by " + named(other)
                                + " (" + ref.field() + "='" + other.field(ref.field()) + "'); delete or change it first"));
                    }
                }
            }
        }
        if (hasErrors(issues)) return result(plan, issues, List.of(), upserts, deletes, before, view, Optional.of(platform));

        List<DesiredResource> orderedUpserts = order(upserts, issues, false);
        List<DesiredResource> orderedDeletes = order(deletes.stream().map(ManagedResource::desired).toList(), issues, true);
        if (hasErrors(issues)) return result(plan, issues, List.of(), upserts, deletes, before, view, Optional.of(platform));

        // A delete runs first when an upsert reuses its name or identity (replace), otherwise last, after the
        // upserts that may move references away from it.
        var steps = new ArrayList<PlanStep>();
        var lateRemovals = new ArrayList<PlanStep>();
        for (DesiredResource d : orderedDeletes) {
            var old = before.get(d.id());
            var spec = specs.spec(d.kind());
            var row = old.nativeId().flatMap(n -> view.byId(spec.menu(), n));
            if (row.isEmpty()) {
                issues.get(d.id()).add(warning("preflight", d.id(), "nativeId", old.nativeId().orElse(null),
                        "object is already gone from the router; only the record is deleted"));
            } else {
                var step = new PlanStep(PlanStep.Op.REMOVE, d,
                        RouterCommand.of(spec.path("remove")).with(".id", old.nativeId().get()), old.nativeId(), row.get());
                (reusedByUpsert(d, orderedUpserts) ? steps : lateRemovals).add(step);
            }
        }
        for (DesiredResource u : orderedUpserts) {
            var spec = specs.spec(u.kind());
            var old = Optional.ofNullable(before.get(u.id()));
            var nativeId = old.flatMap(ManagedResource::nativeId);
            var row = nativeId.flatMap(n -> view.byId(spec.menu(), n));
            var wanted = dialect.toRouter(u.kind(), u.configuration());
            if (row.isPresent()) {
                var cmd = RouterCommand.of(spec.path("set")).with(".id", nativeId.get());
                boolean changed = false;
                for (var e : wanted.entrySet()) {
                    if (!Values.same(e.getValue(), row.get().get(e.getKey()))) {
                        cmd = cmd.with(e.getKey(), e.getValue());
                        changed = true;
                    }
                }
                if (changed) steps.add(new PlanStep(PlanStep.Op.SET, u, cmd, nativeId, row.get()));
            } else {
                if (nativeId.isPresent()) {
                    issues.get(u.id()).add(warning("preflight", u.id(), "nativeId", nativeId.get(),
                            "object is gone from the router; it will be created again"));
                }
                var cmd = RouterCommand.of(spec.path("add"));
                for (var e : wanted.entrySet()) if (!e.getValue().isEmpty()) cmd = cmd.with(e.getKey(), e.getValue());
                steps.add(new PlanStep(PlanStep.Op.ADD, u, cmd, Optional.empty(), Map.of()));
            }
        }
        steps.addAll(lateRemovals);
        return result(plan, issues, steps, orderedUpserts, deletes, before, view, Optional.of(platform));
    }

    private boolean reusedByUpsert(DesiredResource deleted, List<DesiredResource> upserts) {
        var spec = specs.spec(deleted.kind());
        for (DesiredResource u : upserts) {
            boolean interfaces = ResourceKindSpecs.INTERFACES.contains(u.kind()) && ResourceKindSpecs.INTERFACES.contains(deleted.kind());
            if (u.kind() != deleted.kind() && !interfaces) continue;
            for (String f : spec.unique()) {
                if (deleted.field(f) != null && deleted.field(f).equals(u.field(f))) return true;
            }
            if (u.kind() == deleted.kind() && spec.identity().stream().allMatch(f -> Objects.equals(u.field(f), deleted.field(f)))) return true;
        }
        return false;
    }

    private boolean referencedElsewhere(Reference ref, DesiredResource referrer, Map<String, DesiredResource> future, String deleted) {
        String v = referrer.field(ref.field());
        return future.values().stream().anyMatch(o -> !o.id().equals(deleted) && ref.targets().contains(o.kind())
                && Objects.equals(o.field(ref.targetField()), v));
    }

    private record Preflight(PlatformInfo platform, RouterView view) { }

    /**
     * One batch: the platform (unless read within {@link #PLATFORM_TTL}), a print of every menu the plan touches
     * or references, and the caller's reads.
     */
    private Preflight preflight(Router router, RouterSession session, List<DesiredResource> upserts,
                                List<ManagedResource> deletes, java.util.function.Consumer<RouterSession.Batch> alsoRead) {
        var menus = new LinkedHashSet<String>();
        for (DesiredResource u : upserts) {
            var spec = specs.spec(u.kind());
            menus.add(spec.menu());
            for (Reference ref : spec.references()) {
                if (u.field(ref.field()) != null) ref.routerMenu().ifPresent(menus::add);
            }
            if (ResourceKindSpecs.INTERFACES.contains(u.kind())) menus.add("/interface");
        }
        deletes.forEach(d -> menus.add(specs.spec(d.kind()).menu()));
        var batch = session.batch();
        var now = clock.instant();
        var cached = platforms.get(router.id());
        boolean fresh = cached != null && cached.readAt().plus(PLATFORM_TTL).isAfter(now) && !cached.readAt().isAfter(now);
        var platform = fresh ? null : batch.platform();
        var prints = new LinkedHashMap<String, RouterSession.Pending<com.nasnetconnect.domain.router.RouterReply>>();
        for (String menu : menus) prints.put(menu, batch.add(RouterCommand.of(menu + "/print")));
        alsoRead.accept(batch);
        batch.run();
        PlatformInfo info;
        if (platform == null) {
            info = cached.info();
        } else {
            info = platform.get();
            platforms.put(router.id(), new CachedPlatform(info, now));
        }
        var rows = new HashMap<String, List<Map<String, String>>>();
        prints.forEach((menu, reply) -> rows.put(menu, reply.get().rows()));
        return new Preflight(info, new RouterView(rows));
    }

    private void platform(Router router, DesiredResource u, PlatformInfo platform, List<ValidationIssue> out) {
        specs.spec(u.kind()).requiredPackage().ifPresent(pkg -> {
            if (!platform.hasPackage(pkg)) {
                out.add(error("platform", u.id(), "kind", u.kind().name(), "needs the RouterOS package '" + pkg
                        + "', which router '" + router.name() + "' (RouterOS " + platform.version() + ") does not have installed"));
            }
        });
    }

    private void references(Router router, DesiredResource u, Map<String, DesiredResource> future, RouterView view,
                            Set<String> deletedNativeIds, List<ValidationIssue> out, ResourceKindSpecs dialect) {
        for (Reference ref : specs.spec(u.kind()).references()) {
            String v = u.field(ref.field());
            if (v == null || v.isEmpty() || ref.builtins().contains(v)) continue;
            boolean managed = future.values().stream().anyMatch(o -> ref.targets().contains(o.kind())
                    && v.equals(o.field(ref.targetField())));
            boolean onRouter = ref.routerMenu().map(menu -> view.menu(menu).stream().anyMatch(row ->
                    v.equals(row.get(dialect.targetAttribute(ref)))
                            && !deletedNativeIds.contains(row.get(".id")))).orElse(false);
            if (!managed && !onRouter) {
                out.add(error("references", u.id(), ref.field(), v, target(ref) + " " + Echo.quoted(v)
                        + " does not exist " + (ref.routerMenu().isPresent() ? "on router '" + router.name() + "'"
                        : "among the managed resources of router '" + router.name() + "'")));
            }
        }
    }

    private void conflicts(DesiredResource u, Map<String, DesiredResource> future, RouterView view,
                           Map<String, ManagedResource> before, Set<String> managedNativeIds, List<ValidationIssue> out,
                           ResourceKindSpecs dialect) {
        var spec = specs.spec(u.kind());
        for (DesiredResource o : future.values()) {
            if (o.id().equals(u.id())) continue;
            boolean sameKind = o.kind() == u.kind();
            boolean bothInterfaces = ResourceKindSpecs.INTERFACES.contains(o.kind()) && ResourceKindSpecs.INTERFACES.contains(u.kind());
            for (String f : spec.unique()) {
                String v = u.field(f);
                if (v != null && !v.isEmpty() && (sameKind || (bothInterfaces && f.equals("name"))) && v.equals(o.field(f))) {
                    out.add(error("conflicts", u.id(), f, v, "is already used by " + named(o)));
                }
            }
            if (sameKind && spec.identity().stream().allMatch(f -> Objects.equals(u.field(f), o.field(f)))
                    && !spec.unique().containsAll(spec.identity())) {
                out.add(error("conflicts", u.id(), String.join("+", spec.identity()), identity(spec, u),
                        "the same object is already described by " + named(o)));
            }
            if (sameKind && u.kind() == ResourceKind.VLAN && u.field("vlanId") != null
                    && u.field("vlanId").equals(o.field("vlanId")) && Objects.equals(u.field("interface"), o.field("interface"))) {
                out.add(error("conflicts", u.id(), "vlanId", u.field("vlanId"), "VLAN id is already used on interface '"
                        + u.field("interface") + "' by " + named(o)));
            }
            if (sameKind && u.kind() == ResourceKind.IP_ADDRESS) {
                var a = Ipv4.parse(u.field("address"));
                var b = Ipv4.parse(o.field("address"));
                if (a.isPresent() && b.isPresent() && a.get().overlaps(b.get())) {
                    out.add(error("conflicts", u.id(), "address", u.field("address"), "overlaps " + o.field("address")
                            + " of " + named(o) + (Objects.equals(u.field("interface"), o.field("interface")) ? "" : " on interface '" + o.field("interface") + "'")));
                }
            }
        }
        // Objects on the router that nobody manages.
        var own = Optional.ofNullable(before.get(u.id())).flatMap(ManagedResource::nativeId);
        var unmanaged = view.menu(spec.menu()).stream()
                .filter(row -> !managedNativeIds.contains(row.get(".id")) && !"true".equals(row.get("dynamic"))).toList();
        var wantedIdentity = new LinkedHashMap<String, String>();
        spec.identity().forEach(f -> dialect.mapping().byDomainField(u.kind(), f)
                .ifPresent(b -> wantedIdentity.put(b.routerAttribute(), u.field(f))));
        for (var row : unmanaged) {
            if (own.isPresent() && own.get().equals(row.get(".id"))) continue;
            if (Values.matches(row, wantedIdentity)) {
                out.add(error("conflicts", u.id(), String.join("+", spec.identity()), identity(spec, u),
                        "already exists on the router as " + onRouter(row) + " but is not managed; adopt it instead"));
            } else {
                for (String f : spec.unique()) {
                    String attr = dialect.mapping().byDomainField(u.kind(), f).map(FieldBinding::routerAttribute).orElse(null);
                    if (attr != null && u.field(f) != null && u.field(f).equals(row.get(attr))) {
                        out.add(error("conflicts", u.id(), f, u.field(f), "is already used on the router by " + onRouter(row)));
                    }
                }
            }
        }
        if (ResourceKindSpecs.INTERFACES.contains(u.kind()) && u.field("name") != null) {
            for (var row : view.menu("/interface")) {
                boolean ownOrManaged = managedNativeIds.contains(row.get(".id")) || own.map(n -> n.equals(row.get(".id"))).orElse(false);
                boolean sameMenuType = view.menu(spec.menu()).stream().anyMatch(r -> Objects.equals(r.get(".id"), row.get(".id")));
                if (!ownOrManaged && !sameMenuType && u.field("name").equals(row.get("name"))) {
                    out.add(error("conflicts", u.id(), "name", u.field("name"), "is already the name of interface "
                            + row.get(".id") + (row.get("type") == null ? "" : " (" + row.get("type") + ")") + " on the router"));
                }
            }
        }
        if (u.kind() == ResourceKind.IP_ADDRESS) {
            var a = Ipv4.parse(u.field("address"));
            for (var row : unmanaged) {
                var b = Ipv4.parse(row.get("address"));
                if (a.isPresent() && b.isPresent() && a.get().overlaps(b.get()) && !Values.matches(row, wantedIdentity)) {
                    out.add(error("conflicts", u.id(), "address", u.field("address"), "overlaps " + row.get("address")
                            + " already on the router (" + row.get(".id") + ", interface " + row.get("interface") + ")"));
                }
            }
        }
    }

    /**
     * A resource as people know it: its kind in words and its name (or identity), e.g. {@code VLAN 'iot'} or
     * {@code IP address '10.0.1.1/24 v10'}; never its internal id unless it has nothing else.
     */
    private String named(DesiredResource r) {
        var spec = specs.spec(r.kind());
        var parts = spec.identity().stream().map(r::field).filter(v -> v != null && !v.isEmpty()).toList();
        String label = !parts.isEmpty() ? String.join(" ", parts)
                : r.field("comment") != null && !r.field("comment").isEmpty() ? r.field("comment") : r.id();
        return kindInWords(r.kind()) + " " + Echo.quoted(label);
    }

    /** {@code VLAN}, {@code IP address}, {@code WireGuard interface}, {@code bridge port}, … */
    static String kindInWords(ResourceKind kind) {
        var words = new ArrayList<String>();
        for (String w : kind.name().split("_")) {
            words.add(switch (w) {
                case "VLAN", "IP", "DHCP", "NAT" -> w;
                case "WIREGUARD" -> "WireGuard";
                default -> w.toLowerCase(java.util.Locale.ROOT);
            });
        }
        return String.join(" ", words);
    }

    /** What a reference names, in words: {@code interface}, {@code bridge}, {@code IP pool}, {@code address list}. */
    private static String target(Reference ref) {
        if (ResourceKindSpecs.INTERFACES.containsAll(ref.targets()) && ref.targets().size() > 1) return "interface";
        if (ref.targets().equals(Set.of(ResourceKind.ADDRESS_LIST_ENTRY))) return "address list";
        return String.join(" or ", ref.targets().stream().map(ValidationPipeline::kindInWords).sorted().toList());
    }

    /** An object on the router: its name and the router's id for it, e.g. {@code 'vlan9' (*1A)}. */
    private static String onRouter(Map<String, String> row) {
        String name = row.get("name");
        return name == null || name.isEmpty() ? String.valueOf(row.get(".id")) : Echo.quoted(name) + " (" + row.get(".id") + ")";
    }

    private static String identity(ResourceKindSpec spec, DesiredResource u) {
        return String.join("+", spec.identity().stream().map(f -> String.valueOf(u.field(f))).toList());
    }

    /**
     * Orders resources so that every one comes after the ones it references (or, for deletes, before them).
     * Ties keep kind rank, then the given order. A cycle is an error naming its members.
     */
    private List<DesiredResource> order(List<DesiredResource> items, Map<String, List<ValidationIssue>> issues, boolean reverse) {
        var deps = new LinkedHashMap<String, Set<String>>();
        for (DesiredResource a : items) {
            var set = new LinkedHashSet<String>();
            for (Reference ref : specs.spec(a.kind()).references()) {
                String v = a.field(ref.field());
                if (v == null) continue;
                for (DesiredResource b : items) {
                    if (b != a && ref.targets().contains(b.kind()) && v.equals(b.field(ref.targetField()))) set.add(b.id());
                }
            }
            deps.put(a.id(), set);
        }
        var byId = new LinkedHashMap<String, DesiredResource>();
        items.forEach(i -> byId.put(i.id(), i));
        var index = new HashMap<String, Integer>();
        for (int i = 0; i < items.size(); i++) index.put(items.get(i).id(), i);
        Comparator<DesiredResource> tie = Comparator.<DesiredResource>comparingInt(r -> specs.spec(r.kind()).applyRank())
                .thenComparingInt(r -> index.get(r.id()));
        var done = new LinkedHashSet<String>();
        var out = new ArrayList<DesiredResource>();
        while (out.size() < items.size()) {
            var ready = new TreeSet<>(tie);
            for (DesiredResource r : items) {
                if (!done.contains(r.id()) && done.containsAll(deps.get(r.id()))) ready.add(r);
            }
            if (ready.isEmpty()) {
                var stuck = items.stream().filter(r -> !done.contains(r.id())).toList();
                var names = stuck.stream().map(this::named).toList();
                for (DesiredResource r : stuck) {
                    issues.get(r.id()).add(error("order", r.id(), "references", String.join(",", deps.get(r.id())),
                            "dependency cycle among " + String.join(", ", names)));
                }
                return List.of();
            }
            var next = ready.first();
            done.add(next.id());
            out.add(next);
        }
        if (reverse) java.util.Collections.reverse(out);
        return out;
    }

    private static boolean hasErrors(Map<String, List<ValidationIssue>> issues) {
        return issues.values().stream().flatMap(List::stream).anyMatch(i -> i.severity() == ValidationIssue.Severity.ERROR);
    }

    private static ValidatedPlan result(ChangePlan plan, Map<String, List<ValidationIssue>> issues, List<PlanStep> steps,
                                        List<DesiredResource> upserts, List<ManagedResource> deletes,
                                        Map<String, ManagedResource> before, RouterView view, Optional<PlatformInfo> platform) {
        var reports = new LinkedHashMap<String, ValidationReport>();
        issues.forEach((id, list) -> reports.put(id, new ValidationReport(id,
                list.stream().filter(i -> i.severity() == ValidationIssue.Severity.ERROR).toList(),
                list.stream().filter(i -> i.severity() == ValidationIssue.Severity.WARNING).toList())));
        return new ValidatedPlan(plan, reports, steps, upserts, deletes, before, view, platform);
    }
}

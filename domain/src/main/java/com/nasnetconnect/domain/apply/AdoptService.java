package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.ResourceLabels;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * In-port: onboards an existing router. Reads the menus of the asked kinds and turns every object nobody
 * manages yet into a resource: configuration = its mapped fields as the router reports them, deployment = the
 * router's row (so it is in sync from the start). Dynamic and built-in objects (e.g. routing table
 * {@code main}) are skipped, as are objects already managed (matched by {@code .id}). All adopted resources
 * are committed in one transaction.
 */
public final class AdoptService {
    private final RouterGateway gateway;
    private final ApplyLedger ledger;
    private final ResourceKindSpecs specs;
    private final SchemaRules rules;
    private final Clock clock;
    private final Supplier<String> ids;
    private final RouterLocks locks;

    /** With locks of its own: it waits for no apply. Prefer the constructor taking the apply's locks. */
    public AdoptService(RouterGateway gateway, ApplyLedger ledger, ResourceKindSpecs specs, SchemaRules rules, Clock clock) {
        this(gateway, ledger, specs, rules, new RouterLocks(), clock);
    }

    /** @param locks the apply's locks ({@link ApplyConfirmMergeService#locks()}): an adopt waits for an apply in flight */
    public AdoptService(RouterGateway gateway, ApplyLedger ledger, ResourceKindSpecs specs, SchemaRules rules,
                        RouterLocks locks, Clock clock) {
        this(gateway, ledger, specs, rules, clock, () -> UUID.randomUUID().toString(), locks);
    }

    AdoptService(RouterGateway gateway, ApplyLedger ledger, ResourceKindSpecs specs, SchemaRules rules, Clock clock,
                 Supplier<String> ids) {
        this(gateway, ledger, specs, rules, clock, ids, new RouterLocks());
    }

    private AdoptService(RouterGateway gateway, ApplyLedger ledger, ResourceKindSpecs specs, SchemaRules rules, Clock clock,
                         Supplier<String> ids, RouterLocks locks) {
        this.locks = Objects.requireNonNull(locks, "locks");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.specs = Objects.requireNonNull(specs, "specs");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = ids;
    }

    /**
     * Adopts every unmanaged object of every kind the router's platform has (a kind that needs a package the
     * router lacks is skipped); returns what was committed.
     */
    public List<MergedChange> adoptAll(Router router, String by) {
        var platform = gateway.platform(router.endpoint());
        var kinds = java.util.EnumSet.noneOf(ResourceKind.class);
        for (ResourceKind k : ResourceKind.values()) {
            if (specs.spec(k).requiredPackage().map(platform::hasPackage).orElse(true)) kinds.add(k);
        }
        return adopt(router, kinds, by);
    }

    /**
     * Adopts every unmanaged object of these kinds; returns what was committed (empty: nothing new). Holds the
     * router's lock, so an object an apply is creating is not adopted a second time.
     */
    public List<MergedChange> adopt(Router router, Set<ResourceKind> kinds, String by) {
        return locks.with(router.id(), () -> adoptLocked(router, kinds, by));
    }

    private List<MergedChange> adoptLocked(Router router, Set<ResourceKind> kinds, String by) {
        var now = clock.instant();
        var out = new ArrayList<MergedChange>();
        for (var c : candidates(router.endpoint(), kinds, managed(router))) {
            var desired = new DesiredResource(ids.get(), c.kind(), c.configuration());
            var found = rules.check(desired.id(), c.kind(), c.configuration());
            var report = new ValidationReport(desired.id(), found.stream()
                    .filter(i -> i.severity() == ValidationIssue.Severity.ERROR).toList(),
                    found.stream().filter(i -> i.severity() == ValidationIssue.Severity.WARNING).toList());
            out.add(new MergedChange(MergedChange.Kind.ADOPTED, desired,
                    Optional.of(new Confirmation(c.nativeId(), c.confirmed(), c.generated(), now, by)), report,
                    report.errors().stream().map(e -> "adopted as is, but: " + e).toList()));
        }
        if (!out.isEmpty()) ledger.commit(router.id(), out);
        return out;
    }

    /**
     * What {@link #adopt} would take under management from a router nobody manages yet (one being added): the
     * same menus read and the same objects skipped (dynamic, built-in, default), with nothing committed and
     * nothing written to the router. Per kind, in {@link ResourceKind} order, only kinds with something to adopt.
     *
     * @param examples at most this many objects named per kind ({@link ResourceLabels#identity})
     */
    public AdoptPreview preview(RouterEndpoint endpoint, Set<ResourceKind> kinds, int examples) {
        return preview(candidates(endpoint, kinds, Set.of()), examples);
    }

    /** As {@link #preview(RouterEndpoint, Set, int)} for a managed router: objects it manages already are left out. */
    public AdoptPreview preview(Router router, Set<ResourceKind> kinds, int examples) {
        return preview(candidates(router.endpoint(), kinds, managed(router)), examples);
    }

    private static AdoptPreview preview(List<Candidate> candidates, int examples) {
        var byKind = new java.util.EnumMap<ResourceKind, List<String>>(ResourceKind.class);
        var counts = new java.util.EnumMap<ResourceKind, Integer>(ResourceKind.class);
        for (var c : candidates) {
            counts.merge(c.kind(), 1, Integer::sum);
            var names = byKind.computeIfAbsent(c.kind(), k -> new ArrayList<>());
            if (names.size() < examples) {
                String name = ResourceLabels.identity(c.kind(), new Fields(new LinkedHashMap<>(c.configuration())));
                if (!name.isBlank()) names.add(name);
            }
        }
        return new AdoptPreview(counts.entrySet().stream()
                .map(e -> new AdoptPreview.KindCount(e.getKey(), e.getValue(), byKind.get(e.getKey()))).toList());
    }

    private Set<String> managed(Router router) {
        var managed = new HashSet<String>();
        ledger.resources(router.id()).forEach(r -> r.nativeId().ifPresent(n -> managed.add(r.kind() + n)));
        return managed;
    }

    /** An object of the router that adopt takes: its configuration as adopted, its router row as confirmed. */
    private record Candidate(ResourceKind kind, String nativeId, java.util.Map<String, String> configuration,
                             java.util.Map<String, String> confirmed, java.util.Map<String, String> generated) { }

    /** Reads the kinds' menus and keeps what adopt takes: not yet managed, not dynamic, built-in or default. */
    private List<Candidate> candidates(RouterEndpoint endpoint, Set<ResourceKind> kinds, Set<String> managed) {
        // the attribute names of the router's RouterOS version; asked only when a kind's names differ by version
        var specs = kinds.stream().anyMatch(this.specs::versionDependent) ? this.specs.on(gateway.platform(endpoint)) : this.specs;
        var out = new ArrayList<Candidate>();
        for (ResourceKind kind : ResourceKind.values()) {
            if (!kinds.contains(kind)) continue;
            var spec = specs.spec(kind);
            for (var row : gateway.execute(endpoint, RouterCommand.of(spec.menu() + "/print")).rows()) {
                String nativeId = row.get(".id");
                if (nativeId == null || managed.contains(kind + nativeId) || flag(row, "dynamic") || flag(row, "builtin")
                        || flag(row, "default")) {
                    continue;
                }
                var confirmed = specs.confirmedFromRouter(kind, row);
                var config = new LinkedHashMap<String, String>();
                confirmed.forEach((f, v) -> {
                    String attr = specs.mapping().attribute(kind, f);
                    boolean secret = specs.mapping().byDomainField(kind, f).map(FieldBinding::secret).orElse(false);
                    if (!v.isEmpty() && !spec.generated().contains(attr) && !secret) config.put(f, v);
                });
                var generated = new LinkedHashMap<String, String>();
                spec.generated().stream().sorted().forEach(g -> { if (row.get(g) != null) generated.put(g, row.get(g)); });
                out.add(new Candidate(kind, nativeId, config, confirmed, generated));
            }
        }
        return out;
    }

    private static boolean flag(java.util.Map<String, String> row, String name) {
        String v = row.get(name);
        return "true".equals(v) || "yes".equals(v);
    }
}

package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.RouterText;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Deployment;
import com.nasnetconnect.domain.state.Drift;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Metadata;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceChange;
import com.nasnetconnect.domain.state.ResourceEventPublisher;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceStore;
import com.nasnetconnect.domain.state.Telemetry;
import com.nasnetconnect.domain.state.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ApplyLedger} over Universal State v2: reads resources from the {@link ResourceStore}, commits each
 * merged plan as one {@link ChangeSet} (event and row per resource, one transaction) and then publishes the
 * committed events. Configuration values keep their stored type when unchanged; deployment fields are the
 * router's, generated attributes under their camelCase names ({@code public-key} → {@code publicKey}).
 */
public final class StateApplyLedger implements ApplyLedger {
    private final ResourceStore store;
    private final ResourceEventPublisher publisher;
    private final ResourceKindSpecs specs;
    private final Clock clock;
    private final java.util.function.Function<RouterId, Platform> platforms;

    public StateApplyLedger(ResourceStore store, ResourceEventPublisher publisher, ResourceKindSpecs specs, Clock clock) {
        this(store, publisher, specs, clock, router -> Platform.MIKROTIK);
    }

    /** @param platforms the platform layer for a router's resources (e.g. {@link RouterPlatforms}) */
    public StateApplyLedger(ResourceStore store, ResourceEventPublisher publisher, ResourceKindSpecs specs, Clock clock,
                            java.util.function.Function<RouterId, Platform> platforms) {
        this.store = Objects.requireNonNull(store, "store");
        this.publisher = Objects.requireNonNull(publisher, "publisher");
        this.specs = Objects.requireNonNull(specs, "specs");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.platforms = Objects.requireNonNull(platforms, "platforms");
    }

    @Override
    public List<ManagedResource> resources(RouterId router) {
        return store.listAll(router, Optional.empty()).stream().map(this::managed).toList();
    }

    ManagedResource managed(Resource r) {
        var cfg = new LinkedHashMap<String, String>();
        r.configuration().values().forEach((k, v) -> cfg.put(k, routerText(v)));
        var desired = new DesiredResource(r.id().toString(), r.kind(), cfg);
        return new ManagedResource(desired, r.deployment().map(d -> {
            var confirmed = new LinkedHashMap<String, String>();
            var generated = new LinkedHashMap<String, String>();
            d.confirmed().values().forEach((k, v) -> {
                if (specs.mapping().byDomainField(r.kind(), k).isPresent()) confirmed.put(k, routerText(v));
                else generated.put(kebab(k), routerText(v));
            });
            return new Confirmation(d.nativeId(), confirmed, generated, d.appliedAt(), d.appliedBy());
        }));
    }

    /** A stored value as router text: {@link RouterText}, the converter the API's inputs go through too. */
    static String routerText(Object v) {
        return RouterText.of(v);
    }

    @Override
    public void commit(RouterId router, List<MergedChange> changes) {
        Instant at = clock.instant();
        var current = new HashMap<String, Resource>();
        var all = store.listAll(router, Optional.empty());
        all.forEach(r -> current.put(r.id().toString(), r));
        String actor = changes.stream().flatMap(c -> c.deployment().stream()).map(Confirmation::appliedBy).findFirst().orElse("system");
        var out = new ArrayList<ResourceChange>();
        Platform platform = platforms.apply(router);
        for (MergedChange c : changes) {
            var id = ResourceId.parse(c.resource().id());
            var old = Optional.ofNullable(current.get(c.resource().id()));
            switch (c.change()) {
                case DELETED -> out.add(new ResourceChange.Delete(id, old.orElseThrow(() ->
                        new IllegalStateException("resource " + id + " vanished from the store during apply")).metadata().version()));
                case CREATED, UPDATED, ADOPTED -> {
                    var cfg = toFields(c.resource().configuration(), old.map(Resource::configuration).orElse(Fields.EMPTY));
                    var validation = validation(c, at);
                    var deployment = c.deployment().map(d -> new Deployment(d.nativeId(), deploymentFields(d), d.appliedAt(), d.appliedBy()));
                    var deps = dependsOn(c.resource(), all, changes);
                    if (old.isEmpty()) {
                        var r = new Resource(id, router, c.resource().kind(), cfg, validation, deployment, Optional.empty(),
                                Telemetry.EMPTY, Metadata.created(at, actor), new Relationships(deps, java.util.Set.of()), platform);
                        out.add(new ResourceChange.Put(r, c.change() == MergedChange.Kind.ADOPTED ? ChangeType.ADOPTED : ChangeType.CREATED));
                    } else {
                        var o = old.get();
                        var r = new Resource(id, router, o.kind(), cfg, validation, deployment, o.runtime(), o.telemetry(),
                                o.metadata().next(at, actor), new Relationships(deps, o.relationships().dependents()), platform);
                        out.add(new ResourceChange.Put(r, ChangeType.DEPLOYED));
                    }
                }
            }
        }
        var events = store.commit(new ChangeSet(router, actor, at, out));
        publisher.publish(events);
    }

    @Override
    public void recordDrift(RouterId router, List<DriftReport> drifts) {
        Instant at = clock.instant();
        var out = new ArrayList<ResourceChange>();
        for (DriftReport d : drifts) {
            var found = store.find(router, ResourceId.parse(d.resourceId()));
            if (found.isEmpty() || found.get().deployment().isEmpty()) continue;
            var r = found.get();
            var diffs = d.fields().stream().map(f -> new FieldDifference(f.field(), Optional.ofNullable(f.deployed()),
                    Optional.ofNullable(f.actual()))).filter(f -> f.before().isPresent() || f.after().isPresent()).toList();
            var drift = new Drift(diffs, d.missing(), d.checkedAt());
            var previous = r.deployment().get().drift();
            if (previous.isPresent() && previous.get().missing() == drift.missing()
                    && previous.get().differences().equals(drift.differences())) {
                continue; // unchanged since the last check: no new event
            }
            var next = new Resource(r.id(), router, r.kind(), r.configuration(), r.validation(),
                    Optional.of(r.deployment().get().withDrift(drift)), r.runtime(), r.telemetry(),
                    r.metadata().next(at, "drift-check"), r.relationships(), r.platform());
            out.add(new ResourceChange.Put(next, ChangeType.DRIFT_CHECKED));
        }
        if (out.isEmpty()) return;
        publisher.publish(store.commit(new ChangeSet(router, "drift-check", at, out)));
    }

    private static Fields toFields(Map<String, String> cfg, Fields previous) {
        var map = new LinkedHashMap<String, Object>();
        cfg.forEach((k, v) -> {
            var prev = previous.get(k);
            map.put(k, prev.isPresent() && routerText(prev.get()).equals(v) ? prev.get() : v);
        });
        return new Fields(map);
    }

    private static Fields deploymentFields(Confirmation d) {
        var map = new LinkedHashMap<String, Object>(d.confirmed());
        d.generated().forEach((attr, v) -> map.put(camel(attr), v));
        return new Fields(map);
    }

    static String kebab(String field) {
        var sb = new StringBuilder();
        for (char ch : field.toCharArray()) {
            if (Character.isUpperCase(ch)) sb.append('-').append(Character.toLowerCase(ch));
            else sb.append(ch);
        }
        return sb.toString();
    }

    static String camel(String attr) {
        var sb = new StringBuilder();
        boolean up = false;
        for (char ch : attr.toCharArray()) {
            if (ch == '-' || ch == '.' || ch == '_') { up = sb.length() > 0; continue; }
            sb.append(up ? Character.toUpperCase(ch) : ch);
            up = false;
        }
        return sb.toString();
    }

    private static Validation validation(MergedChange c, Instant at) {
        var layer = c.validation().toLayer(at);
        var warnings = new ArrayList<>(layer.warnings());
        c.warnings().forEach(w -> warnings.add(com.nasnetconnect.domain.state.ValidationIssue.of("deployment", "", "confirm-mismatch", w)));
        return Validation.of(layer.errors(), warnings, at);
    }

    private java.util.Set<ResourceId> dependsOn(DesiredResource r, List<Resource> stored, List<MergedChange> changes) {
        var out = new LinkedHashSet<ResourceId>();
        var deleted = new java.util.HashSet<String>();
        changes.stream().filter(c -> c.change() == MergedChange.Kind.DELETED).forEach(c -> deleted.add(c.resource().id()));
        for (Reference ref : specs.spec(r.kind()).references()) {
            String v = r.field(ref.field());
            if (v == null || v.isEmpty()) continue;
            for (MergedChange c : changes) {
                var o = c.resource();
                if (c.change() != MergedChange.Kind.DELETED && !o.id().equals(r.id()) && ref.targets().contains(o.kind())
                        && v.equals(o.field(ref.targetField()))) out.add(ResourceId.parse(o.id()));
            }
            for (Resource o : stored) {
                if (!deleted.contains(o.id().toString()) && !o.id().toString().equals(r.id()) && ref.targets().contains(o.kind())
                        && o.configuration().string(ref.targetField()).map(v::equals).orElse(false)) out.add(o.id());
            }
        }
        return out;
    }
}

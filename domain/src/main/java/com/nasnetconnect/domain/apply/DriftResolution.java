package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.NoSuchResource;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceLabels;
import com.nasnetconnect.domain.state.ResourceStore;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * In-port: settles a resource that drifted (someone changed its router object behind the manager's back), one way
 * or the other, under the router's apply lock and through the apply ledger, so its history records who settled it.
 * <ul>
 *   <li>{@link #acceptRouterValues}: the stored configuration takes the router's values of the fields that drifted
 *   and the deployment layer becomes what the router reports now; nothing is written to the router.</li>
 *   <li>{@link #reapply}: the stored configuration goes to the router again through apply-confirm-merge (a field the
 *   router gained is set back to what the router had confirmed); a router refusal leaves router and state as they
 *   were.</li>
 * </ul>
 * Either way the drift is cleared. Both read the router afresh (a recorded drift may be stale). Operators and admins.
 *
 * <p>Refusals: a uuid that names no live resource is a {@link NoSuchResource}; a resource that is not on the router
 * yet, or (for accepting) whose object is gone from the router, an {@link InputRefused} at {@code uuid} naming the
 * resource in words; a router that refused or could not confirm an {@link ApplyException}; a router that cannot
 * be read a {@link com.nasnetconnect.domain.router.RouterException} (nothing recorded).
 */
public final class DriftResolution {
    private final ApplyConfirmMergeService apply;
    private final ApplyLedger ledger;
    private final RouterGateway gateway;
    private final ResourceKindSpecs specs;
    private final RouterRepository routers;
    private final ResourceStore store;
    private final ResourceLocator locator;
    private final DriftService drift;
    private final Clock clock;

    public DriftResolution(ApplyConfirmMergeService apply, ApplyLedger ledger, RouterGateway gateway, ResourceKindSpecs specs,
                           RouterRepository routers, ResourceStore store, ResourceLocator locator, Clock clock) {
        this.apply = Objects.requireNonNull(apply, "apply");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.specs = Objects.requireNonNull(specs, "specs");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.store = Objects.requireNonNull(store, "store");
        this.locator = Objects.requireNonNull(locator, "locator");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.drift = new DriftService(gateway, ledger, specs, apply.locks(), clock);
    }

    /**
     * The stored configuration takes the router's values of every field that differs from what the router had
     * confirmed; the deployment layer becomes what the router reports now (so no drift remains). No command reaches
     * the router. Returns the resource as stored now.
     */
    public Resource acceptRouterValues(Principal who, ResourceId id) {
        who.require(Role.OPERATOR, "accept router values");
        Resource found = locator.find(id).orElseThrow(() -> new NoSuchResource(id));
        Router router = routerOf(found);
        apply.locks().with(router.id(), () -> {
            Resource r = store.find(router.id(), id).orElseThrow(() -> new NoSuchResource(id));
            var deployment = r.deployment().orElseThrow(() -> notDeployed(r, router));
            var spec = specs.spec(r.kind());
            var row = gateway.execute(router.endpoint(), RouterCommand.of(spec.menu() + "/print")).rows().stream()
                    .filter(x -> deployment.nativeId().equals(x.get(".id"))).findFirst()
                    .orElseThrow(() -> InputRefused.of(List.of("uuid"), ResourceLabels.describe(r) + " is gone from router '"
                            + router.name() + "', so it has no values to accept: re-apply it to create it again, or delete it",
                            id.toString()));
            var dialect = specs.versionDependent(r.kind()) ? specs.on(gateway.platform(router.endpoint())) : specs;
            Map<String, String> raw = dialect.fromRouter(r.kind(), row);
            Map<String, String> now = dialect.confirmedFromRouter(r.kind(), row);
            var was = ledger.resources(router.id()).stream().filter(m -> m.id().equals(id.toString())).findFirst()
                    .flatMap(ManagedResource::deployment).map(Confirmation::confirmed).orElse(Map.of());
            var configuration = new LinkedHashMap<>(DesiredResource.of(r).configuration());
            var fields = new LinkedHashSet<>(was.keySet());
            fields.addAll(now.keySet());
            for (String field : fields) {
                if (Values.same(was.get(field), now.get(field))) continue;
                String value = raw.get(field);
                if (value == null || value.isEmpty()) configuration.remove(field);
                else configuration.put(field, value);
            }
            var desired = new DesiredResource(id.toString(), r.kind(), configuration);
            var generated = new LinkedHashMap<String, String>();
            spec.generated().stream().sorted().forEach(g -> { if (row.get(g) != null) generated.put(g, row.get(g)); });
            var checked = apply.validate(router, ChangePlan.of(who.name(), Change.upsert(desired)));
            var validation = Optional.ofNullable(checked.reports().get(id.toString()))
                    .orElse(new ValidationReport(id.toString(), List.of(), List.of()));
            ledger.commit(router.id(), List.of(new MergedChange(MergedChange.Kind.UPDATED, desired,
                    Optional.of(new Confirmation(deployment.nativeId(), now, generated, clock.instant(), who.name())),
                    validation, List.of())));
            return null;
        });
        return store.find(router.id(), id).orElseThrow(() -> new NoSuchResource(id));
    }

    /**
     * Pushes the stored configuration to the router again through apply-confirm-merge, so the router's object is
     * what the manager holds and the drift clears; a field the router gained is set back to what it had confirmed
     * (or cleared). When the router already matches, nothing is sent and the drift record is cleared by the fresh
     * check. Returns the resource as stored now.
     *
     * @throws ApplyException the router refused or could not confirm; router and state are as they were
     */
    public Resource reapply(Principal who, ResourceId id) {
        who.require(Role.OPERATOR, "re-apply resources");
        Resource found = locator.find(id).orElseThrow(() -> new NoSuchResource(id));
        Router router = routerOf(found);
        apply.locks().with(router.id(), () -> {
            Resource r = store.find(router.id(), id).orElseThrow(() -> new NoSuchResource(id));
            if (r.deployment().isEmpty()) throw notDeployed(r, router);
            var report = drift.check(router).stream().filter(d -> d.resourceId().equals(id.toString())).findFirst();
            if (report.isEmpty() || !report.get().drifted()) return null;
            var was = ledger.resources(router.id()).stream().filter(m -> m.id().equals(id.toString())).findFirst()
                    .flatMap(ManagedResource::deployment).map(Confirmation::confirmed).orElse(Map.of());
            var configuration = new LinkedHashMap<>(DesiredResource.of(r).configuration());
            boolean mine = report.get().missing();
            for (var f : report.get().fields()) {
                if (specs.mapping().byDomainField(r.kind(), f.field()).isEmpty()) continue; // generated by the router
                mine = true;
                if (!configuration.containsKey(f.field())) configuration.put(f.field(), was.getOrDefault(f.field(), ""));
            }
            if (!mine) return null; // only what the router generates itself differs: nothing of the user's to push
            apply.apply(router, ChangePlan.of(who.name(), Change.upsert(new DesiredResource(id.toString(), r.kind(), configuration))));
            return null;
        });
        return store.find(router.id(), id).orElseThrow(() -> new NoSuchResource(id));
    }

    private Router routerOf(Resource r) {
        return routers.find(r.routerId()).orElseThrow(() -> InputRefused.of(List.of("uuid"),
                "the router of " + ResourceLabels.describe(r) + " was removed", r.id().toString()));
    }

    private static InputRefused notDeployed(Resource r, Router router) {
        return InputRefused.of(List.of("uuid"), ResourceLabels.describe(r) + " is not on router '" + router.name()
                + "' yet, so it cannot drift", r.id().toString());
    }
}

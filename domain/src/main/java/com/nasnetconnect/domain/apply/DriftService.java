package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * In-port: compares every deployed resource's deployment layer with what the router reports now (one
 * {@code print} per menu) and records the result on the resources: the differing fields, or that the object is
 * gone. Read-only towards the router. Takes the router's lock (see {@link RouterLocks}).
 */
public final class DriftService {
    private final RouterGateway gateway;
    private final ApplyLedger ledger;
    private final ResourceKindSpecs specs;
    private final Clock clock;
    private final RouterLocks locks;

    /** With locks of its own: it waits for no apply. Prefer the constructor taking the apply's locks. */
    public DriftService(RouterGateway gateway, ApplyLedger ledger, ResourceKindSpecs specs, Clock clock) {
        this(gateway, ledger, specs, new RouterLocks(), clock);
    }

    /** @param locks the apply's locks ({@link ApplyConfirmMergeService#locks()}): a check waits for an apply in flight */
    public DriftService(RouterGateway gateway, ApplyLedger ledger, ResourceKindSpecs specs, RouterLocks locks, Clock clock) {
        this.locks = Objects.requireNonNull(locks, "locks");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.specs = Objects.requireNonNull(specs, "specs");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Checks and records drift of all deployed resources of the router; returns one report per resource. Holds
     * the router's lock, so it never compares against a half-done apply.
     */
    public List<DriftReport> check(Router router) {
        return locks.with(router.id(), () -> checkLocked(router));
    }

    private List<DriftReport> checkLocked(Router router) {
        var deployed = ledger.resources(router.id()).stream().filter(r -> r.deployment().isPresent()).toList();
        var rows = new HashMap<String, List<Map<String, String>>>();
        for (ManagedResource r : deployed) {
            String menu = specs.spec(r.kind()).menu();
            if (!rows.containsKey(menu)) {
                rows.put(menu, gateway.execute(router.endpoint(), RouterCommand.of(menu + "/print")).rows());
            }
        }
        var view = new RouterView(rows);
        // the attribute names of the router's RouterOS version; asked only when a deployed kind's names differ by version
        var specs = deployed.stream().anyMatch(r -> this.specs.versionDependent(r.kind()))
                ? this.specs.on(gateway.platform(router.endpoint())) : this.specs;
        var now = clock.instant();
        var reports = new ArrayList<DriftReport>();
        for (ManagedResource r : deployed) {
            var dep = r.deployment().get();
            var spec = specs.spec(r.kind());
            var row = view.byId(spec.menu(), dep.nativeId());
            if (row.isEmpty()) {
                reports.add(new DriftReport(r.id(), r.kind(), dep.nativeId(), true, List.of(), now));
                continue;
            }
            var actual = specs.confirmedFromRouter(r.kind(), row.get());
            var fields = new ArrayList<DriftReport.FieldDrift>();
            dep.confirmed().forEach((field, was) -> {
                String now2 = actual.get(field);
                if (!Values.same(was, now2)) fields.add(new DriftReport.FieldDrift(field, hide(r, field, was), hide(r, field, now2)));
            });
            actual.forEach((field, value) -> {
                if (!dep.confirmed().containsKey(field) && !value.isEmpty()) {
                    fields.add(new DriftReport.FieldDrift(field, null, hide(r, field, value)));
                }
            });
            dep.generated().forEach((attr, was) -> {
                String now2 = row.get().get(attr);
                if (!Values.same(was, now2)) fields.add(new DriftReport.FieldDrift(attr, was, now2));
            });
            reports.add(new DriftReport(r.id(), r.kind(), dep.nativeId(), false, fields, now));
        }
        if (!reports.isEmpty()) ledger.recordDrift(router.id(), reports);
        return reports;
    }

    private String hide(ManagedResource r, String field, String value) {
        boolean secret = specs.mapping().byDomainField(r.kind(), field).map(FieldBinding::secret).orElse(false);
        return secret && value != null ? "******" : value;
    }
}

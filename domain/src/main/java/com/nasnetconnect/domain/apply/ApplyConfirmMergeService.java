package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterSession;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * In-port: apply → confirm → merge. The whole apply runs on one {@link RouterSession} pinned to one router
 * connection, so the guard's safe mode covers every command; commands travel in pipelined batches. A plan is
 * validated ({@link ValidationPipeline}, one batched pre-flight read); invalid configuration never reaches the
 * router. Then the link-loss guard's arming, the plan's commands in dependency order and the read-back go in
 * one batch; if command k of n fails, every command that ran is undone in reverse order from the pre-state the
 * router reported,
 * the store is untouched, and the error names the failing command and the router's message. After the last
 * command the router is read back: the deployment layer gets what the router reports (including generated
 * fields), never what was sent, and a difference is a warning. The guard is confirmed, then every change's
 * event and row are committed in one transaction and published. Applies to one router run one at a time;
 * different routers never wait for each other.
 */
public final class ApplyConfirmMergeService {
    private final RouterGateway gateway;
    private final ApplyLedger ledger;
    private final ResourceKindSpecs specs;
    private final ValidationPipeline pipeline;
    private final LinkLossGuard guard;
    private final Clock clock;
    private final DriftService drift;
    private final RouterLocks locks;

    public ApplyConfirmMergeService(RouterGateway gateway, ApplyLedger ledger, ResourceKindSpecs specs,
                                    SchemaRules rules, LinkLossGuard guard, Clock clock) {
        this(gateway, ledger, specs, rules, guard, new RouterLocks(), clock);
    }

    /** @param locks the routers' locks, shared with the {@link DriftService} and {@link AdoptService} */
    public ApplyConfirmMergeService(RouterGateway gateway, ApplyLedger ledger, ResourceKindSpecs specs,
                                    SchemaRules rules, LinkLossGuard guard, RouterLocks locks, Clock clock) {
        this.locks = Objects.requireNonNull(locks, "locks");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.specs = Objects.requireNonNull(specs, "specs");
        this.pipeline = new ValidationPipeline(specs, rules, ledger, gateway, clock);
        this.guard = Objects.requireNonNull(guard, "guard");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.drift = new DriftService(gateway, ledger, specs, locks, clock);
    }

    /**
     * The routers' locks this service takes: build the {@link DriftService} and {@link AdoptService} with them,
     * so a drift check or an adopt waits for an apply of the same router in flight.
     */
    public RouterLocks locks() {
        return locks;
    }

    /** Validation and the dry-run plan only: reads the router, changes nothing anywhere. */
    public ValidatedPlan validate(Router router, ChangePlan plan) {
        return withLock(router, () -> pipeline.validate(router, plan));
    }

    /**
     * Applies the plan as one unit.
     *
     * @throws ApplyException.Invalid      validation errors (each naming field and value); router untouched
     * @throws ApplyException.Rejected     the router refused command k; commands 1..k−1 were undone
     * @throws ApplyException.NotConfirmed read-back, confirm or commit failed; the plan was undone
     * @throws ApplyException.GuardFailed  the link-loss guard could not be armed; nothing was applied
     */
    public ApplyResult apply(Router router, ChangePlan plan) {
        return withLock(router, () -> applyLocked(router, plan));
    }

    /**
     * Removes now what the router still keeps of plans already committed (their journal scripts), which the next
     * apply's pre-flight would remove otherwise: for a change meant to leave nothing behind on the router, such as
     * an uninstall. One round trip (the guard's pre-flight part), under the router's lock. Best effort: a router
     * that cannot be reached keeps the journal until the next pre-flight or reconcile, as after any apply.
     */
    public void tidy(Router router) {
        withLock(router, () -> {
            try (var session = gateway.session(router.endpoint())) {
                var batch = session.batch();
                guard.prepare(router, batch);
                batch.run();
            } catch (com.nasnetconnect.domain.router.RouterException e) {
                System.getLogger(ApplyConfirmMergeService.class.getName()).log(System.Logger.Level.INFO,
                        "journal scripts of router " + router.name() + " stay until the next apply: " + e.getMessage());
            }
            return null;
        });
    }

    /*
     * Router round trips of one apply, all on one pinned session: (1) the pre-flight batch (platform when stale,
     * the menus involved, the guard's reads, and the removal of journals of plans committed earlier); (2) the
     * guard's arming, every command of the plan and the read-back prints, pipelined; (3) once the read-back
     * matched, the guard's confirm. The guard is never confirmed in the plan's own batch: a command that cuts the
     * server's link does not stop the router from running the rest of a batch it already received, and the
     * router-side revert must survive that. After the store's commit the guard's finish only queues the journal's
     * removal for the next pre-flight batch (reconcile removes it after a restart). A failure adds the undo batch
     * (the guard re-armed at its head when it was confirmed already) and the guard's removal.
     */
    private ApplyResult applyLocked(Router router, ChangePlan plan) {
        try (var session = gateway.session(router.endpoint())) {
            ValidatedPlan v = pipeline.validate(router, plan, session, batch -> guard.prepare(router, batch));
            if (!v.canApply()) throw new ApplyException.Invalid(v);
            return applyValid(router, v, session);
        }
    }

    private ApplyResult applyValid(Router router, ValidatedPlan v, RouterSession session) {
        var steps = v.steps();
        var batch = session.batch();
        var armed = guard.arm(router, v, session, batch);
        var replies = new ArrayList<RouterSession.Pending<RouterReply>>();
        for (PlanStep step : steps) replies.add(batch.add(step.command()));
        var prints = new LinkedHashMap<String, RouterSession.Pending<RouterReply>>();
        if (!steps.isEmpty()) readBackMenus(v).forEach(menu -> prints.put(menu, batch.add(RouterCommand.of(menu + "/print"))));
        if (!batch.isEmpty()) batch.run();

        // Every command's outcome: a trap means it did nothing; a timeout or lost link leaves it unknown.
        var applied = new ArrayList<Applied>();
        int failedAt = -1;
        RouterException failure = null;
        boolean outcomesKnown = true;
        for (int k = 0; k < steps.size(); k++) {
            var f = replies.get(k).failure();
            if (f.isEmpty()) {
                applied.add(new Applied(steps.get(k), replies.get(k).get().ret()));
                continue;
            }
            if (!(f.get() instanceof RouterException.Trap)) outcomesKnown = false;
            if (failedAt < 0) {
                failedAt = k;
                failure = f.get();
            }
        }
        try {
            armed.check();
        } catch (ApplyException.GuardFailed e) {
            var undo = undo(v, session, applied, armed, outcomesKnown);
            throw new ApplyException.GuardFailed(e.getMessage() + "; " + undo.note(), undo.restored(), e.getCause());
        }
        if (failure != null) {
            // Undo what is known to have run, last first; with an unknown outcome the router-side revert stays armed.
            var undo = undo(v, session, applied, armed, outcomesKnown);
            String routerMessage = failure instanceof RouterException.Trap t ? t.routerMessage() : failure.getMessage();
            throw new ApplyException.Rejected(failedAt + 1, steps.size(), steps.get(failedAt).command().toString(),
                    routerMessage, undo.restored(), undo.note(), failure);
        }
        List<MergedChange> merged;
        try {
            merged = readBack(v, applied, prints);
            armed.confirm();
        } catch (RouterException | IllegalStateException e) {
            var undo = undo(v, session, applied, armed, true);
            throw new ApplyException.NotConfirmed("router did not confirm the plan: " + e.getMessage() + "; "
                    + undo.note(), undo.restored(), e);
        }
        try {
            ledger.commit(router.id(), merged);
        } catch (RuntimeException e) {
            var undo = undo(v, session, applied, armed, true);
            throw new ApplyException.NotConfirmed("storing the confirmed plan failed: " + e.getMessage() + "; "
                    + undo.note(), undo.restored(), e);
        }
        armed.finish();
        var warnings = new ArrayList<String>();
        v.warnings().forEach(w -> warnings.add(w.toString()));
        merged.forEach(m -> warnings.addAll(m.warnings()));
        return new ApplyResult(merged, v.dryRun(), warnings);
    }

    /**
     * Checks now, under the router's apply lock (so it never reads a half-applied plan), how every deployed
     * resource of the router differs from what the router reports, and records the result ({@link DriftService}).
     *
     * @throws RouterException the router could not be read; nothing was recorded
     */
    public List<DriftReport> checkDrift(Router router) {
        return withLock(router, () -> drift.check(router));
    }

    /**
     * After a reconnect or a restart: any revert script left by an apply that was never confirmed (link lost,
     * process killed) is run now and removed, so the router is back where the store says it is, instead of
     * waiting for its scheduler. Then drift is checked and recorded. The store is never rolled forward: an
     * unconfirmed plan was never committed.
     */
    public ReconcileReport reconcile(Router router) {
        return withLock(router, () -> {
            var reverted = new ArrayList<String>();
            var finished = new ArrayList<String>();
            var scripts = gateway.execute(router.endpoint(), RouterCommand.of("/system/script/print")).rows();
            Map<String, ManagedResource> stored = new HashMap<>();
            for (var row : scripts) {
                String name = row.getOrDefault("name", "");
                if (!name.startsWith(RevertScripts.PREFIX)) continue;
                // stop the scheduler first so it cannot run the script a second time concurrently
                RevertScriptGuard.removeLeftovers(gateway, router, name, "/system/scheduler");
                if (stored.isEmpty()) ledger.resources(router.id()).forEach(r -> stored.put(r.id(), r));
                if (RevertScripts.committed(row.getOrDefault("source", ""), stored)) {
                    finished.add(name); // the plan was committed after its confirm: the router keeps it
                } else {
                    gateway.execute(router.endpoint(), RouterCommand.of("/system/script/run").with(".id", row.get(".id")));
                    reverted.add(name);
                }
                RevertScriptGuard.removeLeftovers(gateway, router, name, "/system/script");
            }
            // a scheduler whose script is gone has nothing to run: remove it too
            for (var row : gateway.execute(router.endpoint(), RouterCommand.of("/system/scheduler/print")).rows()) {
                String name = row.getOrDefault("name", "");
                if (name.startsWith(RevertScripts.PREFIX)) RevertScriptGuard.removeLeftovers(gateway, router, name, "/system/scheduler");
            }
            return new ReconcileReport(reverted, finished, drift.check(router));
        });
    }

    private record Applied(PlanStep step, Optional<String> newId) { }

    private record Undo(boolean restored, String note) { }

    /**
     * Undoes applied steps, last first, in one pipelined batch on the apply's session. When the failed command's
     * outcome is unknown (or the link drops during the undo), the router-side protection stays armed.
     */
    private Undo undo(ValidatedPlan v, RouterSession session, List<Applied> applied, LinkLossGuard.Armed armed,
                      boolean lastOutcomeKnown) {
        if (lastOutcomeKnown && applied.isEmpty()) {
            armed.disarm();
            return new Undo(true, "nothing had been applied");
        }
        var inverses = new ArrayList<RouterCommand>();
        for (Applied a : applied.reversed()) inverses.add(UndoCommands.inverse(dialect(v), a.step(), a.newId()));
        var results = new ArrayList<RouterSession.Pending<RouterReply>>();
        if (!inverses.isEmpty()) {
            var batch = session.batch();
            armed.rearm(batch); // confirmed already when the store's commit failed
            inverses.forEach(c -> results.add(batch.add(c)));
            batch.run();
        }
        if (!lastOutcomeKnown) {
            return new Undo(false, "the failed command's outcome is unknown, so the router-side protection stays armed: "
                    + armed.describe() + "; reconcile the router when it answers again");
        }
        var failures = new ArrayList<String>();
        for (int i = 0; i < inverses.size(); i++) {
            var f = results.get(i).failure();
            if (f.isEmpty()) continue;
            if (!(f.get() instanceof RouterException.Trap t)) {
                return new Undo(false, "undo stopped, router unreachable (" + f.get().getMessage() + "); "
                        + armed.describe());
            }
            failures.add(inverses.get(i) + ": " + t.routerMessage());
        }
        if (!failures.isEmpty()) return new Undo(false, "undo failed for " + failures + "; " + armed.describe());
        armed.disarm();
        return new Undo(true, "the " + applied.size() + " command(s) applied before were undone in reverse order");
    }

    /** The specs with the attribute names of the plan's router (its RouterOS version, read in the pre-flight). */
    private ResourceKindSpecs dialect(ValidatedPlan v) {
        return v.platform().map(specs::on).orElse(specs);
    }

    /** The menus whose rows confirm the plan: every upserted or deleted resource's. */
    private java.util.Set<String> readBackMenus(ValidatedPlan v) {
        var menus = new LinkedHashSet<String>();
        v.upserts().forEach(u -> menus.add(specs.spec(u.kind()).menu()));
        v.deletes().forEach(d -> menus.add(specs.spec(d.kind()).menu()));
        return menus;
    }

    private List<MergedChange> readBack(ValidatedPlan v, List<Applied> applied,
                                        Map<String, RouterSession.Pending<RouterReply>> prints) {
        var nativeIds = new HashMap<String, String>();
        v.before().values().forEach(r -> r.nativeId().ifPresent(n -> nativeIds.put(r.id(), n)));
        for (Applied a : applied) {
            if (a.step().op() == PlanStep.Op.ADD) {
                nativeIds.put(a.step().resource().id(), a.newId().orElseThrow(() ->
                        new IllegalStateException("router returned no .id for " + a.step().command())));
            }
        }
        var rows = new HashMap<String, List<Map<String, String>>>();
        prints.forEach((menu, reply) -> rows.put(menu, reply.get().rows()));
        var view = new RouterView(rows);
        var now = clock.instant();
        var out = new ArrayList<MergedChange>();
        for (ManagedResource d : v.deletes()) {
            var warnings = new ArrayList<String>();
            d.nativeId().flatMap(n -> view.byId(specs.spec(d.kind()).menu(), n)).ifPresent(row ->
                    warnings.add(d.desired() + ": router still reports " + row.get(".id") + " after remove"));
            out.add(new MergedChange(MergedChange.Kind.DELETED, d.desired(), Optional.empty(),
                    v.reports().get(d.id()), warnings));
        }
        for (DesiredResource u : v.upserts()) {
            var spec = specs.spec(u.kind());
            String nativeId = nativeIds.get(u.id());
            var row = nativeId == null ? Optional.<Map<String, String>>empty() : view.byId(spec.menu(), nativeId);
            if (row.isEmpty()) {
                throw new IllegalStateException(u + " is not on the router after apply (.id " + nativeId + ")");
            }
            var confirmed = dialect(v).confirmedFromRouter(u.kind(), row.get());
            var generated = new LinkedHashMap<String, String>();
            spec.generated().stream().sorted().forEach(g -> { if (row.get().get(g) != null) generated.put(g, row.get().get(g)); });
            var warnings = new ArrayList<String>();
            u.configuration().forEach((field, sent) -> {
                String got = confirmed.get(field);
                boolean secret = specs.mapping().byDomainField(u.kind(), field).map(FieldBinding::secret).orElse(false);
                if (sent.isEmpty() || Values.same(secret ? ResourceKindSpecs.fingerprint(sent) : sent, got)) return;
                warnings.add(u + ": sent " + field + (secret ? " (value hidden)" : "='" + sent + "'")
                        + " but the router reports " + (got == null ? "nothing" : secret ? "another value" : "'" + got + "'"));
            });
            var kind = v.before().containsKey(u.id()) ? MergedChange.Kind.UPDATED : MergedChange.Kind.CREATED;
            out.add(new MergedChange(kind, u, Optional.of(new Confirmation(nativeId, confirmed, generated, now,
                    v.plan().appliedBy())), v.reports().get(u.id()), warnings));
        }
        return out;
    }

    private <T> T withLock(Router router, java.util.function.Supplier<T> work) {
        return locks.with(router.id(), work);
    }
}

package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterSession;
import java.util.Objects;

/**
 * Link-loss protection by RouterOS safe mode over the API ({@code /safe-mode/take}, RouterOS versions whose
 * API offers the {@code /safe-mode} menu, e.g. 7.23): the router undoes everything the holding session changed
 * the moment that session's connection drops. Confirming releases safe mode.
 *
 * <p>Safe mode belongs to one API session. The apply's {@link RouterSession} is pinned to one connection, so
 * the take, every command of the plan, the read-back and the release run on the session that holds it: safe
 * mode covers the whole plan, and a release on that session is certain to end it.
 */
public final class SafeModeGuard implements LinkLossGuard {
    private static final RouterCommand TAKE = RouterCommand.of("/safe-mode/take");
    private static final RouterCommand RELEASE = RouterCommand.of("/safe-mode/release");

    private final LinkLossGuard journal;

    /** Safe mode alone: a crash between the release and the store's commit leaves the change on the router. */
    public SafeModeGuard(RouterGateway gateway) {
        Objects.requireNonNull(gateway, "gateway");
        this.journal = NONE;
    }

    /**
     * Safe mode plus the plan's revert script kept (unscheduled) on the router until the store committed: a
     * crash between release and commit is then undone by {@code reconcile}. The script is added in the plan's
     * batch and removed with the router's next pre-flight batch.
     */
    public SafeModeGuard(RouterGateway gateway, ResourceKindSpecs specs) {
        Objects.requireNonNull(gateway, "gateway");
        this.journal = RevertScriptGuard.journalOnly(gateway, specs);
    }

    @Override
    public void prepare(Router router, RouterSession.Batch preflight) {
        journal.prepare(router, preflight);
    }

    @Override
    public Armed arm(Router router, ValidatedPlan plan, RouterSession session, RouterSession.Batch batch) {
        if (plan.steps().isEmpty()) return NONE.arm(router, plan, session, batch);
        var take = batch.add(TAKE);
        // inside safe mode: a dropped link unrolls the journal with the rest
        Armed script = journal.arm(router, plan, session, batch);
        return new Armed() {
            @Override
            public void check() {
                var failure = take.failure();
                if (failure.isPresent()) {
                    var e = failure.get();
                    throw new ApplyException.GuardFailed("could not take safe mode on router " + router.id() + ": "
                            + (e instanceof RouterException.Trap t ? t.routerMessage() : e.getMessage()), e);
                }
                script.check();
            }

            @Override
            public void confirm() {
                session.execute(RELEASE);
                script.confirm();
            }

            @Override
            public void rearm(RouterSession.Batch undo) {
                if (take.failure().isEmpty()) undo.add(TAKE); // taking it while holding it is harmless
                script.rearm(undo);
            }

            @Override
            public void finish() {
                script.finish();
            }

            @Override
            public void disarm() {
                if (take.failure().isEmpty()) {
                    try {
                        session.execute(RELEASE);
                    } catch (RouterException ignored) {
                        // the connection is gone: the router unrolled the session's (already undone) changes itself
                    }
                }
                script.disarm();
            }

            @Override
            public String describe() {
                return "RouterOS safe mode undoes the session's changes when its connection drops";
            }
        };
    }
}

package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import java.util.Objects;

/**
 * Link-loss protection by RouterOS safe mode over the API ({@code /safe-mode/take}, RouterOS versions whose
 * API offers the {@code /safe-mode} menu, e.g. 7.23): the router undoes everything the holding session changed
 * the moment that session's connection drops. Confirming releases safe mode.
 *
 * <p>Safe mode belongs to one API session, and {@link RouterGateway} pools connections: the plan's commands
 * are protected when they run on the session that took it, which the pool gives to a single caller running
 * commands one after another. Confirm checks that safe mode really was released (a second take must succeed)
 * and otherwise fails, so the service undoes the plan rather than leaving a hold that would unroll later.
 */
public final class SafeModeGuard implements LinkLossGuard {
    private static final int RELEASE_ATTEMPTS = 4;
    private final RouterGateway gateway;

    private final LinkLossGuard journal;

    /** Safe mode alone: a crash between the release and the store's commit leaves the change on the router. */
    public SafeModeGuard(RouterGateway gateway) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.journal = NONE;
    }

    /**
     * Safe mode plus the plan's revert script kept (unscheduled) on the router until the store committed: a
     * crash between release and commit is then undone by {@code reconcile}. Two more round trips per plan.
     */
    public SafeModeGuard(RouterGateway gateway, ResourceKindSpecs specs) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.journal = RevertScriptGuard.journalOnly(gateway, specs);
    }

    @Override
    public Armed arm(Router router, ValidatedPlan plan) {
        if (plan.steps().isEmpty()) return NONE.arm(router, plan);
        try {
            gateway.execute(router.endpoint(), RouterCommand.of("/safe-mode/take"));
        } catch (RouterException e) {
            throw new ApplyException.GuardFailed("could not take safe mode on router " + router.id() + ": "
                    + (e instanceof RouterException.Trap t ? t.routerMessage() : e.getMessage()), e);
        }
        Armed script;
        try {
            script = journal.arm(router, plan); // inside safe mode: a dropped link unrolls it with the rest
        } catch (RuntimeException e) {
            try {
                release(router);
            } catch (RouterException ignored) {
                // unreachable: the router unrolls the session itself
            }
            throw e;
        }
        return new Armed() {
            @Override
            public void confirm() {
                release(router);
                script.confirm();
            }

            @Override
            public void finish() {
                script.finish();
            }

            @Override
            public void disarm() {
                try {
                    release(router);
                } catch (RouterException ignored) {
                    // the connection is gone: the router unrolled the session's (already undone) changes itself
                }
                script.disarm();
            }

            @Override
            public String describe() {
                return "RouterOS safe mode undoes the session's changes when its connection drops";
            }
        };
    }

    private void release(Router router) {
        for (int attempt = 0; attempt < RELEASE_ATTEMPTS; attempt++) {
            gateway.execute(router.endpoint(), RouterCommand.of("/safe-mode/release"));
            try {
                // taking it again only succeeds when nobody holds it any more, i.e. the release landed
                gateway.execute(router.endpoint(), RouterCommand.of("/safe-mode/take"));
                gateway.execute(router.endpoint(), RouterCommand.of("/safe-mode/release"));
                return;
            } catch (RouterException.Trap stillHeld) {
                // another pooled session holds it: try again, the pool may hand us that one
            }
        }
        throw new RouterException.Protocol("safe mode is still held by another session of router " + router.id()
                + " after " + RELEASE_ATTEMPTS + " releases", "/safe-mode/release", null);
    }
}

package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterSession;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default link-loss protection: RouterOS safe mode (with the plan's revert script kept as a journal until
 * the store committed) where the router's API offers it, otherwise a scheduled revert script. Which one a router supports is learned on its first apply (one {@code /safe-mode/print}, in the pre-flight
 * batch) and remembered.
 */
public final class PreferSafeModeGuard implements LinkLossGuard {
    private final RouterGateway gateway;
    private final SafeModeGuard safeMode;
    private final RevertScriptGuard revertScript;
    private final Map<RouterId, Boolean> offersSafeMode = new ConcurrentHashMap<>();
    /** Probes added to a pre-flight batch by {@link #prepare}, read by the next {@link #arm}. */
    private final Map<RouterId, RouterSession.Pending<RouterReply>> probes = new ConcurrentHashMap<>();
    private static final RouterCommand PROBE = RouterCommand.of("/safe-mode/print");

    public PreferSafeModeGuard(RouterGateway gateway, ResourceKindSpecs specs, Duration revertDelay) {
        this(gateway, specs, revertDelay, java.time.Clock.systemUTC());
    }

    public PreferSafeModeGuard(RouterGateway gateway, ResourceKindSpecs specs, Duration revertDelay, java.time.Clock clock) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.safeMode = new SafeModeGuard(gateway, specs);
        this.revertScript = new RevertScriptGuard(gateway, specs, revertDelay, clock);
    }

    @Override
    public void prepare(Router router, RouterSession.Batch preflight) {
        Boolean known = offersSafeMode.get(router.id());
        if (known == null) probes.put(router.id(), preflight.add(PROBE));
        if (!Boolean.TRUE.equals(known)) revertScript.prepare(router, preflight);
        safeMode.prepare(router, preflight); // removes the journals of plans committed under safe mode
    }

    @Override
    public Armed arm(Router router, ValidatedPlan plan, RouterSession session, RouterSession.Batch batch) {
        var probe = probes.remove(router.id());
        if (plan.steps().isEmpty()) return NONE.arm(router, plan, session, batch);
        boolean safeModeOffered = offersSafeMode.computeIfAbsent(router.id(), id -> {
            var read = probe != null && probe.known() ? probe : run(session);
            var failure = read.failure();
            if (failure.isEmpty()) return true;
            if (failure.get() instanceof RouterException.Trap) return false; // no such menu
            throw new ApplyException.GuardFailed("could not learn whether router " + id + " offers safe mode: "
                    + failure.get().getMessage(), failure.get());
        });
        return safeModeOffered ? safeMode.arm(router, plan, session, batch) : revertScript.arm(router, plan, session, batch);
    }

    private static RouterSession.Pending<RouterReply> run(RouterSession session) {
        var p = new RouterSession.Pending<RouterReply>();
        try {
            p.succeed(session.execute(PROBE));
        } catch (RouterException e) {
            p.fail(e);
        }
        return p;
    }

    /** True when the router's API has the {@code /safe-mode} menu (asked once, then remembered). */
    public boolean offersSafeMode(Router router) {
        return offersSafeMode.computeIfAbsent(router.id(), id -> {
            try {
                gateway.execute(router.endpoint(), PROBE);
                return true;
            } catch (RouterException.Trap noSuchMenu) {
                return false;
            } catch (RouterException e) {
                throw new ApplyException.GuardFailed("could not learn whether router " + id + " offers safe mode: "
                        + e.getMessage(), e);
            }
        });
    }
}

package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default link-loss protection: RouterOS safe mode (with the plan's revert script kept as a journal until
 * the store committed) where the router's API offers it, otherwise a scheduled revert script. Which one a router supports is learned on its first apply (one {@code /safe-mode/print}) and
 * remembered.
 */
public final class PreferSafeModeGuard implements LinkLossGuard {
    private final RouterGateway gateway;
    private final SafeModeGuard safeMode;
    private final RevertScriptGuard revertScript;
    private final Map<RouterId, Boolean> offersSafeMode = new ConcurrentHashMap<>();

    public PreferSafeModeGuard(RouterGateway gateway, ResourceKindSpecs specs, Duration revertDelay) {
        this(gateway, specs, revertDelay, java.time.Clock.systemUTC());
    }

    public PreferSafeModeGuard(RouterGateway gateway, ResourceKindSpecs specs, Duration revertDelay, java.time.Clock clock) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.safeMode = new SafeModeGuard(gateway, specs);
        this.revertScript = new RevertScriptGuard(gateway, specs, revertDelay, clock);
    }

    @Override
    public Armed arm(Router router, ValidatedPlan plan) {
        if (plan.steps().isEmpty()) return NONE.arm(router, plan);
        return offersSafeMode(router) ? safeMode.arm(router, plan) : revertScript.arm(router, plan);
    }

    /** True when the router's API has the {@code /safe-mode} menu. */
    public boolean offersSafeMode(Router router) {
        return offersSafeMode.computeIfAbsent(router.id(), id -> {
            try {
                gateway.execute(router.endpoint(), RouterCommand.of("/safe-mode/print"));
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

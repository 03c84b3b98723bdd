package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Link-loss protection for routers without API safe mode: before the first command, installs a
 * {@code /system/script} holding the plan's undo ({@link RevertScripts}) and a {@code /system/scheduler} entry
 * that runs it after {@code delay}. Confirming removes both; if the server never confirms (link lost, process
 * killed), the router runs the script and reverts on its own. Leftovers are found by name prefix
 * ({@link RevertScripts#PREFIX}) when reconciling.
 */
public final class RevertScriptGuard implements LinkLossGuard {
    private final RouterGateway gateway;
    private final RevertScripts scripts;
    private final Duration delay;

    public RevertScriptGuard(RouterGateway gateway, ResourceKindSpecs specs, Duration delay) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.scripts = new RevertScripts(specs);
        this.delay = Objects.requireNonNull(delay, "delay");
        if (delay.toSeconds() < 1) throw new IllegalArgumentException("revert delay must be at least 1s: " + delay);
    }

    @Override
    public Armed arm(Router router, ValidatedPlan plan) {
        if (plan.steps().isEmpty()) return NONE.arm(router, plan);
        String name = RevertScripts.PREFIX + UUID.randomUUID();
        String source = scripts.source(name, plan.steps());
        var endpoint = router.endpoint();
        String scriptId;
        String schedulerId;
        try {
            scriptId = gateway.execute(endpoint, RouterCommand.of("/system/script/add").with("name", name)
                    .with("source", source).with("comment", "NasNetConnect: undoes an unconfirmed apply")).ret()
                    .orElseThrow(() -> new RouterException.Protocol("no .id returned for the revert script", null, null));
            schedulerId = gateway.execute(endpoint, RouterCommand.of("/system/scheduler/add").with("name", name)
                    .with("interval", delay.toSeconds() + "s").with("on-event", name)
                    .with("comment", "NasNetConnect: reverts an unconfirmed apply")).ret()
                    .orElseThrow(() -> new RouterException.Protocol("no .id returned for the revert scheduler", null, null));
        } catch (RouterException e) {
            removeLeftovers(gateway, router, name);
            // The script source may hold keys: report the router's words, never the command, and attach no
            // cause (a RouterException's message quotes its command).
            String why = e instanceof RouterException.Trap t ? t.routerMessage() : e.getClass().getSimpleName();
            throw new ApplyException.GuardFailed("could not install revert script " + name + " on router "
                    + router.id() + ": " + why, null);
        }
        return new Armed() {
            @Override
            public void confirm() {
                // The scheduler first: once it is gone, nothing can run the script any more.
                gateway.execute(endpoint, RouterCommand.of("/system/scheduler/remove").with(".id", schedulerId));
                gateway.execute(endpoint, RouterCommand.of("/system/script/remove").with(".id", scriptId));
            }

            @Override
            public void disarm() {
                try {
                    confirm();
                } catch (RouterException ignored) {
                    // unreachable or already gone: then the router runs the (idempotent) script itself
                }
            }

            @Override
            public String describe() {
                return "revert script " + name + " runs after " + delay.toSeconds() + "s unless confirmed";
            }
        };
    }

    /** Removes the scheduler and script named {@code name} (found by name), ignoring failures. */
    static void removeLeftovers(RouterGateway gateway, Router router, String name, String... menus) {
        if (menus.length == 0) menus = new String[] {"/system/scheduler", "/system/script"};
        for (String menu : menus) {
            try {
                for (var row : gateway.execute(router.endpoint(), RouterCommand.of(menu + "/print").where("?name=" + name)).rows()) {
                    gateway.execute(router.endpoint(), RouterCommand.of(menu + "/remove").with(".id", row.get(".id")));
                }
            } catch (RouterException ignored) {
                // best effort
            }
        }
    }
}

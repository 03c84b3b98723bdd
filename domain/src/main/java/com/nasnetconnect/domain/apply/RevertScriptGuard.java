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
 *
 * <p>Confirming happens in two steps so that a crash between them is never ambiguous: {@link Armed#confirm()}
 * removes only the scheduler (nothing can revert any more), the service commits the store, and
 * {@link Armed#finish()} removes the script. A script found without its scheduler therefore belongs to a plan
 * that was confirmed; its first line ({@link RevertScripts#header}) lets reconciling tell from the store whether
 * the commit happened (then the script is just removed) or not (then it is run: the router goes back).
 */
public final class RevertScriptGuard implements LinkLossGuard {
    private final RouterGateway gateway;
    private final RevertScripts scripts;
    private final Duration delay;
    private final boolean scheduled;

    public RevertScriptGuard(RouterGateway gateway, ResourceKindSpecs specs, Duration delay) {
        this(gateway, specs, delay, true);
    }

    private RevertScriptGuard(RouterGateway gateway, ResourceKindSpecs specs, Duration delay, boolean scheduled) {
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.scripts = new RevertScripts(specs);
        this.delay = Objects.requireNonNull(delay, "delay");
        this.scheduled = scheduled;
        if (delay.toSeconds() < 1) throw new IllegalArgumentException("revert delay must be at least 1s: " + delay);
    }

    /**
     * The script without a scheduler: a journal on the router that lets {@code reconcile} undo a plan whose
     * process died between the router's confirmation and the store's commit. Used next to safe mode.
     */
    static RevertScriptGuard journalOnly(RouterGateway gateway, ResourceKindSpecs specs) {
        return new RevertScriptGuard(gateway, specs, Duration.ofSeconds(1), false);
    }

    @Override
    public Armed arm(Router router, ValidatedPlan plan) {
        if (plan.steps().isEmpty()) return NONE.arm(router, plan);
        String name = RevertScripts.PREFIX + UUID.randomUUID();
        String source = RevertScripts.header(plan) + scripts.source(name, plan.steps());
        var endpoint = router.endpoint();
        String scriptId;
        String schedulerId;
        try {
            scriptId = gateway.execute(endpoint, RouterCommand.of("/system/script/add").with("name", name)
                    .with("source", source).with("comment", "NasNetConnect: undoes an unconfirmed apply")).ret()
                    .orElseThrow(() -> new RouterException.Protocol("no .id returned for the revert script", null, null));
            schedulerId = !scheduled ? null : gateway.execute(endpoint, RouterCommand.of("/system/scheduler/add").with("name", name)
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
                // Once the scheduler is gone, nothing runs the script any more; the script stays until finish().
                if (schedulerId != null) gateway.execute(endpoint, RouterCommand.of("/system/scheduler/remove").with(".id", schedulerId));
            }

            @Override
            public void finish() {
                quietly(RouterCommand.of("/system/script/remove").with(".id", scriptId));
            }

            @Override
            public void disarm() {
                // unreachable: then the router runs the (idempotent) script itself, or reconcile does
                if (schedulerId != null) quietly(RouterCommand.of("/system/scheduler/remove").with(".id", schedulerId));
                quietly(RouterCommand.of("/system/script/remove").with(".id", scriptId));
            }

            private void quietly(RouterCommand command) {
                try {
                    gateway.execute(endpoint, command);
                } catch (RouterException ignored) {
                    // already gone, or unreachable: reconcile removes leftovers
                }
            }

            @Override
            public String describe() {
                return scheduled ? "revert script " + name + " runs after " + delay.toSeconds() + "s unless confirmed"
                        : "revert script " + name + " is kept for reconcile";
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

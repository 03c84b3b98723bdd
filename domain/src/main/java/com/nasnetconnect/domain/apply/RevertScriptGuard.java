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
    private final java.time.Clock clock;
    /** Router clock minus server clock, per router, with when it was read; empty: the router has no clock menu. */
    private final java.util.Map<com.nasnetconnect.domain.router.RouterId, ClockOffset> offsets = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Duration OFFSET_TTL = Duration.ofMinutes(10);

    private record ClockOffset(java.util.Optional<Duration> offset, boolean isoDates, java.time.Instant readAt) { }

    public RevertScriptGuard(RouterGateway gateway, ResourceKindSpecs specs, Duration delay) {
        this(gateway, specs, delay, true, java.time.Clock.systemUTC());
    }

    /** @param clock the server's clock, used to keep the router's clock offset for scheduling */
    public RevertScriptGuard(RouterGateway gateway, ResourceKindSpecs specs, Duration delay, java.time.Clock clock) {
        this(gateway, specs, delay, true, clock);
    }

    private RevertScriptGuard(RouterGateway gateway, ResourceKindSpecs specs, Duration delay, boolean scheduled,
                              java.time.Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
        return new RevertScriptGuard(gateway, specs, Duration.ofSeconds(1), false, java.time.Clock.systemUTC());
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
            schedulerId = !scheduled ? null : gateway.execute(endpoint, schedule(router, RouterCommand.of("/system/scheduler/add")
                    .with("name", name).with("interval", delay.toSeconds() + "s").with("on-event", name)
                    .with("comment", "NasNetConnect: reverts an unconfirmed apply"))).ret()
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

    /**
     * Pins the first run to the router's own clock + delay ({@code start-date}/{@code start-time}), so it never
     * depends on what RouterOS assumes for an entry without a start time. A router without a readable
     * {@code /system/clock} gets the interval alone.
     */
    private RouterCommand schedule(Router router, RouterCommand add) {
        var now = clock.instant();
        var known = offsets.get(router.id());
        if (known == null || known.readAt().plus(OFFSET_TTL).isBefore(now) || known.readAt().isAfter(now)) {
            known = readOffset(router, now);
            offsets.put(router.id(), known);
        }
        if (known.offset().isEmpty()) return add;
        var at = java.time.LocalDateTime.ofInstant(now.plus(known.offset().get()).plus(delay), java.time.ZoneOffset.UTC);
        String date = known.isoDates() ? at.toLocalDate().toString()
                : at.format(java.time.format.DateTimeFormatter.ofPattern("MMM/dd/yyyy", java.util.Locale.ROOT)).toLowerCase(java.util.Locale.ROOT);
        return add.with("start-date", date)
                .with("start-time", at.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT)));
    }

    private ClockOffset readOffset(Router router, java.time.Instant serverNow) {
        try {
            var row = gateway.execute(router.endpoint(), RouterCommand.of("/system/clock/print")).first();
            if (row.isEmpty() || row.get().get("date") == null || row.get().get("time") == null) {
                return new ClockOffset(java.util.Optional.empty(), true, serverNow);
            }
            String date = row.get().get("date");
            boolean iso = date.contains("-");
            var day = iso ? java.time.LocalDate.parse(date)
                    : java.time.LocalDate.parse(Character.toUpperCase(date.charAt(0)) + date.substring(1),
                    java.time.format.DateTimeFormatter.ofPattern("MMM/dd/yyyy", java.util.Locale.ROOT));
            var routerNow = day.atTime(java.time.LocalTime.parse(row.get().get("time"))).toInstant(java.time.ZoneOffset.UTC);
            return new ClockOffset(java.util.Optional.of(Duration.between(serverNow, routerNow)), iso, serverNow);
        } catch (RouterException.Trap | java.time.format.DateTimeParseException noClock) {
            return new ClockOffset(java.util.Optional.empty(), true, serverNow);
        }
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

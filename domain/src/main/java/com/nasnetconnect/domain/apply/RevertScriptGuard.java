package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterSession;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Link-loss protection for routers without API safe mode: ahead of the plan's first command (in the same
 * pipelined batch), installs a
 * {@code /system/script} holding the plan's undo ({@link RevertScripts}) and a {@code /system/scheduler} entry
 * that runs it after {@code delay}. Confirming removes both; if the server never confirms (link lost, process
 * killed), the router runs the script and reverts on its own. Leftovers are found by name prefix
 * ({@link RevertScripts#PREFIX}) when reconciling.
 *
 * <p>Confirming happens in two steps so that a crash between them is never ambiguous: {@link Armed#confirm()}
 * removes only the scheduler (nothing can revert any more), the service commits the store, and
 * {@link Armed#finish()} has the script removed with the router's next pre-flight batch. A script found without its scheduler therefore belongs to a plan
 * that was confirmed; its first line ({@link RevertScripts#header}) lets reconciling tell from the store whether
 * the commit happened (then the script is just removed) or not (then it is run: the router goes back).
 */
public final class RevertScriptGuard implements LinkLossGuard {
    private final RevertScripts scripts;
    private final Duration delay;
    private final boolean scheduled;
    private final java.time.Clock clock;
    /** Router clock minus server clock, per router, with when it was read; empty: the router has no clock menu. */
    private final java.util.Map<com.nasnetconnect.domain.router.RouterId, ClockOffset> offsets = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Duration OFFSET_TTL = Duration.ofMinutes(10);
    private static final RouterCommand CLOCK_PRINT = RouterCommand.of("/system/clock/print");
    /** Clock reads added to a pre-flight batch by {@link #prepare}, used by the next {@link #arm}. */
    private final java.util.Map<com.nasnetconnect.domain.router.RouterId, RouterSession.Pending<RouterReply>> clockReads =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Journals of plans the store committed, per router, removed with that router's next pre-flight batch. */
    private final java.util.Map<com.nasnetconnect.domain.router.RouterId, java.util.Set<String>> committedJournals =
            new java.util.concurrent.ConcurrentHashMap<>();

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
        Objects.requireNonNull(gateway, "gateway"); // the apply's session carries the guard's commands
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
    public void prepare(Router router, RouterSession.Batch preflight) {
        if (scheduled && stale(router, clock.instant())) clockReads.put(router.id(), preflight.add(CLOCK_PRINT));
        // best effort: a journal whose removal is lost here is removed by reconcile (its plan was committed)
        var done = committedJournals.remove(router.id());
        if (done != null) done.forEach(id -> preflight.add(RouterCommand.of("/system/script/remove").with(".id", id)));
    }

    @Override
    public Armed arm(Router router, ValidatedPlan plan, RouterSession session, RouterSession.Batch batch) {
        if (plan.steps().isEmpty()) return NONE.arm(router, plan, session, batch);
        String name = RevertScripts.PREFIX + UUID.randomUUID();
        String source = RevertScripts.header(plan) + scripts.on(plan.platform()).source(name, plan.steps());
        var script = batch.add(RouterCommand.of("/system/script/add").with("name", name)
                .with("source", source).with("comment", "NasNetConnect: undoes an unconfirmed apply"));
        var scheduler = !scheduled ? null : batch.add(schedule(router, session, scheduleCommand(name)));
        return new Armed() {
            private boolean confirmed;

            @Override
            public void check() {
                for (var added : scheduler == null ? List.of(script) : List.of(script, scheduler)) {
                    var failure = added.failure();
                    if (failure.isPresent()) {
                        // The script source may hold keys: report the router's words, never the command, and attach
                        // no cause (a RouterException's message quotes its command).
                        var e = failure.get();
                        String why = e instanceof RouterException.Trap t ? t.routerMessage() : e.getClass().getSimpleName();
                        throw new ApplyException.GuardFailed("could not install revert script " + name + " on router "
                                + router.id() + ": " + why, null);
                    }
                    if (added.get().ret().isEmpty()) {
                        throw new ApplyException.GuardFailed("could not install revert script " + name + " on router "
                                + router.id() + ": no .id returned", null);
                    }
                }
            }

            @Override
            public void confirm() {
                // once the scheduler is gone nothing runs the script any more; the script stays until finish()
                if (scheduler == null) return;
                session.execute(RouterCommand.of("/system/scheduler/remove").with(".id", idOf(scheduler)));
                confirmed = true;
            }

            @Override
            public void rearm(RouterSession.Batch undo) {
                // confirmed, yet to be undone (the store's commit failed): the script is still there, schedule it again
                if (confirmed) undo.add(schedule(router, session, scheduleCommand(name)));
            }

            @Override
            public void finish() {
                if (added(script)) committedJournals.computeIfAbsent(router.id(), id -> java.util.concurrent.ConcurrentHashMap.newKeySet())
                        .add(idOf(script));
            }

            @Override
            public void disarm() {
                // unreachable: then the router runs the (idempotent) script itself, or reconcile does
                var removals = new ArrayList<RouterCommand>();
                if (scheduler != null) removals.add(RouterCommand.of("/system/scheduler/remove").with("numbers", name));
                if (added(script)) removals.add(RouterCommand.of("/system/script/remove").with(".id", idOf(script)));
                quietly(session, removals);
            }

            @Override
            public String describe() {
                return scheduled ? "revert script " + name + " runs after " + delay.toSeconds() + "s unless confirmed"
                        : "revert script " + name + " is kept for reconcile";
            }
        };
    }

    private RouterCommand scheduleCommand(String name) {
        return RouterCommand.of("/system/scheduler/add").with("name", name).with("interval", delay.toSeconds() + "s")
                .with("on-event", name).with("comment", "NasNetConnect: reverts an unconfirmed apply");
    }

    private static boolean added(RouterSession.Pending<RouterReply> add) {
        return add.failure().isEmpty() && add.get().ret().isPresent();
    }

    private static String idOf(RouterSession.Pending<RouterReply> add) {
        return add.get().ret().orElseThrow();
    }

    /** Sends the commands in one batch, ignoring their failures (already gone, or unreachable: reconcile cleans up). */
    private static void quietly(RouterSession session, List<RouterCommand> commands) {
        if (commands.isEmpty()) return;
        try {
            var batch = session.batch();
            commands.forEach(batch::add);
            batch.run();
        } catch (RouterException ignored) {
            // best effort
        }
    }

    /**
     * Pins the first run to the router's own clock + delay ({@code start-date}/{@code start-time}), so it never
     * depends on what RouterOS assumes for an entry without a start time. A router without a readable
     * {@code /system/clock} gets the interval alone.
     */
    private RouterCommand schedule(Router router, RouterSession session, RouterCommand add) {
        var now = clock.instant();
        var read = clockReads.remove(router.id());
        if (read != null && read.known()) {
            offsets.put(router.id(), offsetOf(read, now));
        } else if (stale(router, now)) {
            var fallback = new RouterSession.Pending<RouterReply>(); // prepare() was not asked: read it now
            try {
                fallback.succeed(session.execute(CLOCK_PRINT));
            } catch (RouterException e) {
                fallback.fail(e);
            }
            offsets.put(router.id(), offsetOf(fallback, now));
        }
        var known = offsets.get(router.id());
        if (known.offset().isEmpty()) return add;
        var at = java.time.LocalDateTime.ofInstant(now.plus(known.offset().get()).plus(delay), java.time.ZoneOffset.UTC);
        String date = known.isoDates() ? at.toLocalDate().toString()
                : at.format(java.time.format.DateTimeFormatter.ofPattern("MMM/dd/yyyy", java.util.Locale.ROOT)).toLowerCase(java.util.Locale.ROOT);
        return add.with("start-date", date)
                .with("start-time", at.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss", java.util.Locale.ROOT)));
    }

    private boolean stale(Router router, java.time.Instant now) {
        var known = offsets.get(router.id());
        return known == null || known.readAt().plus(OFFSET_TTL).isBefore(now) || known.readAt().isAfter(now);
    }

    /** The router's clock offset from its {@code /system/clock/print}; a router without a clock menu has none. */
    private static ClockOffset offsetOf(RouterSession.Pending<RouterReply> read, java.time.Instant serverNow) {
        try {
            var row = read.get().first();
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
        } catch (RouterException e) {
            throw new ApplyException.GuardFailed("could not read the clock of the router: " + e.getMessage(), e);
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

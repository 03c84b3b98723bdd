package com.nasnetconnect.routeros.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs /system/scheduler entries. The router clock is the state's clock in UTC. An entry runs its on-event
 * (the name of a /system/script, or script source) in the script engine:
 * <ul>
 *   <li>start-time=startup: 3 s after the simulator started, for entries present at start (loaded from the state
 *       file), then every interval;</li>
 *   <li>start-time=HH:MM:SS (with optional start-date yyyy-mm-dd or mmm/dd/yyyy): at that time — the next
 *       occurrence when no date is given — then every interval;</li>
 *   <li>an entry added at run time with start-time=startup and an interval: first after one interval.</li>
 * </ul>
 * Each run increments run-count; next-run is printed as a live property.
 */
final class Scheduler {

    private static final long STARTUP_DELAY = 3000;
    private static final DateTimeFormatter OLD_DATE = DateTimeFormatter.ofPattern("MMM/dd/yyyy", Locale.ROOT);
    private static final DateTimeFormatter NEXT_RUN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final RouterState state;
    private final ScriptEngine engine;
    private final Map<String, Plan> plans = new HashMap<>();
    private final java.util.Set<String> presentAtStartup = new java.util.HashSet<>();
    private ScheduledFuture<?> tick;

    private record Plan(String signature, long next) {
    }

    Scheduler(RouterState state, ScriptEngine engine) {
        this.state = state;
        this.engine = engine;
    }

    void start(ScheduledExecutorService timers) {
        synchronized (state) {
            for (Item e : state.table("/system/scheduler").items) {
                presentAtStartup.add(e.id);
            }
        }
        tick = timers.scheduleWithFixedDelay(this::tick, 100, 100, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (tick != null) {
            tick.cancel(false);
        }
    }

    /** The next run of an entry in epoch millis, or -1 when it will not run. */
    synchronized long nextRun(String id) {
        Plan p = plans.get(id);
        return p == null ? -1 : p.next();
    }

    String nextRunText(String id) {
        long n = nextRun(id);
        return n < 0 ? "" : NEXT_RUN.format(Instant.ofEpochMilli(n));
    }

    private void tick() {
        try {
            long now = state.clock.millis();
            List<Item> entries;
            synchronized (state) {
                entries = state.table("/system/scheduler").items.stream().map(Item::copy).toList();
            }
            synchronized (this) {
                plans.keySet().retainAll(entries.stream().map(i -> i.id).toList());
            }
            for (Item e : entries) {
                String sig = e.get("start-time") + "|" + e.get("start-date") + "|" + e.get("interval") + "|"
                        + e.get("disabled");
                Plan plan;
                synchronized (this) {
                    plan = plans.get(e.id);
                    if (plan == null || !plan.signature().equals(sig)) {
                        plan = new Plan(sig, first(e, now));
                        plans.put(e.id, plan);
                    }
                }
                if (plan.next() < 0 || plan.next() > now || "true".equals(e.get("disabled"))) {
                    continue;
                }
                long interval = safeInterval(e);
                synchronized (this) {
                    plans.put(e.id, new Plan(sig, interval > 0 ? Math.max(plan.next() + interval, now + 1) : -1));
                }
                run(e);
            }
        } catch (RuntimeException ex) {
            state.log("system,error", "scheduler: " + ex.getMessage());
        }
    }

    private long safeInterval(Item e) {
        try {
            return Durations.parseMillis(e.get("interval"), "interval");
        } catch (ApiTrap t) {
            return 0;
        }
    }

    private long first(Item e, long now) {
        if ("true".equals(e.get("disabled"))) {
            return -1;
        }
        long interval = safeInterval(e);
        String start = e.props.getOrDefault("start-time", "startup");
        if (start.equals("startup") || start.isEmpty()) {
            // entries that existed when the router started run 3 s after boot; one added later waits an interval
            long startup = state.startMillis + STARTUP_DELAY;
            if (presentAtStartup.contains(e.id) && now <= startup) {
                return startup;
            }
            return interval > 0 ? now + interval : -1;
        }
        LocalTime time;
        try {
            time = LocalTime.parse(start);
        } catch (RuntimeException ex) {
            return -1;
        }
        String dateText = e.get("start-date");
        ZonedDateTime nowZ = Instant.ofEpochMilli(now).atZone(ZoneOffset.UTC);
        ZonedDateTime at;
        if (dateText == null || dateText.isEmpty()) {
            at = nowZ.with(time);
            if (at.toInstant().toEpochMilli() < now - 1000) {
                at = at.plusDays(1);
            }
        } else {
            LocalDate date;
            try {
                date = dateText.contains("/") ? LocalDate.parse(capitalize(dateText), OLD_DATE) : LocalDate.parse(dateText);
            } catch (RuntimeException ex) {
                return -1;
            }
            at = date.atTime(time).atZone(ZoneOffset.UTC);
        }
        long t = at.toInstant().toEpochMilli();
        if (t < now - 1000 && interval > 0) {
            long missed = (now - t) / interval + 1;
            t += missed * interval;
        }
        return t < now - 1000 ? -1 : t;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private void run(Item e) {
        String onEvent = e.props.getOrDefault("on-event", "");
        String source = onEvent;
        String name = e.get("name");
        synchronized (state) {
            Item current = state.table("/system/scheduler").find(e.id);
            if (current == null) {
                return;
            }
            Item updated = current.copy();
            int count = Integer.parseInt(current.props.getOrDefault("run-count", "0")) + 1;
            updated.props.put("run-count", Integer.toString(count));
            state.replace("/system/scheduler", updated, null);
            Item script = InterfaceHooks.byName(state, "/system/script", onEvent.trim());
            if (script != null) {
                source = script.props.getOrDefault("source", "");
                name = script.get("name");
                Item s2 = script.copy();
                s2.props.put("run-count",
                        Integer.toString(Integer.parseInt(script.props.getOrDefault("run-count", "0")) + 1));
                state.replace("/system/script", s2, null);
            }
        }
        String src = source;
        String n = name;
        Thread.ofVirtual().name("sim-scheduled-script").start(() -> engine.runLogged(src, n));
    }
}

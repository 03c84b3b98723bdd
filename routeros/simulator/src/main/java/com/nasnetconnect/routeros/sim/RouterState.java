package com.nasnetconnect.routeros.sim;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The router's configuration and live state. Every read and write happens while holding this object's monitor,
 * so commands from concurrent sessions see a consistent router. Writes go through {@link #insert},
 * {@link #replace} and {@link #delete}, which notify the print-follow / listen streams, journal the change for
 * safe mode when the writing session holds it, and mark the state dirty for persistence.
 */
final class RouterState {

    /** A change of one item; {@code after} is null when the item was removed. */
    record Change(String table, String id, Item after) {
    }

    final RosVersion version;
    final CommandTree tree;
    final Clock clock;
    final long startMillis;
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, MenuSpec> specs = new LinkedHashMap<>();
    private final List<Consumer<Change>> listeners = new CopyOnWriteArrayList<>();
    private final Deque<Runnable> safeModeUndo = new ArrayDeque<>();
    private Object safeModeHolder;
    private volatile Runnable onChange = () -> { };
    private volatile java.util.concurrent.ScheduledExecutorService timers;
    private volatile ContainerRuntime containers;
    private volatile java.util.Set<String> packages = java.util.Set.of("routeros", "container");
    private volatile java.util.function.Function<String, String> nextRun = id -> "";

    RouterState(RosVersion version, CommandTree tree, Clock clock) {
        this.version = version;
        this.tree = tree;
        this.clock = clock;
        this.startMillis = clock.millis();
    }

    // ---- specs and tables ----

    synchronized void register(MenuSpec spec) {
        specs.put(spec.path(), spec);
        tables.computeIfAbsent(spec.table(), Table::new);
    }

    synchronized MenuSpec spec(String menu) {
        return specs.get(menu);
    }

    synchronized Collection<MenuSpec> specs() {
        return List.copyOf(specs.values());
    }

    synchronized Table table(String path) {
        return tables.get(path);
    }

    synchronized Collection<Table> tables() {
        return List.copyOf(tables.values());
    }

    java.util.concurrent.ScheduledExecutorService timers() {
        return timers;
    }

    void timers(java.util.concurrent.ScheduledExecutorService t) {
        this.timers = t;
    }

    /** The scheduler's next run of a /system/scheduler entry, as printed ("" when it will not run). */
    String nextRun(String id) {
        return nextRun.apply(id);
    }

    void nextRun(java.util.function.Function<String, String> f) {
        this.nextRun = f;
    }

    /** The container runtime (image pulls, start and stop). */
    ContainerRuntime containers() {
        return containers;
    }

    void containers(ContainerRuntime runtime) {
        this.containers = runtime;
    }

    /** The installed packages, e.g. routeros and container. */
    java.util.Set<String> packages() {
        return packages;
    }

    void packages(java.util.Set<String> installed) {
        this.packages = java.util.Set.copyOf(installed);
    }

    void onChange(Runnable callback) {
        this.onChange = callback;
    }

    // ---- listeners ----

    void addListener(Consumer<Change> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<Change> listener) {
        listeners.remove(listener);
    }

    private void fire(String table, String id, Item after) {
        Change change = new Change(table, id, after == null ? null : after.copy());
        for (Consumer<Change> l : listeners) {
            l.accept(change);
        }
    }

    // ---- mutations ----

    synchronized Item insert(String tablePath, Map<String, String> props, Object actor, int position) {
        Table t = tables.get(tablePath);
        Item item = new Item(t.allocateId(), props);
        if (position < 0 || position > t.items.size()) {
            t.items.add(item);
        } else {
            t.items.add(position, item);
        }
        journal(actor, () -> removeSilently(t, item.id));
        fire(tablePath, item.id, item);
        onChange.run();
        return item;
    }

    synchronized void replace(String tablePath, Item updated, Object actor) {
        Table t = tables.get(tablePath);
        int i = t.indexOf(updated.id);
        if (i < 0) {
            throw ApiTrap.noSuchItem();
        }
        Item before = t.items.get(i);
        t.items.set(i, updated);
        journal(actor, () -> {
            int j = t.indexOf(before.id);
            if (j >= 0) {
                t.items.set(j, before);
                fire(tablePath, before.id, before);
            }
        });
        fire(tablePath, updated.id, updated);
        onChange.run();
    }

    synchronized void delete(String tablePath, String id, Object actor) {
        Table t = tables.get(tablePath);
        int i = t.indexOf(id);
        if (i < 0) {
            throw ApiTrap.noSuchItem();
        }
        Item before = t.items.remove(i);
        journal(actor, () -> {
            t.items.add(Math.min(i, t.items.size()), before);
            fire(tablePath, before.id, before);
        });
        fire(tablePath, id, null);
        onChange.run();
    }

    /** Replaces the order of a table's items (move); journaled like any other change. */
    synchronized void reorder(String tablePath, List<Item> order, Object actor) {
        Table t = tables.get(tablePath);
        List<Item> before = List.copyOf(t.items);
        t.items.clear();
        t.items.addAll(order);
        journal(actor, () -> {
            t.items.clear();
            t.items.addAll(before);
        });
        for (Item item : order) {
            fire(tablePath, item.id, item);
        }
        onChange.run();
    }

    /** Adds a stored item with a fixed id (loading presets and persisted state); bumps the id counter. */
    synchronized void restore(String tablePath, String id, Map<String, String> props) {
        Table t = tables.computeIfAbsent(tablePath, Table::new);
        t.items.add(new Item(id, props));
        long n = Long.parseLong(id.substring(1), 16);
        if (n >= t.nextId) {
            t.nextId = n + 1;
        }
    }

    private void removeSilently(Table t, String id) {
        int i = t.indexOf(id);
        if (i >= 0) {
            t.items.remove(i);
            fire(t.path, id, null);
        }
    }

    // ---- safe mode ----

    private void journal(Object actor, Runnable undo) {
        if (actor != null && actor == safeModeHolder) {
            safeModeUndo.push(undo);
        }
    }

    synchronized Object safeModeHolder() {
        return safeModeHolder;
    }

    synchronized void takeSafeMode(Object actor) {
        if (safeModeHolder != null && safeModeHolder != actor) {
            throw ApiTrap.failure("safe mode is already taken by another session");
        }
        if (safeModeHolder == null) {
            safeModeHolder = actor;
            safeModeUndo.clear();
        }
    }

    synchronized void releaseSafeMode(Object actor) {
        if (safeModeHolder == actor) {
            safeModeHolder = null;
            safeModeUndo.clear();
        }
    }

    /** Undoes every change the holder made since it took safe mode, newest first, and releases safe mode. */
    synchronized int unrollSafeMode(Object actor) {
        if (safeModeHolder != actor) {
            return 0;
        }
        int n = safeModeUndo.size();
        safeModeHolder = null;
        while (!safeModeUndo.isEmpty()) {
            safeModeUndo.pop().run();
        }
        if (n > 0) {
            log("system,info", "safe mode changes undone (" + n + " changes)");
            onChange.run();
        }
        return n;
    }

    // ---- log ----

    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    synchronized void log(String topics, String message) {
        Table t = tables.get("/log");
        if (t == null) {
            return;
        }
        Map<String, String> props = new LinkedHashMap<>();
        props.put("time", LOG_TIME.format(Instant.ofEpochMilli(clock.millis())));
        props.put("topics", topics);
        props.put("message", message);
        Item item = new Item(t.allocateId(), props);
        t.items.add(item);
        while (t.items.size() > 1000) {
            t.items.removeFirst();
        }
        fire("/log", item.id, item);
    }

    long uptimeMillis() {
        return clock.millis() - startMillis;
    }
}

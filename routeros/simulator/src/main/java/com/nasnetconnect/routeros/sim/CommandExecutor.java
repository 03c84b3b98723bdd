package com.nasnetconnect.routeros.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Executes API commands against the {@link RouterState}: the generic menu verbs (print, getall, listen, get, find,
 * add, set, remove, enable, disable, comment, move, unset) and the special commands (script run, container
 * start/stop, log, export, safe-mode). The command must already be resolved against the command tree.
 */
final class CommandExecutor {

    /** A running command (print follow, listen, print interval); cancel ends it without a reply. */
    interface Stream {
        void cancel();
    }

    /** Runs a script source; supplied by the simulator so /system/script/run can use the script engine. */
    interface ScriptRunner {
        void run(String source, String name);
    }

    private final RouterState state;
    private volatile ScriptRunner scripts = (source, name) -> { };

    CommandExecutor(RouterState state) {
        this.state = state;
    }

    void scripts(ScriptRunner runner) {
        this.scripts = runner;
    }

    RouterState state() {
        return state;
    }

    /**
     * Executes one command. Replies go to {@code out}; a completed command has sent !done (or traps, which the
     * caller follows with !done). Returns a stream when the command keeps running, else null.
     */
    Stream execute(ApiRequest req, CommandTree.Command cmd, Object actor, ReplySink out) {
        for (String arg : req.attributes().keySet()) {
            if (!cmd.accepts(arg)) {
                throw ApiTrap.unknownParameter(arg);
            }
        }
        String menu = cmd.menu();
        String verb = cmd.verb();
        Stream special = special(req, menu, verb, actor, out);
        if (special != NOT_SPECIAL) {
            return special;
        }
        MenuSpec spec = state.spec(menu);
        if (spec == null) {
            if (verb.equals("print") || verb.equals("getall")) {
                emptyPrint(req, out);
                return null;
            }
            if (verb.equals("listen")) {
                return () -> { };
            }
            throw new ApiTrap(4, "the simulator does not model " + (menu.equals("/") ? "" : menu) + "/" + verb);
        }
        switch (verb) {
            case "print", "getall" -> {
                return print(req, spec, out);
            }
            case "listen" -> {
                return follow(req, spec, QueryEngine.compile(req.queries()), out);
            }
            case "get" -> get(req, spec, out);
            case "find" -> find(req, spec, out);
            case "add" -> add(req, spec, actor, out);
            case "set", "edit" -> set(req, spec, actor, out);
            case "remove" -> remove(req, spec, actor, out);
            case "enable" -> setProp(req, spec, actor, "disabled", "false", out);
            case "disable" -> setProp(req, spec, actor, "disabled", "true", out);
            case "comment" -> setProp(req, spec, actor, "comment", req.attributes().getOrDefault("comment", ""), out);
            case "unset" -> unset(req, spec, actor, out);
            case "move" -> move(req, spec, actor, out);
            default -> out.done(Map.of());
        }
        return null;
    }

    private static final Stream NOT_SPECIAL = () -> { };

    // ---- special commands ----

    private Stream special(ApiRequest req, String menu, String verb, Object actor, ReplySink out) {
        switch ((menu.equals("/") ? "" : menu) + "/" + verb) {
            case "/system/script/run" -> {
                Item script = single(req, state.spec("/system/script"));
                Item updated = script.copy();
                int count = Integer.parseInt(script.props.getOrDefault("run-count", "0")) + 1;
                updated.props.put("run-count", Integer.toString(count));
                state.replace("/system/script", updated, null);
                String source = script.props.getOrDefault("source", "");
                if (!out.async()) {
                    scripts.run(source, script.get("name"));
                    out.done(Map.of());
                    return null;
                }
                // the reply comes when the script ends; other commands on the connection go on meanwhile
                java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
                Thread runner = Thread.ofVirtual().name("sim-script-run").start(() -> {
                    scripts.run(source, script.get("name"));
                    if (!cancelled.get()) {
                        // unregister before the reply, so a /cancel sent after the !done finds nothing to cancel
                        out.finished();
                        out.done(Map.of());
                    }
                });
                return () -> {
                    cancelled.set(true);
                    runner.interrupt();
                };
            }
            case "/container/start", "/container/stop" -> {
                MenuSpec spec = state.spec("/container");
                synchronized (state) {
                    for (Item c : select(req, spec, true)) {
                        if (verb.equals("start")) {
                            state.containers().start(c, actor);
                        } else {
                            state.containers().stop(c, actor);
                        }
                    }
                }
                out.done(Map.of());
                return null;
            }
            case "/log/info", "/log/warning", "/log/error", "/log/debug" -> {
                state.log("script," + verb, req.attributes().getOrDefault("message", ""));
                out.done(Map.of());
                return null;
            }
            case "/export" -> {
                out.done(Map.of("ret", Export.render(state, req.flag("show-sensitive"))));
                return null;
            }
            case "/safe-mode/take" -> {
                state.takeSafeMode(actor);
                out.done(Map.of());
                return null;
            }
            case "/safe-mode/release" -> {
                state.releaseSafeMode(actor);
                out.done(Map.of());
                return null;
            }
            case "/safe-mode/unroll" -> {
                state.unrollSafeMode(actor);
                out.done(Map.of());
                return null;
            }
            case "/safe-mode/toggle" -> {
                if (state.safeModeHolder() == actor) {
                    state.releaseSafeMode(actor);
                } else {
                    state.takeSafeMode(actor);
                }
                out.done(Map.of());
                return null;
            }
            default -> {
                return NOT_SPECIAL;
            }
        }
    }

    // ---- print ----

    /** The item as this menu prints it: stored properties (filtered) plus live ones, .id first. */
    Map<String, String> view(MenuSpec spec, Item item) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!spec.singleton()) {
            out.put(".id", item.id);
        }
        for (Map.Entry<String, String> e : item.props.entrySet()) {
            if (spec.hidden().contains(e.getKey())) {
                continue;
            }
            if (spec.only() != null && !spec.only().contains(e.getKey())) {
                continue;
            }
            out.put(e.getKey(), e.getValue());
        }
        spec.hooks().live(state, item, out);
        return out;
    }

    List<Map<String, String>> rows(MenuSpec spec) {
        synchronized (state) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (Item item : state.table(spec.table()).items) {
                if (spec.stores(item)) {
                    rows.add(view(spec, item));
                }
            }
            for (Item item : spec.hooks().dynamicItems(state)) {
                rows.add(view(spec, item));
            }
            return rows;
        }
    }

    private static Map<String, String> project(Map<String, String> row, List<String> proplist) {
        if (proplist == null) {
            return row;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String p : proplist) {
            if (row.containsKey(p)) {
                out.put(p, row.get(p));
            }
        }
        return out;
    }

    private void emptyPrint(ApiRequest req, ReplySink out) {
        if (req.flag("count-only")) {
            out.done(Map.of("ret", "0"));
            return;
        }
        if (state.version.sendsEmpty()) {
            out.empty();
        }
        out.done(Map.of());
    }

    private Stream print(ApiRequest req, MenuSpec spec, ReplySink out) {
        Predicate<Map<String, String>> query = QueryEngine.compile(req.queries());
        boolean follow = req.flag("follow");
        boolean followOnly = req.flag("follow-only");
        String interval = req.attr("interval");
        List<String> from = req.attr("from") == null ? null : List.of(req.attr("from").split(","));
        if (followOnly) {
            return follow(req, spec, query, out);
        }
        List<Map<String, String>> rows = new ArrayList<>();
        synchronized (state) {
            for (Map<String, String> row : rows(spec)) {
                if (from != null && !from.contains(row.get(".id")) && !from.contains(row.get("name"))) {
                    continue;
                }
                if (query.test(row)) {
                    rows.add(row);
                }
            }
            if (follow) {
                for (Map<String, String> row : rows) {
                    out.re(project(row, req.proplist()));
                }
                return follow(req, spec, query, out);
            }
        }
        if (req.flag("count-only")) {
            out.done(Map.of("ret", Integer.toString(rows.size())));
            return null;
        }
        for (Map<String, String> row : rows) {
            out.re(project(row, req.proplist()));
        }
        if (interval != null && !interval.isEmpty()) {
            long ms = Math.max(100, Durations.parseMillis(interval, "interval"));
            Thread t = Thread.ofVirtual().name("sim-print-interval").start(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        Thread.sleep(ms);
                        for (Map<String, String> row : rows(spec)) {
                            if (query.test(row)) {
                                out.re(project(row, req.proplist()));
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    // the connection went away: the stream ends
                }
            });
            return t::interrupt;
        }
        if (rows.isEmpty() && state.version.sendsEmpty()) {
            out.empty();
        }
        out.done(Map.of());
        return null;
    }

    /**
     * Streams changes of the menu. The state listener only enqueues (it runs under the state lock); a virtual
     * thread per stream writes, so a client that stops reading cannot stall the router for other sessions.
     */
    private Stream follow(ApiRequest req, MenuSpec spec, Predicate<Map<String, String>> query, ReplySink out) {
        java.util.concurrent.BlockingQueue<Map<String, String>> queue = new java.util.concurrent.LinkedBlockingQueue<>();
        Consumer<RouterState.Change> listener = change -> {
            if (!change.table().equals(spec.table())) {
                return;
            }
            try {
                if (change.after() == null || !spec.stores(change.after())) {
                    Map<String, String> dead = new LinkedHashMap<>();
                    dead.put(".id", change.id());
                    dead.put(".dead", "true");
                    queue.add(dead);
                    return;
                }
                Map<String, String> row = view(spec, change.after());
                if (query.test(row)) {
                    queue.add(project(row, req.proplist()));
                }
            } catch (RuntimeException e) {
                // a bad query or view must not break the writer of the change
            }
        };
        Thread writer = Thread.ofVirtual().name("sim-follow").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    out.re(queue.take());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // the connection went away
            }
        });
        state.addListener(listener);
        return () -> {
            state.removeListener(listener);
            writer.interrupt();
        };
    }

    // ---- get / find ----

    private void get(ApiRequest req, MenuSpec spec, ReplySink out) {
        String name = req.attr("value-name");
        if (name == null) {
            throw ApiTrap.argument("missing value of argument value-name");
        }
        Map<String, String> row;
        synchronized (state) {
            row = view(spec, spec.singleton() ? state.table(spec.table()).items.getFirst() : single(req, spec));
        }
        String value = row.get(name);
        if (value == null) {
            throw ApiTrap.argument("no such property: " + name);
        }
        out.done(Map.of("ret", value));
    }

    private void find(ApiRequest req, MenuSpec spec, ReplySink out) {
        Predicate<Map<String, String>> query = QueryEngine.compile(req.queries());
        List<String> ids = new ArrayList<>();
        for (Map<String, String> row : rows(spec)) {
            if (query.test(row)) {
                ids.add(row.get(".id"));
            }
        }
        out.done(Map.of("ret", String.join(";", ids)));
    }

    // ---- selection ----

    private Item single(ApiRequest req, MenuSpec spec) {
        List<Item> items = select(req, spec, true);
        return items.getFirst();
    }

    /** Resolves .id / numbers / number (ids, names or print positions) to items of the menu. */
    List<Item> select(ApiRequest req, MenuSpec spec, boolean required) {
        String sel = req.attr(".id");
        if (sel == null) {
            sel = req.attr("numbers");
        }
        if (sel == null) {
            sel = req.attr("number");
        }
        if (sel == null || sel.isEmpty()) {
            if (required) {
                throw ApiTrap.argument("missing value of argument numbers");
            }
            return List.of();
        }
        return resolve(spec, sel);
    }

    List<Item> resolve(MenuSpec spec, String selectors) {
        synchronized (state) {
            List<Item> visible = new ArrayList<>();
            for (Item item : state.table(spec.table()).items) {
                if (spec.stores(item)) {
                    visible.add(item);
                }
            }
            List<Item> out = new ArrayList<>();
            for (String raw : selectors.split("[,;]")) {
                String s = raw.trim();
                if (s.isEmpty()) {
                    continue;
                }
                Item found = null;
                for (Item item : visible) {
                    if (item.id.equals(s) || (spec.nameKey() != null && s.equals(item.get(spec.nameKey())))) {
                        found = item;
                        break;
                    }
                }
                if (found == null && s.chars().allMatch(Character::isDigit)) {
                    int index = Integer.parseInt(s);
                    if (index < visible.size()) {
                        found = visible.get(index);
                    }
                }
                if (found == null) {
                    throw ApiTrap.noSuchItem();
                }
                if (!out.contains(found)) {
                    out.add(found);
                }
            }
            return out;
        }
    }

    // ---- add / set / remove ----

    private static final List<String> CONTROL = List.of(".id", "numbers", "number", "copy-from", "place-before");

    private static String normalize(String key, String value) {
        if (Menus.TIME_PROPS.contains(key) && !value.isEmpty() && !value.equals("none")) {
            return Durations.formatMillis(Durations.parseMillis(value, key));
        }
        if (Menus.BOOLEAN_PROPS.contains(key)) {
            return switch (value) {
                case "yes", "true", "" -> "true";
                case "no", "false" -> "false";
                default -> throw ApiTrap.argument("value of " + key + " must be yes or no: " + value);
            };
        }
        return value;
    }

    private void add(ApiRequest req, MenuSpec spec, Object actor, ReplySink out) {
        Item added;
        synchronized (state) {
            Table table = state.table(spec.table());
            Map<String, String> props = new LinkedHashMap<>();
            String copyFrom = req.attr("copy-from");
            if (copyFrom != null) {
                props.putAll(resolve(spec, copyFrom).getFirst().props);
                if (spec.nameKey() != null) {
                    props.remove(spec.nameKey());
                }
            }
            if (spec.type() != null) {
                props.put("type", spec.type());
            }
            for (Map.Entry<String, String> e : spec.defaults().entrySet()) {
                props.putIfAbsent(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, String> e : req.attributes().entrySet()) {
                if (!CONTROL.contains(e.getKey())) {
                    props.put(e.getKey(), normalize(e.getKey(), e.getValue()));
                }
            }
            if (spec.autoName() != null && spec.nameKey() != null
                    && (props.get(spec.nameKey()) == null || props.get(spec.nameKey()).isEmpty())) {
                props.put(spec.nameKey(), autoName(spec, table));
            }
            for (String r : spec.required()) {
                if (props.get(r) == null || props.get(r).isEmpty()) {
                    throw ApiTrap.argument("missing value of argument " + r);
                }
            }
            int position = -1;
            String before = req.attr("place-before");
            if (before != null && !before.isEmpty()) {
                position = table.indexOf(resolve(spec, before).getFirst().id);
            }
            String provisional = "*" + Long.toHexString(table.nextId).toUpperCase(java.util.Locale.ROOT);
            Item candidate = new Item(provisional, props);
            check(spec, candidate, true);
            added = state.insert(spec.table(), candidate.props, actor, position);
            spec.hooks().afterAdd(state, added);
        }
        out.done(Map.of("ret", added.id));
    }

    private String autoName(MenuSpec spec, Table table) {
        for (int n = 1; ; n++) {
            String name = spec.autoName() + n;
            boolean used = false;
            for (Item i : table.items) {
                if (name.equals(i.get(spec.nameKey()))) {
                    used = true;
                    break;
                }
            }
            if (!used) {
                return name;
            }
        }
    }

    /** Uniqueness, references and the menu's own rules; may rewrite derived properties of the candidate. */
    private void check(MenuSpec spec, Item candidate, boolean added) {
        String key = spec.nameKey();
        if (key != null && candidate.get(key) != null) {
            for (Item other : state.table(spec.table()).items) {
                if (!other.id.equals(candidate.id) && candidate.get(key).equals(other.get(key))) {
                    throw ApiTrap.failure(spec.duplicateMessage().substring("failure: ".length()));
                }
            }
        }
        for (Map.Entry<String, MenuSpec.Ref> ref : spec.refs().entrySet()) {
            String value = candidate.get(ref.getKey());
            if (value == null || value.isEmpty() || ref.getValue().literals().contains(value)) {
                continue;
            }
            MenuSpec target = state.spec(ref.getValue().menu());
            boolean found = false;
            for (Item item : state.table(target.table()).items) {
                if (target.stores(item) && value.equals(item.get(ref.getValue().key()))) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                throw ApiTrap.argument("input does not match any value of " + ref.getKey());
            }
        }
        spec.hooks().derive(state, candidate, added);
    }

    private void set(ApiRequest req, MenuSpec spec, Object actor, ReplySink out) {
        synchronized (state) {
            List<Item> targets = spec.singleton() ? List.of(state.table(spec.table()).items.getFirst())
                    : select(req, spec, true);
            for (Item target : targets) {
                Item next = target.copy();
                for (Map.Entry<String, String> e : req.attributes().entrySet()) {
                    if (!CONTROL.contains(e.getKey())) {
                        next.props.put(e.getKey(), normalize(e.getKey(), e.getValue()));
                    }
                }
                for (String r : spec.required()) {
                    if (next.get(r) == null || next.get(r).isEmpty()) {
                        throw ApiTrap.argument("missing value of argument " + r);
                    }
                }
                check(spec, next, false);
                renameReferences(spec, target, next, actor);
                state.replace(spec.table(), next, actor);
            }
        }
        out.done(Map.of());
    }

    /** A renamed item keeps its references (RouterOS references by id, so names follow). */
    private void renameReferences(MenuSpec spec, Item before, Item after, Object actor) {
        String key = spec.nameKey();
        if (key == null || before.get(key) == null || before.get(key).equals(after.get(key))) {
            return;
        }
        for (MenuSpec other : state.specs()) {
            for (Map.Entry<String, MenuSpec.Ref> ref : other.refs().entrySet()) {
                MenuSpec target = state.spec(ref.getValue().menu());
                if (!target.table().equals(spec.table())) {
                    continue;
                }
                for (Item item : List.copyOf(state.table(other.table()).items)) {
                    if (other.stores(item) && before.get(key).equals(item.get(ref.getKey()))) {
                        Item moved = item.copy();
                        moved.props.put(ref.getKey(), after.get(key));
                        state.replace(other.table(), moved, actor);
                    }
                }
            }
        }
    }

    private void setProp(ApiRequest req, MenuSpec spec, Object actor, String key, String value, ReplySink out) {
        synchronized (state) {
            for (Item target : select(req, spec, true)) {
                Item next = target.copy();
                next.props.put(key, value);
                state.replace(spec.table(), next, actor);
            }
        }
        out.done(Map.of());
    }

    private void unset(ApiRequest req, MenuSpec spec, Object actor, ReplySink out) {
        String name = req.attr("value-name");
        synchronized (state) {
            for (Item target : select(req, spec, true)) {
                Item next = target.copy();
                if (spec.defaults().containsKey(name)) {
                    next.props.put(name, spec.defaults().get(name));
                } else {
                    next.props.remove(name);
                }
                state.replace(spec.table(), next, actor);
            }
        }
        out.done(Map.of());
    }

    private void move(ApiRequest req, MenuSpec spec, Object actor, ReplySink out) {
        synchronized (state) {
            List<Item> moving = select(req, spec, true);
            String dest = req.attr("destination");
            Table table = state.table(spec.table());
            Item anchor = dest == null || dest.isEmpty() ? null : resolve(spec, dest).getFirst();
            List<Item> order = new ArrayList<>(table.items);
            order.removeAll(moving);
            int pos = anchor == null || moving.contains(anchor) ? order.size() : order.indexOf(anchor);
            order.addAll(pos, moving);
            state.reorder(spec.table(), order, actor);
        }
        out.done(Map.of());
    }

    private void remove(ApiRequest req, MenuSpec spec, Object actor, ReplySink out) {
        synchronized (state) {
            List<Item> targets = select(req, spec, true);
            for (Item target : targets) {
                spec.hooks().beforeRemove(state, target);
                inUse(spec, target);
            }
            for (Item target : targets) {
                state.delete(spec.table(), target.id, actor);
            }
        }
        out.done(Map.of());
    }

    private void inUse(MenuSpec spec, Item target) {
        String key = spec.nameKey();
        if (key == null || target.get(key) == null) {
            return;
        }
        String name = target.get(key);
        for (MenuSpec other : state.specs()) {
            for (Map.Entry<String, MenuSpec.Ref> ref : other.refs().entrySet()) {
                MenuSpec referenced = state.spec(ref.getValue().menu());
                if (!referenced.table().equals(spec.table()) || !referenced.stores(target)) {
                    continue;
                }
                for (Item item : state.table(other.table()).items) {
                    if (other.stores(item) && name.equals(item.get(ref.getKey()))) {
                        throw ApiTrap.failure(name + " is in use by " + other.path() + " " + item.id);
                    }
                }
            }
        }
    }
}

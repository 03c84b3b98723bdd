package com.nasnetconnect.routeros.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * An immutable copy of the simulator's configuration: menu path to items (by .id) to stored properties. Live
 * values (counters, uptime, log) are not part of it, so two snapshots differ only when the configuration did.
 */
public final class SimulatorState {

    /** One difference between two snapshots. */
    public record Change(Kind kind, String menu, String id, String detail) {
        public enum Kind { ADDED, REMOVED, CHANGED }

        @Override
        public String toString() {
            String sign = switch (kind) {
                case ADDED -> "+";
                case REMOVED -> "-";
                case CHANGED -> "~";
            };
            return sign + " " + menu + (id.equals("*0") ? "" : " " + id) + " " + detail;
        }
    }

    private final Map<String, Map<String, Map<String, String>>> menus;

    private SimulatorState(Map<String, Map<String, Map<String, String>>> menus) {
        this.menus = menus;
    }

    static SimulatorState capture(RouterState s) {
        Map<String, Map<String, Map<String, String>>> out = new LinkedHashMap<>();
        synchronized (s) {
            for (MenuSpec spec : s.specs()) {
                if (spec.path().equals("/log") || spec.path().equals("/system/resource")
                        || spec.path().equals("/interface")) {
                    continue;
                }
                Map<String, Map<String, String>> items = new LinkedHashMap<>();
                for (Item item : s.table(spec.table()).items) {
                    if (spec.stores(item)) {
                        items.put(item.id, Map.copyOf(item.props));
                    }
                }
                out.put(spec.path(), java.util.Collections.unmodifiableMap(items));
            }
        }
        return new SimulatorState(java.util.Collections.unmodifiableMap(out));
    }

    /** Menu path to items by .id; singletons use the id "*0". */
    public Map<String, Map<String, Map<String, String>>> menus() {
        return menus;
    }

    /** The items of one menu (empty when the menu is not modelled). */
    public Map<String, Map<String, String>> items(String menu) {
        return menus.getOrDefault(menu, Map.of());
    }

    /** The first item of a menu whose property equals value, or null. */
    public Map<String, String> find(String menu, String property, String value) {
        for (Map<String, String> item : items(menu).values()) {
            if (value.equals(item.get(property))) {
                return item;
            }
        }
        return null;
    }

    /** What changed from this snapshot to {@code after}: added, removed and changed items, in menu order. */
    public List<Change> diff(SimulatorState after) {
        List<Change> out = new ArrayList<>();
        TreeSet<String> menuNames = new TreeSet<>(menus.keySet());
        menuNames.addAll(after.menus.keySet());
        for (String menu : menuNames) {
            Map<String, Map<String, String>> a = items(menu);
            Map<String, Map<String, String>> b = after.items(menu);
            for (Map.Entry<String, Map<String, String>> e : a.entrySet()) {
                Map<String, String> other = b.get(e.getKey());
                if (other == null) {
                    out.add(new Change(Change.Kind.REMOVED, menu, e.getKey(), describe(e.getValue())));
                } else if (!other.equals(e.getValue())) {
                    List<String> parts = new ArrayList<>();
                    TreeSet<String> keys = new TreeSet<>(e.getValue().keySet());
                    keys.addAll(other.keySet());
                    for (String k : keys) {
                        String x = e.getValue().get(k);
                        String y = other.get(k);
                        if (!Objects.equals(x, y)) {
                            parts.add(k + ": " + (x == null ? "(unset)" : x) + " -> " + (y == null ? "(unset)" : y));
                        }
                    }
                    out.add(new Change(Change.Kind.CHANGED, menu, e.getKey(), String.join(", ", parts)));
                }
            }
            for (Map.Entry<String, Map<String, String>> e : b.entrySet()) {
                if (!a.containsKey(e.getKey())) {
                    out.add(new Change(Change.Kind.ADDED, menu, e.getKey(), describe(e.getValue())));
                }
            }
        }
        return out;
    }

    private static String describe(Map<String, String> item) {
        StringBuilder b = new StringBuilder();
        for (String k : new TreeSet<>(item.keySet())) {
            if (k.equals("private-key")) {
                b.append(k).append("=<hidden> ");
                continue;
            }
            b.append(k).append('=').append(item.get(k)).append(' ');
        }
        return b.toString().trim();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimulatorState other && other.menus.equals(menus);
    }

    @Override
    public int hashCode() {
        return menus.hashCode();
    }

    @Override
    public String toString() {
        return "SimulatorState" + menus.keySet();
    }
}

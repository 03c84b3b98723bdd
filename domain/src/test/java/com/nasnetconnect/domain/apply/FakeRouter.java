package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterReply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A small in-memory RouterOS for domain tests: menus of rows with {@code .id}, print/add/set/remove, a few
 * router-generated fields, and fault injection (refuse the n-th write, or lose the link from the n-th write on).
 * The real protocol is exercised by the routeros module's tests against the simulator.
 */
public class FakeRouter implements RouterGateway {
    final Map<String, Map<String, Map<String, String>>> menus = new TreeMap<>();
    final List<RouterCommand> log = new ArrayList<>();
    public PlatformInfo platform = new PlatformInfo("7.16.2", "CHR", "x86_64", java.util.Set.of("routeros"));
    private int nextId = 1;
    private int writes;
    private int refuseWrite = -1;
    private Predicate<RouterCommand> refuseWhen = c -> false;
    private int unreachableFromWrite = -1;
    private int timeoutAfterWrite = -1;
    private boolean unreachable;

    public FakeRouter row(String menu, Map<String, String> attrs) {
        var r = new LinkedHashMap<>(attrs);
        String id = "*" + Integer.toHexString(nextId++).toUpperCase();
        r.put(".id", id);
        menus.computeIfAbsent(menu, m -> new LinkedHashMap<>()).put(id, r);
        return this;
    }

    void refuseWrite(int n) { refuseWrite = n; }
    /** The n-th write is carried out, but its answer never comes (a timeout). */
    void timeoutAfterWrite(int n) { timeoutAfterWrite = n; }
    public void refuseWhen(Predicate<RouterCommand> p) { refuseWhen = p; }
    void loseLinkAtWrite(int n) { unreachableFromWrite = n; }
    void reconnect() { unreachable = false; unreachableFromWrite = -1; }
    public int writes() { return writes; }

    /** A deep copy of all menus except the scheduler and scripts: what "router state" means in the tests. */
    public Map<String, Map<String, Map<String, String>>> snapshot() {
        var copy = new TreeMap<String, Map<String, Map<String, String>>>();
        menus.forEach((m, rows) -> {
            if (m.startsWith("/system/") || rows.isEmpty()) return;
            var rs = new TreeMap<String, Map<String, String>>();
            rows.forEach((id, r) -> rs.put(id, Map.copyOf(r)));
            copy.put(m, rs);
        });
        return copy;
    }

    public List<Map<String, String>> rows(String menu) {
        return List.copyOf(menus.getOrDefault(menu, Map.of()).values());
    }

    @Override
    public RouterReply execute(RouterEndpoint router, RouterCommand c) {
        return execute(router, c, Duration.ofSeconds(5));
    }

    @Override
    public synchronized RouterReply execute(RouterEndpoint router, RouterCommand c, Duration timeout) {
        RouterReply reply = run(c);
        if (!c.verb().equals("print") && writes == timeoutAfterWrite) {
            throw new RouterException.Timeout("no answer within " + timeout, c.toString());
        }
        return reply;
    }

    private RouterReply run(RouterCommand c) {
        if (unreachable) throw new RouterException.Unreachable("connection lost", c.toString(), null);
        log.add(c);
        String verb = c.verb();
        String menu = c.menu();
        var rows = menus.computeIfAbsent(menu, m -> new LinkedHashMap<>());
        if (!verb.equals("print")) {
            writes++;
            if (writes == unreachableFromWrite) {
                unreachable = true;
                throw new RouterException.Unreachable("connection lost", c.toString(), null);
            }
            if (writes == refuseWrite || refuseWhen.test(c)) {
                throw new RouterException.Trap(0, "failure: injected fault", c.toString());
            }
        }
        switch (verb) {
            case "print" -> {
                var out = new ArrayList<Map<String, String>>();
                for (var r : rows.values()) {
                    boolean ok = true;
                    for (String q : c.queries()) {
                        String[] kv = q.substring(1).split("=", 2);
                        if (kv.length == 2 && !kv[1].equals(r.get(kv[0]))) ok = false;
                    }
                    if (ok) out.add(Map.copyOf(r));
                }
                if (menu.equals("/interface")) {
                    for (String sub : List.of("/interface/vlan", "/interface/bridge", "/interface/wireguard", "/interface/veth")) {
                        menus.getOrDefault(sub, Map.of()).values().forEach(r -> out.add(Map.of(".id", r.get(".id"), "name", r.get("name"))));
                    }
                }
                return RouterReply.of(out);
            }
            case "add" -> {
                var r = new LinkedHashMap<>(c.attributes());
                for (var other : rows.values()) {
                    // before 7.20 an env or mount list's entries share its "name"
                    boolean listName = menu.equals("/container/envs") || menu.equals("/container/mounts");
                    if (!listName && r.containsKey("name") && r.get("name").equals(other.get("name"))) {
                        throw new RouterException.Trap(0, "failure: already have such name", c.toString());
                    }
                }
                String id = "*" + Integer.toHexString(nextId++).toUpperCase();
                r.put(".id", id);
                if (menu.equals("/interface/wireguard")) r.put("public-key", "PUB" + id);
                if (menu.equals("/interface/vlan")) {
                    r.put("mac-address", "02:00:00:00:00:" + String.format("%02X", nextId));
                    r.putIfAbsent("mtu", "1500");
                }
                rows.put(id, r);
                return new RouterReply(List.of(), Optional.of(id));
            }
            case "set" -> {
                var r = rows.get(c.attributes().get(".id"));
                if (r == null) throw new RouterException.Trap(0, "no such item", c.toString());
                c.attributes().forEach((k, v) -> { if (!k.equals(".id")) r.put(k, v); });
                return RouterReply.of(List.of());
            }
            case "remove" -> {
                // like RouterOS, numbers= names an item by .id or by name
                String key = c.attributes().containsKey(".id") ? c.attributes().get(".id") : rows.entrySet().stream()
                        .filter(e -> e.getKey().equals(c.attributes().get("numbers"))
                                || java.util.Objects.equals(e.getValue().get("name"), c.attributes().get("numbers")))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (key == null || rows.remove(key) == null) throw new RouterException.Trap(0, "no such item", c.toString());
                return RouterReply.of(List.of());
            }
            case "run" -> {
                return RouterReply.of(List.of());
            }
            default -> throw new RouterException.Trap(0, "no such command", c.toString());
        }
    }

    @Override
    public Stream stream(RouterEndpoint router, RouterCommand command, Consumer<Map<String, String>> onRow, Consumer<RouterException> onError) {
        throw new UnsupportedOperationException("not needed");
    }

    @Override
    public PlatformInfo platform(RouterEndpoint router) {
        if (unreachable) throw new RouterException.Unreachable("connection lost", null, null);
        return platform;
    }

    @Override public void disconnect(RouterEndpoint router) { }
    @Override public void close() { }
}

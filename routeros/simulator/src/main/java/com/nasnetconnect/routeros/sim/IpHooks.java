package com.nasnetconnect.routeros.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Semantics of the /ip menus: derived networks, validation of addresses, live counters. */
final class IpHooks {

    private IpHooks() {
    }

    /** Parses "a.b.c.d" to an int; throws ApiTrap naming the argument when malformed. */
    static int ipv4(String text, String argument) {
        String[] p = text.split("\\.", -1);
        if (p.length != 4) {
            throw ApiTrap.argument("invalid value for argument " + argument + ": " + text);
        }
        int v = 0;
        for (String part : p) {
            int n;
            try {
                n = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw ApiTrap.argument("invalid value for argument " + argument + ": " + text);
            }
            if (n < 0 || n > 255 || part.isEmpty()) {
                throw ApiTrap.argument("invalid value for argument " + argument + ": " + text);
            }
            v = (v << 8) | n;
        }
        return v;
    }

    static String format(int ip) {
        return ((ip >>> 24) & 255) + "." + ((ip >>> 16) & 255) + "." + ((ip >>> 8) & 255) + "." + (ip & 255);
    }

    /** Parses "a.b.c.d[/n]" into {ip, prefix}. */
    static int[] prefix(String text, String argument) {
        String ip = text;
        int len = 32;
        int slash = text.indexOf('/');
        if (slash >= 0) {
            ip = text.substring(0, slash);
            try {
                len = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw ApiTrap.argument("invalid value for argument " + argument + ": " + text);
            }
            if (len < 0 || len > 32) {
                throw ApiTrap.argument("invalid value for argument " + argument + ": " + text);
            }
        }
        return new int[] {ipv4(ip, argument), len};
    }

    static int mask(int len) {
        return len == 0 ? 0 : -1 << (32 - len);
    }

    static final MenuSpec.Hooks ADDRESS = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            int[] p = prefix(item.get("address"), "address");
            item.props.put("address", format(p[0]) + "/" + p[1]);
            item.props.put("network", format(p[0] & mask(p[1])));
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            Item iface = InterfaceHooks.byName(s, "/interface", item.get("interface"));
            out.put("actual-interface", item.get("interface"));
            out.put("invalid", Boolean.toString(iface == null || "true".equals(iface.get("disabled"))));
            out.put("dynamic", "false");
        }
    };

    static final MenuSpec.Hooks DHCP_CLIENT = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            for (Item other : s.table("/ip/dhcp-client").items) {
                if (!other.id.equals(item.id) && item.get("interface").equals(other.get("interface"))) {
                    throw ApiTrap.failure("dhcp-client on that interface already exists");
                }
            }
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            out.put("status", "true".equals(item.get("disabled")) ? "stopped" : "searching...");
        }
    };

    static final MenuSpec.Hooks ROUTE = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            int[] p = prefix(item.get("dst-address"), "dst-address");
            item.props.put("dst-address", format(p[0] & mask(p[1])) + "/" + p[1]);
            String gw = item.get("gateway");
            if ((gw == null || gw.isEmpty()) && !"true".equals(item.get("blackhole"))) {
                throw ApiTrap.argument("either gateway or blackhole must be specified");
            }
            if (gw != null && !gw.isEmpty() && !gw.matches("[0-9.]+")
                    && InterfaceHooks.byName(s, "/interface", gw.split("%")[0]) == null) {
                throw ApiTrap.argument("input does not match any value of gateway");
            }
        }

        /**
         * Whether the route is used: a usable route (enabled, and a blackhole or a gateway that answers) is active
         * when no other usable route of its table and destination has a lower distance; an unusable one is
         * inactive. So a blackhole route with distance 250 next to a checked gateway route takes over when the
         * gateway stops answering, as on RouterOS.
         */
        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            out.put("immediate-gw", item.props.getOrDefault("gateway", ""));
            boolean usable = usable(s, item);
            boolean active = usable;
            if (usable) {
                for (Item other : s.table("/ip/route").items) {
                    if (other == item || !usable(s, other)
                            || !java.util.Objects.equals(other.get("routing-table"), item.get("routing-table"))
                            || !java.util.Objects.equals(other.get("dst-address"), item.get("dst-address"))) {
                        continue;
                    }
                    int d = distance(other);
                    if (d < distance(item) || (d == distance(item) && other.id.compareTo(item.id) < 0)) {
                        active = false;
                        break;
                    }
                }
            }
            out.put("active", Boolean.toString(active));
            out.put("inactive", Boolean.toString(!usable));
        }

        /**
         * A connected route (flags DAc) for every enabled address on a running interface; its id is the address
         * id with the dynamic bit 0x80000000 set, so it is stable while the address exists.
         */
        @Override
        public java.util.List<Item> dynamicItems(RouterState s) {
            java.util.List<Item> out = new java.util.ArrayList<>();
            for (Item a : s.table("/ip/address").items) {
                Item iface = InterfaceHooks.byName(s, "/interface", a.get("interface"));
                if ("true".equals(a.get("disabled")) || iface == null || !InterfaceHooks.running(s, iface)) {
                    continue;
                }
                int[] p = prefix(a.get("address"), "address");
                Map<String, String> r = new java.util.LinkedHashMap<>();
                r.put("dst-address", format(p[0] & mask(p[1])) + "/" + p[1]);
                r.put("gateway", a.get("interface"));
                r.put("distance", "0");
                r.put("scope", "10");
                r.put("target-scope", "5");
                r.put("routing-table", "main");
                r.put("local-address", format(p[0]) + "%" + a.get("interface"));
                r.put("dynamic", "true");
                r.put("active", "true");
                r.put("connect", "true");
                r.put("static", "false");
                r.put("inactive", "false");
                r.put("disabled", "false");
                long n = 0x80000000L | Long.parseLong(a.id.substring(1), 16);
                out.add(new Item("*" + Long.toHexString(n).toUpperCase(java.util.Locale.ROOT), r));
            }
            return out;
        }

        @Override
        public void beforeRemove(RouterState s, Item item) {
            if ("true".equals(item.get("dynamic"))) {
                throw ApiTrap.failure("can not remove dynamic route");
            }
        }
    };

    private static int distance(Item route) {
        try {
            return Integer.parseInt(route.props.getOrDefault("distance", "1"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Enabled, and a blackhole or a gateway that answers (see {@link #gatewayAnswers}). */
    static boolean usable(RouterState s, Item route) {
        if ("true".equals(route.get("disabled"))) {
            return false;
        }
        return "true".equals(route.get("blackhole")) || gatewayAnswers(s, route);
    }

    /**
     * The simulator's check-gateway. Without a check ({@code none} or unset) a gateway always counts as
     * answering. With {@code ping} (or {@code arp}) a gateway answers when:
     * <ul>
     *   <li>it is an address of a veth: the container on that veth is running (a stopped, crashed or still
     *       extracting container does not answer, so the route goes inactive);</li>
     *   <li>it names an interface: the interface is running;</li>
     *   <li>otherwise it lies in a network of an enabled address on a running interface (a host out there
     *       the simulator does not model answers); a gateway in no connected network does not.</li>
     * </ul>
     * The check is immediate (RouterOS needs a few missed pings, about 10 s, to decide).
     */
    static boolean gatewayAnswers(RouterState s, Item route) {
        String check = route.get("check-gateway");
        String gw = route.get("gateway");
        if (check == null || check.isEmpty() || check.equals("none") || gw == null || gw.isEmpty()) {
            return true;
        }
        String host = gw.split("%")[0];
        if (!host.matches("[0-9.]+")) {
            Item iface = InterfaceHooks.byName(s, "/interface", host);
            return iface != null && InterfaceHooks.running(s, iface);
        }
        int ip = ipv4(host, "gateway");
        for (Item veth : s.table("/interface").items) {
            if (!"veth".equals(veth.get("type")) || veth.get("address") == null) {
                continue;
            }
            for (String a : veth.get("address").split(",")) {
                if (a.contains(":") || a.isBlank()) {
                    continue;
                }
                if (prefix(a.trim(), "address")[0] == ip) {
                    return containerRunningOn(s, veth.get("name"));
                }
            }
        }
        for (Item a : s.table("/ip/address").items) {
            Item iface = InterfaceHooks.byName(s, "/interface", a.get("interface"));
            if ("true".equals(a.get("disabled")) || iface == null || !InterfaceHooks.running(s, iface)) {
                continue;
            }
            int[] p = prefix(a.get("address"), "address");
            if ((p[0] & mask(p[1])) == (ip & mask(p[1]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containerRunningOn(RouterState s, String veth) {
        if (s.spec("/container") == null) {
            return false;
        }
        for (Item c : s.table("/container").items) {
            if (veth.equals(c.get("interface")) && "running".equals(c.get("status"))) {
                return true;
            }
        }
        return false;
    }

    /** /routing/rule: the action is one RouterOS knows, the addresses are prefixes, the table exists. */
    static final MenuSpec.Hooks ROUTING_RULE = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            String action = item.get("action");
            if (!java.util.Set.of("drop", "lookup", "lookup-only-in-table", "unreachable").contains(action)) {
                throw ApiTrap.argument("invalid value for argument action: " + action);
            }
            for (String key : new String[] {"src-address", "dst-address"}) {
                String v = item.get(key);
                if (v != null && !v.isEmpty()) {
                    int[] p = prefix(v, key);
                    item.props.put(key, format(p[0] & mask(p[1])) + "/" + p[1]);
                }
            }
            String iface = item.get("interface");
            if (iface != null && !iface.isEmpty() && InterfaceHooks.byName(s, "/interface", iface) == null) {
                throw ApiTrap.argument("input does not match any value of interface");
            }
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            out.put("inactive", Boolean.toString("true".equals(item.get("disabled"))));
        }
    };

    static final MenuSpec.Hooks FIREWALL = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            for (String key : new String[] {"in-interface", "out-interface"}) {
                String v = item.get(key);
                if (v == null || v.isEmpty()) {
                    continue;
                }
                String name = v.startsWith("!") ? v.substring(1) : v;
                if (InterfaceHooks.byName(s, "/interface", name) == null) {
                    throw ApiTrap.argument("input does not match any value of " + key);
                }
            }
            if ("jump".equals(item.get("action")) && (item.get("jump-target") == null || item.get("jump-target").isEmpty())) {
                throw ApiTrap.failure("jump-target is not set");
            }
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            out.put("bytes", "0");
            out.put("packets", "0");
        }
    };

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    /**
     * An entry with a timeout is dynamic: it prints the remaining time and disappears when it runs out (a timer
     * removes it; the expiry is kept in the hidden property "expires", epoch millis).
     */
    static final MenuSpec.Hooks ADDRESS_LIST = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            if (added) {
                item.props.put("creation-time", CREATED.format(Instant.ofEpochMilli(s.clock.millis())));
            }
            String timeout = item.get("timeout");
            if (timeout != null && !timeout.isEmpty() && !timeout.equals("none") && item.get("expires") == null) {
                long ms = Durations.parseMillis(timeout, "timeout");
                item.props.put("expires", Long.toString(s.clock.millis() + ms));
                item.props.put("dynamic", "true");
            }
        }

        @Override
        public void afterAdd(RouterState s, Item item) {
            String expires = item.get("expires");
            if (expires == null) {
                return;
            }
            long delay = Math.max(0, Long.parseLong(expires) - s.clock.millis());
            String id = item.id;
            s.timers().schedule(() -> {
                synchronized (s) {
                    if (s.table("/ip/firewall/address-list").find(id) != null) {
                        s.delete("/ip/firewall/address-list", id, null);
                    }
                }
            }, delay, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            String expires = item.get("expires");
            if (expires != null) {
                long left = Math.max(0, Long.parseLong(expires) - s.clock.millis());
                out.put("timeout", Durations.format((left + 999) / 1000));
            }
        }
    };
}

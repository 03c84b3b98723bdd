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

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            out.put("immediate-gw", item.props.getOrDefault("gateway", ""));
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

package com.nasnetconnect.routeros.sim;

import java.util.Map;

/** Semantics of /interface and its typed menus: running state, counters, WireGuard keys, bridge membership. */
final class InterfaceHooks {

    private InterfaceHooks() {
    }

    static boolean running(RouterState s, Item item) {
        if ("true".equals(item.get("disabled"))) {
            return false;
        }
        if ("vlan".equals(item.get("type"))) {
            Item parent = byName(s, "/interface", item.get("interface"));
            return parent != null && running(s, parent);
        }
        return true;
    }

    static Item byName(RouterState s, String table, String name) {
        if (name == null) {
            return null;
        }
        for (Item i : s.table(table).items) {
            if (name.equals(i.get("name"))) {
                return i;
            }
        }
        return null;
    }

    /** Typed menus: running and actual-mtu. */
    static final MenuSpec.Hooks GENERAL = new MenuSpec.Hooks() {
        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            String mtu = item.get("mtu");
            out.put("actual-mtu", mtu == null || !mtu.chars().allMatch(Character::isDigit) ? "1500" : mtu);
            out.put("running", Boolean.toString(running(s, item)));
        }
    };

    /** /interface itself adds the moving traffic counters. */
    static final MenuSpec.Hooks LIST = new MenuSpec.Hooks() {
        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            GENERAL.live(s, item, out);
            long n = Long.parseLong(item.id.substring(1), 16);
            long ms = s.uptimeMillis();
            boolean up = running(s, item);
            long rxRate = up ? 1200 + n * 700 : 0; // bytes per second
            long txRate = up ? 800 + n * 500 : 0;
            out.put("rx-byte", Long.toString(ms * rxRate / 1000));
            out.put("tx-byte", Long.toString(ms * txRate / 1000));
            out.put("rx-packet", Long.toString(ms * rxRate / 1000 / 600));
            out.put("tx-packet", Long.toString(ms * txRate / 1000 / 600));
            out.put("rx-drop", "0");
            out.put("tx-drop", "0");
            out.put("tx-queue-drop", "0");
            out.put("rx-error", "0");
            out.put("tx-error", "0");
            out.put("link-downs", "0");
        }
    };

    static final MenuSpec.Hooks WIREGUARD = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            String priv = item.get("private-key");
            if (priv == null || priv.isEmpty()) {
                priv = WireGuardKeys.generatePrivateKey();
                item.props.put("private-key", priv);
            } else if (!WireGuardKeys.isValidKey(priv)) {
                throw ApiTrap.argument("invalid value for argument private-key");
            }
            item.props.put("public-key", WireGuardKeys.publicKey(priv));
            if (item.get("listen-port") == null) {
                int port = 13231;
                boolean taken = true;
                while (taken) {
                    taken = false;
                    for (Item other : s.table("/interface").items) {
                        if (other != item && !other.id.equals(item.id)
                                && Integer.toString(port).equals(other.get("listen-port"))) {
                            taken = true;
                            port++;
                            break;
                        }
                    }
                }
                item.props.put("listen-port", Integer.toString(port));
            }
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            GENERAL.live(s, item, out);
        }
    };

    static final MenuSpec.Hooks WG_PEER = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            String key = item.get("public-key");
            if (!WireGuardKeys.isValidKey(key)) {
                throw ApiTrap.argument("invalid value for argument public-key");
            }
            String psk = item.get("preshared-key");
            if (psk != null && !psk.isEmpty() && !WireGuardKeys.isValidKey(psk)) {
                throw ApiTrap.argument("invalid value for argument preshared-key");
            }
            for (Item other : s.table("/interface/wireguard/peers").items) {
                if (!other.id.equals(item.id) && key.equals(other.get("public-key"))
                        && item.get("interface").equals(other.get("interface"))) {
                    throw ApiTrap.failure("peer with such public key already exists on this interface");
                }
            }
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            out.put("current-endpoint-address", "");
            out.put("current-endpoint-port", "0");
            Item iface = byName(s, "/interface", item.get("interface"));
            boolean up = !"true".equals(item.get("disabled")) && iface != null && running(s, iface);
            long n = Long.parseLong(item.id.substring(1), 16);
            long ms = s.uptimeMillis();
            // an enabled peer on a running interface talks: counters grow with the clock, and it shook hands
            // within the last two minutes (WireGuard re-keys every 2 minutes); a silent peer has no last-handshake
            out.put("rx", Long.toString(up ? ms * (300 + n * 40) / 1000 : 0));
            out.put("tx", Long.toString(up ? ms * (200 + n * 30) / 1000 : 0));
            if (up) out.put("last-handshake", Durations.format((ms / 1000) % 120));
            out.put("dynamic", "false");
        }
    };

    static final MenuSpec.Hooks BRIDGE_PORT = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            String iface = item.get("interface");
            if (iface.equals(item.get("bridge"))) {
                throw ApiTrap.failure("can not add bridge to itself");
            }
            for (Item other : s.table("/interface/bridge/port").items) {
                if (!other.id.equals(item.id) && iface.equals(other.get("interface"))) {
                    throw ApiTrap.failure("device already added as bridge port");
                }
            }
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            Item target = byName(s, "/interface", item.get("interface"));
            boolean active = target != null && running(s, target) && !"true".equals(item.get("disabled"));
            out.put("status", active ? "in-bridge" : "inactive");
            out.put("inactive", Boolean.toString(!active));
            out.put("dynamic", "false");
        }
    };

    static final MenuSpec.Hooks BRIDGE_VLAN = new MenuSpec.Hooks() {
        @Override
        public void derive(RouterState s, Item item, boolean added) {
            for (String key : new String[] {"tagged", "untagged"}) {
                String list = item.get(key);
                if (list == null || list.isEmpty()) {
                    continue;
                }
                for (String name : list.split(",")) {
                    if (byName(s, "/interface", name.trim()) == null) {
                        throw ApiTrap.argument("input does not match any value of " + key);
                    }
                }
            }
            for (String id : item.get("vlan-ids").split(",")) {
                String[] range = id.trim().split("-");
                for (String r : range) {
                    int v;
                    try {
                        v = Integer.parseInt(r.trim());
                    } catch (NumberFormatException e) {
                        throw ApiTrap.argument("invalid value for argument vlan-ids: " + item.get("vlan-ids"));
                    }
                    if (v < 1 || v > 4094) {
                        throw ApiTrap.argument("vlan-ids value " + v + " out of range 1..4094");
                    }
                }
            }
        }

        @Override
        public void live(RouterState s, Item item, Map<String, String> out) {
            out.put("current-tagged", item.props.getOrDefault("tagged", ""));
            out.put("current-untagged", item.props.getOrDefault("untagged", ""));
            out.put("dynamic", "false");
        }
    };
}

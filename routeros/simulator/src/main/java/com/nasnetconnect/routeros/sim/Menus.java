package com.nasnetconnect.routeros.sim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The menus the simulator models with real semantics, and the router's factory state (ether1..ether4, the main
 * routing table, the installed packages). Menus not listed here still exist in the command tree: their commands
 * are accepted when inspect has them, but they hold no items.
 */
final class Menus {

    private Menus() {
    }

    static final Set<String> INTERFACE_COMMON = Set.of("name", "default-name", "type", "mtu", "actual-mtu", "l2mtu",
            "mac-address", "comment", "disabled");

    static final Set<String> BOOLEAN_PROPS = Set.of("disabled", "running", "dynamic", "invalid", "vlan-filtering",
            "use-peer-dns", "use-peer-ntp", "start-on-boot", "fast-forward", "igmp-snooping", "dhcp-snooping",
            "auto-mac", "ingress-filtering", "hw", "edge", "learn", "fib", "log", "use-service-tag", "add-arp",
            "dont-require-permissions", "logging", "active", "static", "inactive", "blackhole", "check-certificate",
            "passthrough", "connect", "dhcp");

    /** Time-interval properties: stored and printed in RouterOS form ("25s", "30m", "1d2h"). */
    static final Set<String> TIME_PROPS = Set.of("persistent-keepalive", "lease-time", "interval", "timeout",
            "ageing-time", "address-list-timeout", "bootp-lease-time");

    /** Registers all modelled menus and loads the factory state. */
    static void install(RouterState s, String identity) {
        RosVersion v = s.version;

        // ---- system ----
        reg(s, menu("/system/identity").singleton().defaults("name", identity));
        reg(s, menu("/system/resource").singleton().hooks(SystemHooks.RESOURCE));
        reg(s, menu("/system/package").name("name"));
        reg(s, menu("/system/script").name("name").autoName("script")
                .defaults("owner", "admin", "policy", "ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon",
                        "dont-require-permissions", "false", "run-count", "0", "source", "", "invalid", "false")
                .duplicate("failure: already have script with such name"));
        reg(s, menu("/system/scheduler").name("name").autoName("schedule")
                .defaults("start-time", "startup", "interval", "0s", "on-event", "", "owner", "admin",
                        "policy", "ftp,reboot,read,write,policy,test,password,sniff,sensitive,romon",
                        "run-count", "0", "disabled", "false")
                .duplicate("failure: already have scheduled item with such name")
                .hooks(SystemHooks.SCHEDULER));
        reg(s, menu("/log"));
        if (s.tree.hasMenu("/safe-mode")) {
            reg(s, menu("/safe-mode").singleton());
        }

        // ---- interfaces (one shared table) ----
        reg(s, menu("/interface").table("/interface").name("name").only(INTERFACE_COMMON)
                .duplicate("failure: already have interface with such name").hooks(InterfaceHooks.LIST));
        reg(s, iface("/interface/ethernet", "ether", null));
        reg(s, iface("/interface/vlan", "vlan", "vlan").required("vlan-id", "interface")
                .ref("interface", "/interface")
                .defaults("mtu", "1500", "arp", "enabled", "use-service-tag", "false", "loop-protect", "default"));
        reg(s, iface("/interface/bridge", "bridge", "bridge")
                .defaults("mtu", "auto", "protocol-mode", "rstp", "vlan-filtering", "false", "arp", "enabled",
                        "auto-mac", "true", "ageing-time", "5m", "fast-forward", "true", "igmp-snooping", "false",
                        "dhcp-snooping", "false", "frame-types", "admit-all", "ingress-filtering", "true", "pvid", "1"));
        reg(s, iface("/interface/wireguard", "wg", "wireguard").defaults("mtu", "1420")
                .hooks(InterfaceHooks.WIREGUARD));
        Builder veth = iface("/interface/veth", "veth", "veth").defaults("address", "", "gateway", "", "gateway6", "")
                .hooks(ContainerHooks.VETH);
        if (v.atLeast(7, 20)) {
            veth.defaults("dhcp", "false");
        }
        reg(s, veth);

        reg(s, menu("/interface/bridge/port").required("bridge", "interface")
                .ref("bridge", "/interface/bridge").ref("interface", "/interface")
                .defaults("pvid", "1", "frame-types", "admit-all", "ingress-filtering", "true", "hw", "true",
                        "edge", "auto", "learn", "auto", "horizon", "none", "disabled", "false")
                .hooks(InterfaceHooks.BRIDGE_PORT));
        reg(s, menu("/interface/bridge/vlan").required("bridge", "vlan-ids").ref("bridge", "/interface/bridge")
                .defaults("tagged", "", "untagged", "", "disabled", "false").hooks(InterfaceHooks.BRIDGE_VLAN));
        reg(s, menu("/interface/wireguard/peers").required("interface", "public-key")
                .ref("interface", "/interface/wireguard").autoName("peer").name("name")
                .duplicate("failure: already have peer with such name")
                .defaults("allowed-address", "", "endpoint-address", "", "endpoint-port", "0",
                        "persistent-keepalive", "0s", "preshared-key", "", "disabled", "false")
                .hooks(InterfaceHooks.WG_PEER));

        // ---- ip ----
        reg(s, menu("/ip/address").required("address", "interface").ref("interface", "/interface")
                .defaults("disabled", "false").hooks(IpHooks.ADDRESS));
        reg(s, menu("/ip/pool").required("ranges").name("name").autoName("pool")
                .refLiterals("next-pool", "/ip/pool", "none")
                .duplicate("failure: already have pool with such name"));
        reg(s, menu("/ip/dhcp-server").required("interface").name("name").autoName("dhcp")
                .ref("interface", "/interface").refLiterals("address-pool", "/ip/pool", "static-only")
                .duplicate("failure: already have dhcp server with such name")
                .defaults("address-pool", "static-only", "lease-time", "30m", "authoritative", "yes",
                        "add-arp", "false", "disabled", "false", "dynamic", "false", "invalid", "false"));
        reg(s, menu("/ip/dhcp-server/network").required("address")
                .defaults("gateway", "", "dns-server", "", "domain", "", "dynamic", "false"));
        reg(s, menu("/ip/dhcp-server/lease").required("address", "mac-address").refLiterals("server", "/ip/dhcp-server", "all")
                .defaults("server", "all", "client-id", "", "address-lists", "", "lease-time", "0s", "block-access", "false", "disabled", "false", "dynamic", "false", "blocked", "false", "status", "waiting"));
        reg(s, menu("/ip/dhcp-client").required("interface").ref("interface", "/interface")
                .defaults("add-default-route", "yes", "default-route-distance", "1", "use-peer-dns", "true",
                        "use-peer-ntp", "true", "disabled", "false", "dynamic", "false", "invalid", "false")
                .hooks(IpHooks.DHCP_CLIENT));
        reg(s, menu("/routing/table").required("name").name("name")
                .duplicate("failure: already have routing table with such name")
                .defaults("disabled", "false", "dynamic", "false", "invalid", "false"));
        reg(s, menu("/routing/rule").ref("interface", "/interface").refLiterals("table", "/routing/table", "main")
                .defaults("action", "lookup", "disabled", "false", "inactive", "false").hooks(IpHooks.ROUTING_RULE));
        reg(s, menu("/ip/route").refLiterals("routing-table", "/routing/table")
                .defaults("dst-address", "0.0.0.0/0", "routing-table", "main", "distance", "1", "scope", "30",
                        "target-scope", "10", "disabled", "false", "dynamic", "false", "static", "true",
                        "active", "true", "inactive", "false")
                .hooks(IpHooks.ROUTE));
        for (String chain : List.of("filter", "nat", "mangle")) {
            reg(s, menu("/ip/firewall/" + chain).required("chain")
                    .defaults("action", chain.equals("mangle") ? "accept" : "accept", "disabled", "false",
                            "dynamic", "false", "invalid", "false", "log", "false", "log-prefix", "")
                    .hooks(IpHooks.FIREWALL));
        }
        reg(s, menu("/ip/firewall/address-list").required("list", "address")
                .defaults("disabled", "false", "dynamic", "false").hide("expires").hooks(IpHooks.ADDRESS_LIST));

        // ---- container (only with the container package) ----
        if (s.packages().contains("container")) {
            container(s, v);
        }

        factory(s, identity);
    }

    /**
     * /container and its sub-menus with the attributes each version's command tree lists: 7.16.2 names env and
     * mount lists by "name" and references them as envlist/mounts, the container's name is read-only and
     * /container/config has ram-high; from 7.20 lists are "list" referenced as envlists/mountlists, a container
     * takes a name, lists and mounts can be disabled, mounts have a mode, and config has memory-high/memory-max.
     */
    private static void container(RouterState s, RosVersion v) {
        String listKey = v.listKey();
        boolean newer = v.atLeast(7, 20);
        Builder container = menu("/container").name("name").ref("interface", "/interface/veth")
                .duplicate("failure: already have container with such name")
                .defaults(v.envlistKey(), "", v.mountsKey(), "", "root-dir", "", "start-on-boot", "false",
                        "logging", "false", "cmd", "", "entrypoint", "", "workdir", "", "hostname", "",
                        "domain-name", "", "dns", "", "user", "", "stop-signal", "")
                .hooks(ContainerHooks.CONTAINER);
        reg(s, container);
        Builder envs = menu("/container/envs").required(listKey, "key").defaults("value", "");
        Builder mounts = menu("/container/mounts").required(listKey, "src", "dst");
        Builder config = menu("/container/config").singleton().hide("password")
                .defaults("registry-url", "https://registry-1.docker.io", "tmpdir", "", "layer-dir", "",
                        "username", "");
        if (newer) {
            envs.defaults("disabled", "false");
            mounts.defaults("disabled", "false");
            config.defaults("memory-high", "0", "memory-max", "0");
        } else {
            config.defaults("ram-high", "0");
        }
        reg(s, envs);
        reg(s, mounts);
        reg(s, config);
    }

    private static void factory(RouterState s, String identity) {
        s.restore("/system/identity", "*0", Map.of("name", identity));
        s.restore("/system/resource", "*0", Map.of());
        if (s.spec("/container/config") != null) {
            s.restore("/container/config", "*0", new LinkedHashMap<>(s.spec("/container/config").defaults()));
        }
        if (s.spec("/safe-mode") != null) {
            s.restore("/safe-mode", "*0", Map.of());
        }
        for (int i = 1; i <= 4; i++) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("name", "ether" + i);
            p.put("default-name", "ether" + i);
            p.put("type", "ether");
            p.put("mtu", "1500");
            p.put("l2mtu", "1514");
            p.put("mac-address", String.format(Locale.ROOT, "0C:4D:2A:7E:%02X:%02X", 0x10, i));
            p.put("disabled", "false");
            p.put("arp", "enabled");
            p.put("auto-negotiation", "true");
            s.restore("/interface", "*" + Integer.toHexString(i).toUpperCase(Locale.ROOT), p);
        }
        Map<String, String> main = new LinkedHashMap<>();
        main.put("name", "main");
        main.put("fib", "true");
        main.put("disabled", "false");
        main.put("dynamic", "true");
        main.put("invalid", "false");
        s.restore("/routing/table", "*0", main);
        String[] pkgs = s.packages().stream().sorted((a, b) -> a.equals("routeros") ? -1 : b.equals("routeros") ? 1
                : a.compareTo(b)).toArray(String[]::new);
        for (int i = 0; i < pkgs.length; i++) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("name", pkgs[i]);
            p.put("version", s.version.text());
            p.put("build-time", s.version.text().equals("7.16.2") ? "2024-11-29 12:22:08" : "2025-11-20 10:11:12");
            p.put("scheduled", "");
            p.put("disabled", "false");
            p.put("available", "false");
            s.restore("/system/package", "*" + (i + 1), p);
        }
    }

    // ---- builder ----

    static Builder menu(String path) {
        return new Builder(path);
    }

    static Builder iface(String path, String type, String autoName) {
        Builder b = new Builder(path).table("/interface").type(type).name("name").hide("type")
                .duplicate("failure: already have interface with such name").defaults("disabled", "false")
                .hooks(InterfaceHooks.GENERAL);
        if (autoName != null) {
            b.autoName(autoName);
        }
        return b;
    }

    private static void reg(RouterState s, Builder b) {
        s.register(b.build());
    }

    static final class Builder {
        private final String path;
        private String table;
        private String type;
        private boolean singleton;
        private final Map<String, String> defaults = new LinkedHashMap<>();
        private final List<String> required = new ArrayList<>();
        private String nameKey;
        private final Map<String, MenuSpec.Ref> refs = new HashMap<>();
        private final Set<String> hidden = new LinkedHashSet<>();
        private Set<String> only;
        private String autoName;
        private String duplicate = "failure: already have item with such name";
        private MenuSpec.Hooks hooks = MenuSpec.NO_HOOKS;

        Builder(String path) {
            this.path = path;
            this.table = path;
        }

        Builder table(String t) {
            table = t;
            return this;
        }

        Builder type(String t) {
            type = t;
            return this;
        }

        Builder singleton() {
            singleton = true;
            return this;
        }

        Builder defaults(String... kv) {
            for (int i = 0; i < kv.length; i += 2) {
                defaults.put(kv[i], kv[i + 1]);
            }
            return this;
        }

        Builder required(String... r) {
            required.addAll(List.of(r));
            return this;
        }

        Builder name(String key) {
            nameKey = key;
            return this;
        }

        Builder ref(String prop, String menu) {
            refs.put(prop, new MenuSpec.Ref(menu, "name", Set.of()));
            return this;
        }

        Builder refLiterals(String prop, String menu, String... literals) {
            refs.put(prop, new MenuSpec.Ref(menu, "name", Set.of(literals)));
            return this;
        }

        Builder hide(String... h) {
            hidden.addAll(List.of(h));
            return this;
        }

        Builder only(Set<String> o) {
            only = o;
            return this;
        }

        Builder autoName(String a) {
            autoName = a;
            return this;
        }

        Builder duplicate(String message) {
            duplicate = message;
            return this;
        }

        Builder hooks(MenuSpec.Hooks h) {
            hooks = h;
            return this;
        }

        MenuSpec build() {
            return new MenuSpec(path, table, type, singleton, Map.copyOf(defaults).isEmpty() ? Map.of()
                    : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaults)), List.copyOf(required),
                    nameKey, Map.copyOf(refs), Set.copyOf(hidden), only, autoName, duplicate, hooks);
        }
    }
}

package com.nasnetconnect.routeros.sim;

import java.util.Map;
import java.util.Set;

/**
 * Renders the configuration as RouterOS export text: one section per menu with "add"/"set" lines holding the
 * properties that differ from the defaults (read-only and derived properties are left out).
 */
final class Export {

    private static final Set<String> SKIP = Set.of("type", "running", "dynamic", "invalid", "network", "public-key",
            "status", "tag", "os", "arch", "run-count", "creation-time", "actual-mtu", "l2mtu", "mac-address",
            "default-name", "auto-negotiation", "arp", "build-time", "version", "available", "scheduled");

    private Export() {
    }

    private static final Set<String> SENSITIVE = Set.of("private-key", "preshared-key", "password");

    /** Renders the export; sensitive values (keys, passwords) only with show-sensitive, as RouterOS 7 does. */
    static String render(RouterState s, boolean showSensitive) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(s.version.text()).append(" (stable)\n# model = CHR\n");
        synchronized (s) {
            for (MenuSpec spec : s.specs()) {
                if (spec.path().equals("/log") || spec.path().equals("/system/resource")
                        || spec.path().equals("/system/package") || spec.path().equals("/interface")
                        || spec.path().equals("/safe-mode")) {
                    continue;
                }
                StringBuilder section = new StringBuilder();
                for (Item item : s.table(spec.table()).items) {
                    if (!spec.stores(item) || "true".equals(item.get("dynamic"))) {
                        continue;
                    }
                    StringBuilder line = new StringBuilder();
                    for (Map.Entry<String, String> e : item.props.entrySet()) {
                        String k = e.getKey();
                        if (SKIP.contains(k) || spec.hidden().contains(k)
                                || (!showSensitive && SENSITIVE.contains(k))) {
                            continue;
                        }
                        if (e.getValue().equals(spec.defaults().get(k)) && !k.equals(spec.nameKey())) {
                            continue;
                        }
                        line.append(' ').append(k).append('=').append(quote(e.getValue()));
                    }
                    if (spec.singleton() || "ether".equals(spec.type())) {
                        if (line.isEmpty() || (spec.type() != null && !changed(item))) {
                            continue;
                        }
                        section.append("set").append(spec.singleton() ? "" : " [ find default-name="
                                + item.get("default-name") + " ]").append(line).append('\n');
                    } else {
                        section.append("add").append(line).append('\n');
                    }
                }
                if (!section.isEmpty()) {
                    b.append('/').append(spec.path().substring(1).replace('/', ' '))
                            .append('\n').append(section);
                }
            }
        }
        return b.toString();
    }

    private static boolean changed(Item ether) {
        return !ether.get("name").equals(ether.get("default-name")) || !"1500".equals(ether.get("mtu"))
                || ether.get("comment") != null || "true".equals(ether.get("disabled"));
    }

    static String quote(String v) {
        if (!v.isEmpty() && v.matches("[A-Za-z0-9_.:/,*@+-]+")) {
            return v;
        }
        return "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$").replace("\n", "\\n") + "\"";
    }
}

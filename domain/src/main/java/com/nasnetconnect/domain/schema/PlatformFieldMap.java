package com.nasnetconnect.domain.schema;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one platform names each resource kind's configuration: the menu (RouterOS {@code /interface/vlan},
 * OpenWrt {@code network.device}) and, per domain field ({@code vlanId}), the router's attribute
 * ({@code vlan-id}). Built from the schema's {@code @mikrotik} / {@code @openwrt} directives; adapters and
 * the apply service translate through it and never spell attribute names themselves.
 */
public final class PlatformFieldMap {

    /**
     * The map of one kind: its menu (may be null when the platform has none), field -> attribute (the current
     * name), and the fields whose attribute the platform renamed, with the name older versions use.
     */
    public record KindMap(String menu, Map<String, String> attributes, Map<String, Rename> renamed) {
        public KindMap {
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            renamed = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(renamed));
            for (String f : renamed.keySet()) {
                if (!attributes.containsKey(f)) throw new IllegalArgumentException("renamed field " + f + " has no attribute");
            }
        }

        public KindMap(String menu, Map<String, String> attributes) {
            this(menu, attributes, Map.of());
        }

        /** Field -> attribute as a router of this version names it (e.g. 7.16.2: {@code list} -> {@code name}). */
        public Map<String, String> attributesOn(String version) {
            if (renamed.isEmpty()) return attributes;
            var out = new LinkedHashMap<String, String>();
            attributes.forEach((f, a) -> {
                var r = renamed.get(f);
                out.put(f, r != null && !r.appliesTo(version) ? r.formerly() : a);
            });
            return java.util.Collections.unmodifiableMap(out);
        }
    }

    /**
     * An attribute the platform renamed ({@code @mikrotik(renamedIn:, formerly:)}): versions before
     * {@code renamedIn} (major.minor) call it {@code formerly}.
     */
    public record Rename(String formerly, String renamedIn) {
        public Rename {
            if (formerly == null || formerly.isBlank()) throw new IllegalArgumentException("blank former attribute name");
            if (renamedIn == null || !renamedIn.matches("\\d+\\.\\d+")) {
                throw new IllegalArgumentException("renamedIn must be major.minor, e.g. 7.20: '" + renamedIn + "'");
            }
        }

        /**
         * Whether a router of this version (e.g. {@code 7.23.3}, {@code 7.16.2 (stable)}) has the new name. An
         * unreadable version counts as current: the schema's names are the current ones.
         */
        public boolean appliesTo(String version) {
            int[] v = majorMinor(version);
            int[] since = majorMinor(renamedIn);
            if (v == null) return true;
            return v[0] > since[0] || (v[0] == since[0] && v[1] >= since[1]);
        }

        private static int[] majorMinor(String version) {
            if (version == null) return null;
            var m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version.strip());
            return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
        }
    }

    private final String platform;
    private final Map<ResourceKind, KindMap> kinds;

    /** @param platform e.g. {@code mikrotik}, {@code openwrt}; shown in error messages */
    public PlatformFieldMap(String platform, Map<ResourceKind, KindMap> kinds) {
        this.platform = platform;
        this.kinds = kinds.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(kinds));
    }

    /**
     * This map as a router of the given version names things: each renamed attribute under the name that version
     * uses (RouterOS 7.16.2: {@code /container/envs} {@code name}, {@code /container} {@code envlist}). The
     * result has no renames left; a map without renames is returned as is.
     */
    public PlatformFieldMap on(String version) {
        if (kinds.values().stream().allMatch(k -> k.renamed().isEmpty())) return this;
        var out = new LinkedHashMap<ResourceKind, KindMap>();
        kinds.forEach((k, m) -> out.put(k, new KindMap(m.menu(), m.attributesOn(version))));
        return new PlatformFieldMap(platform, out);
    }

    public String platform() {
        return platform;
    }

    public boolean supports(ResourceKind kind) {
        return kinds.containsKey(kind);
    }

    public KindMap of(ResourceKind kind) {
        var m = kinds.get(kind);
        if (m == null) throw new IllegalArgumentException(platform + " has no mapping for resource kind " + kind);
        return m;
    }

    /** The menu of a kind, e.g. {@code /interface/vlan}. */
    public String menu(ResourceKind kind) {
        var menu = of(kind).menu();
        if (menu == null) throw new IllegalArgumentException(platform + " has no menu for resource kind " + kind);
        return menu;
    }

    /** The router attribute for a domain field, e.g. {@code vlanId} -> {@code vlan-id}. */
    public Optional<String> attribute(ResourceKind kind, String field) {
        return Optional.ofNullable(of(kind).attributes().get(field));
    }

    /** The domain field for a router attribute, e.g. {@code vlan-id} -> {@code vlanId}. */
    public Optional<String> field(ResourceKind kind, String attribute) {
        return of(kind).attributes().entrySet().stream()
                .filter(e -> e.getValue().equals(attribute)).map(Map.Entry::getKey).findFirst();
    }

    /**
     * Domain configuration -> router attributes, in schema order: values as {@link RouterText} writes them
     * (lists comma-separated, booleans {@code yes}/{@code no}), nulls are left out. A field with no mapping is an error (it would be lost).
     */
    public Map<String, String> toRouter(ResourceKind kind, Map<String, ?> configuration) {
        var map = of(kind).attributes();
        var out = new LinkedHashMap<String, String>();
        configuration.forEach((field, value) -> {
            if (value == null) return;
            String attr = map.get(field);
            if (attr == null) throw new IllegalArgumentException(platform + " has no attribute for " + kind + "." + field);
            out.put(attr, text(value));
        });
        return out;
    }

    /** Router attributes -> domain fields (as text); attributes the schema does not map are dropped. */
    public Map<String, String> fromRouter(ResourceKind kind, Map<String, String> attributes) {
        var out = new LinkedHashMap<String, String>();
        of(kind).attributes().forEach((field, attr) -> {
            String v = attributes.get(attr);
            if (v != null) out.put(field, v);
        });
        return out;
    }

    private static String text(Object value) {
        return RouterText.of(value);
    }

    /** Every mapped kind. */
    public List<ResourceKind> kinds() {
        return List.copyOf(kinds.keySet());
    }
}

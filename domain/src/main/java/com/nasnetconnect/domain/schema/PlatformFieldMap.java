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

    /** The map of one kind: its menu (may be null when the platform has none) and field -> attribute. */
    public record KindMap(String menu, Map<String, String> attributes) {
        public KindMap {
            attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    private final String platform;
    private final Map<ResourceKind, KindMap> kinds;

    /** @param platform e.g. {@code mikrotik}, {@code openwrt}; shown in error messages */
    public PlatformFieldMap(String platform, Map<ResourceKind, KindMap> kinds) {
        this.platform = platform;
        this.kinds = kinds.isEmpty() ? Map.of() : java.util.Collections.unmodifiableMap(new EnumMap<>(kinds));
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

package com.nasnetconnect.domain.schema;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The one {@link ResourceKind} is generated from the schema's enum, which lists the kinds in a safe creation
 * order (a kind never depends on a kind listed after it; plans may use it as a tie-breaker). This class adds
 * what a generated enum cannot: lenient parsing and the schema's naming convention for a kind's types.
 */
public final class ResourceKinds {
    private ResourceKinds() {
    }

    /** Parses {@code "VLAN"}, {@code "wireguard_peer"}, {@code "wireguard-peer"}; names the bad value otherwise. */
    public static ResourceKind parse(String text) {
        if (text != null) {
            String n = text.trim().replace('-', '_');
            for (ResourceKind k : ResourceKind.values()) {
                if (k.name().equalsIgnoreCase(n)) return k;
            }
        }
        throw new IllegalArgumentException("unknown resource kind: '" + text + "'");
    }

    /** {@code BRIDGE_PORT} -> {@code BridgePort}; {@code +Config} / {@code +Input} name its other types. */
    public static String typeName(ResourceKind kind) {
        return Arrays.stream(kind.name().split("_"))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining());
    }
}

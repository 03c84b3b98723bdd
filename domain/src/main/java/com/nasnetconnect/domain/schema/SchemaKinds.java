package com.nasnetconnect.domain.schema;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The schema's naming convention for resource kinds: {@code BRIDGE_PORT} -> {@code BridgePort}. */
public final class SchemaKinds {
    private SchemaKinds() {
    }

    /** {@code BRIDGE_PORT} -> {@code BridgePort}; {@code +Config} / {@code +Input} name its other types. */
    public static String typeName(ResourceKind kind) {
        return Arrays.stream(kind.name().split("_"))
                .map(w -> w.charAt(0) + w.substring(1).toLowerCase(java.util.Locale.ROOT))
                .collect(Collectors.joining());
    }

    /** The same for the state model's kind (same constant names). */
    public static String typeName(com.nasnetconnect.domain.state.ResourceKind kind) {
        return typeName(ResourceKind.valueOf(kind.name()));
    }
}

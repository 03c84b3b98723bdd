package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.PlatformFieldMap;
import com.nasnetconnect.domain.state.ResourceKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * {@link FieldMapping} read from the schema: the {@code @mikrotik(field:)} directives (as a
 * {@link PlatformFieldMap}) and the {@code @sensitive} fields of each kind's configuration type
 * ({@code VlanConfig}, {@code WireguardInterfaceConfig}, …). Kinds the schema does not map have no fields.
 */
public final class SchemaFieldMapping implements FieldMapping {
    private final PlatformFieldMap mikrotik;
    private final Map<String, Set<String>> sensitiveByType;

    /**
     * @param mikrotik        the schema's RouterOS field map (server: {@code SchemaDirectives.mikrotik()})
     * @param sensitiveByType type name → {@code @sensitive} fields (server: {@code SchemaDirectives.sensitiveFields()})
     */
    public SchemaFieldMapping(PlatformFieldMap mikrotik, Map<String, Set<String>> sensitiveByType) {
        this.mikrotik = Objects.requireNonNull(mikrotik, "mikrotik");
        this.sensitiveByType = Map.copyOf(sensitiveByType);
    }

    @Override
    public List<FieldBinding> bindings(ResourceKind kind) {
        var schemaKind = com.nasnetconnect.domain.schema.types.ResourceKind.valueOf(kind.name());
        if (!mikrotik.supports(schemaKind)) return List.of();
        var secret = new java.util.HashSet<String>();
        secret.addAll(sensitiveByType.getOrDefault(typeName(kind) + "Config", Set.of()));
        secret.addAll(sensitiveByType.getOrDefault(typeName(kind) + "Input", Set.of()));
        var out = new ArrayList<FieldBinding>();
        mikrotik.of(schemaKind).attributes().forEach((field, attr) -> out.add(new FieldBinding(field, attr, secret.contains(field))));
        return List.copyOf(out);
    }

    /** {@code BRIDGE_PORT} → {@code BridgePort}: how the schema names a kind's types. */
    static String typeName(ResourceKind kind) {
        var sb = new StringBuilder();
        for (String w : kind.name().split("_")) sb.append(w.charAt(0)).append(w.substring(1).toLowerCase());
        return sb.toString();
    }
}

package com.nasnetconnect.domain.schema;

import com.nasnetconnect.domain.apply.FieldBinding;
import com.nasnetconnect.domain.apply.FieldMapping;
import com.nasnetconnect.domain.state.ResourceKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The apply service's {@link FieldMapping} read from the schema's {@code @mikrotik} directives (through a
 * {@link PlatformFieldMap}), with {@code secret} set from {@code @sensitive}. Bindings keep schema order.
 */
public final class SchemaFieldMapping implements FieldMapping {
    private final Map<ResourceKind, List<FieldBinding>> bindings = new EnumMap<>(ResourceKind.class);

    /**
     * @param mikrotik the schema's RouterOS map
     * @param redactor knows which configuration fields are sensitive ({@code <Type>Config.field})
     */
    public SchemaFieldMapping(PlatformFieldMap mikrotik, Redactor redactor) {
        for (var schemaKind : mikrotik.kinds()) {
            ResourceKind kind = ResourceKind.valueOf(schemaKind.name());
            String configType = SchemaKinds.typeName(schemaKind) + "Config";
            bindings.put(kind, mikrotik.of(schemaKind).attributes().entrySet().stream()
                    .map(e -> new FieldBinding(e.getKey(), e.getValue(), redactor.isSensitive(configType, e.getKey())))
                    .toList());
        }
    }

    @Override
    public List<FieldBinding> bindings(ResourceKind kind) {
        return bindings.getOrDefault(kind, List.of());
    }
}

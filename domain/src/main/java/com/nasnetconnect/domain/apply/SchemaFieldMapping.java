package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.SchemaTables;
import com.nasnetconnect.domain.schema.PlatformFieldMap;
import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.ResourceKinds;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * The apply service's {@link FieldMapping}: the schema's {@code @mikrotik} directives (a {@link PlatformFieldMap})
 * with {@code secret} set from {@code @sensitive}. Bindings keep schema order. {@link #generated()} is the
 * mapping generated from schema.graphql at build time, the one production uses.
 */
public final class SchemaFieldMapping implements FieldMapping {
    private static final SchemaFieldMapping GENERATED =
            new SchemaFieldMapping(SchemaTables.mikrotik(), SchemaTables.sensitiveFields());

    private final Map<ResourceKind, List<FieldBinding>> bindings = new EnumMap<>(ResourceKind.class);
    private final PlatformFieldMap mikrotik;
    private final BiPredicate<String, String> sensitive;
    private final Map<String, SchemaFieldMapping> byVersion = new java.util.concurrent.ConcurrentHashMap<>();

    /** The mapping of the schema this server was built with. */
    public static SchemaFieldMapping generated() {
        return GENERATED;
    }

    /**
     * @param mikrotik the schema's RouterOS map
     * @param redactor knows which configuration fields are sensitive ({@code <Type>Config.field})
     */
    public SchemaFieldMapping(PlatformFieldMap mikrotik, Redactor redactor) {
        this(mikrotik, (BiPredicate<String, String>) redactor::isSensitive);
    }

    private SchemaFieldMapping(PlatformFieldMap mikrotik, Map<String, Set<String>> sensitive) {
        this(mikrotik, (BiPredicate<String, String>) (type, field) -> sensitive.getOrDefault(type, Set.of()).contains(field));
    }

    private SchemaFieldMapping(PlatformFieldMap mikrotik, BiPredicate<String, String> sensitive) {
        this.mikrotik = mikrotik;
        this.sensitive = sensitive;
        for (var kind : mikrotik.kinds()) {
            String configType = ResourceKinds.typeName(kind) + "Config";
            bindings.put(kind, mikrotik.of(kind).attributes().entrySet().stream()
                    .map(e -> new FieldBinding(e.getKey(), e.getValue(), sensitive.test(configType, e.getKey())))
                    .toList());
        }
    }

    /**
     * The bindings as a router of this version names its attributes ({@code @mikrotik(renamedIn:, formerly:)}):
     * on 7.16.2 {@code ContainerEnv.list} is {@code name} and {@code Container.envlist} is {@code envlist}; from
     * 7.20 they are {@code list} and {@code envlists}. Kept per version.
     */
    @Override
    public FieldMapping on(String routerVersion) {
        return byVersion.computeIfAbsent(routerVersion == null ? "" : routerVersion, v -> {
            var map = mikrotik.on(v);
            return map == mikrotik ? this : new SchemaFieldMapping(map, sensitive);
        });
    }

    @Override
    public List<FieldBinding> bindings(ResourceKind kind) {
        return bindings.getOrDefault(kind, List.of());
    }
}

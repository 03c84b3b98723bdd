package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.apply.FieldBinding;
import com.nasnetconnect.domain.apply.FieldMapping;
import com.nasnetconnect.domain.apply.StaticFieldMapping;
import com.nasnetconnect.domain.state.ResourceKind;
import com.nasnetconnect.server.graphql.SchemaDirectives;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The apply services' {@link FieldMapping} read from the schema's {@code @mikrotik(field:)} directives, so every
 * field the GraphQL inputs accept reaches the router under the attribute the schema names, and secrets are the
 * {@code @sensitive} fields. Bindings of the built-in {@link StaticFieldMapping} whose RouterOS attribute the schema
 * does not map are kept after the schema's (the apply specs' identity fields may name them, e.g. a mangle rule's
 * {@code protocol}); a built-in binding of an attribute the schema maps is dropped, so each attribute has one name.
 *
 * <p>Wire it as {@code ResourceKindSpecs.defaults(new SchemaFieldMapping(directives))}.
 */
public final class SchemaFieldMapping implements FieldMapping {
    private final Map<ResourceKind, List<FieldBinding>> table = new EnumMap<>(ResourceKind.class);

    public SchemaFieldMapping(SchemaDirectives directives) {
        var builtIn = new StaticFieldMapping();
        var map = directives.mikrotik();
        for (ResourceKind kind : ResourceKind.values()) {
            var schemaKind = GraphQlMapper.kind(kind);
            var bindings = new ArrayList<FieldBinding>();
            var attributes = new HashSet<String>();
            if (map.supports(schemaKind)) {
                Set<String> secret = directives.sensitiveFields()
                        .getOrDefault(SchemaDirectives.typeName(schemaKind) + "Config", Set.of());
                map.of(schemaKind).attributes().forEach((field, attr) -> {
                    bindings.add(new FieldBinding(field, attr, secret.contains(field)));
                    attributes.add(attr);
                });
            }
            for (FieldBinding b : builtIn.bindings(kind)) {
                boolean nameTaken = bindings.stream().anyMatch(x -> x.domainField().equals(b.domainField()));
                if (!attributes.contains(b.routerAttribute()) && !nameTaken) bindings.add(b);
            }
            table.put(kind, List.copyOf(bindings));
        }
    }

    @Override
    public List<FieldBinding> bindings(ResourceKind kind) {
        return table.getOrDefault(kind, List.of());
    }
}

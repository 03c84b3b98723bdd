package com.nasnetconnect.domain.schema;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * What the schema marks {@code @sensitive}, applied where no {@link Redactor} instance is at hand: router
 * command text and exception messages ({@link com.nasnetconnect.domain.state.SensitiveState} masks resources and
 * events with it). The set is generated from schema.graphql at
 * build time ({@link SchemaTables}), the same set the {@link Redactor} masks GraphQL responses with: one
 * source for every channel. A masked value reads {@link Redactor#MASK}.
 */
public final class Secrets {
    private static final Map<ResourceKind, Set<String>> CONFIGURATION = configurationFields();

    private Secrets() {
    }

    /** True for a RouterOS attribute that carries a secret ({@code private-key}, {@code preshared-key}, {@code password}). */
    public static boolean isSensitiveAttribute(String routerAttribute) {
        return SchemaTables.sensitiveRouterAttributes().contains(routerAttribute);
    }

    /** The sensitive configuration fields of a kind ({@code WIREGUARD_INTERFACE} -> {@code privateKey}). */
    public static Set<String> configurationFields(ResourceKind kind) {
        return CONFIGURATION.getOrDefault(kind, Set.of());
    }

    /** {@code text} with every occurrence of the given secret values replaced by the mask (for router replies that echo one). */
    public static String scrub(String text, Iterable<String> secretValues) {
        if (text == null) return null;
        String out = text;
        for (String s : secretValues) {
            if (s != null && !s.isEmpty()) out = out.replace(s, Redactor.MASK);
        }
        return out;
    }

    private static Map<ResourceKind, Set<String>> configurationFields() {
        var out = new EnumMap<ResourceKind, Set<String>>(ResourceKind.class);
        for (ResourceKind k : ResourceKind.values()) {
            var fields = SchemaTables.sensitiveFields().get(ResourceKinds.typeName(k) + "Config");
            if (fields != null) out.put(k, Set.copyOf(fields));
        }
        return out;
    }
}

package com.nasnetconnect.domain.schema;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceEvent;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the schema marks {@code @sensitive}, applied where no {@link Redactor} instance is at hand: router
 * command text, the in-process event bus, exception messages. The set is generated from schema.graphql at
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

    /** A copy of a kind's configuration with every sensitive value masked. */
    public static Fields redact(ResourceKind kind, Fields configuration) {
        var secret = configurationFields(kind);
        if (secret.isEmpty() || secret.stream().noneMatch(configuration::has)) return configuration;
        var out = new LinkedHashMap<String, Object>(configuration.values());
        out.replaceAll((field, value) -> secret.contains(field) ? Redactor.MASK : value);
        return new Fields(out);
    }

    /**
     * An event as it may travel the in-process bus: the sensitive configuration values of its state and of its
     * changes masked. The event log keeps the original; only what listeners see is masked.
     */
    public static ResourceEvent redact(ResourceEvent e) {
        var secret = configurationFields(e.kind());
        if (secret.isEmpty()) return e;
        var changes = e.changes().stream().map(d -> secret.contains(d.field())
                ? new FieldDifference(d.field(), d.before().map(v -> (Object) Redactor.MASK), d.after().map(v -> (Object) Redactor.MASK))
                : d).toList();
        Optional<Resource> state = e.state().map(r -> new Resource(r.id(), r.routerId(), r.kind(),
                redact(r.kind(), r.configuration()), r.validation(), r.deployment(), r.runtime(), r.telemetry(),
                r.metadata(), r.relationships(), r.platform()));
        return new ResourceEvent(e.sequence(), e.routerId(), e.resourceId(), e.kind(), e.type(), e.at(), e.actor(),
                e.version(), changes, state);
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

package com.nasnetconnect.domain.schema;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Masks {@code @sensitive} values wherever data leaves the server: GraphQL responses, events, logs and
 * exports. The set of sensitive fields comes from the schema (type name -> field names). Revealing one value
 * needs {@link Role#ADMIN} and is audited before the value is produced.
 */
public final class Redactor {
    public static final String MASK = FieldRule.MASK;

    private final Map<String, Set<String>> sensitive;
    private final SecretRevealAudit audit;
    private final Clock clock;

    public Redactor(Map<String, Set<String>> sensitiveFieldsByType, SecretRevealAudit audit, Clock clock) {
        var copy = new LinkedHashMap<String, Set<String>>();
        sensitiveFieldsByType.forEach((t, f) -> copy.put(t, Set.copyOf(f)));
        this.sensitive = Map.copyOf(copy);
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public boolean isSensitive(String typeName, String field) {
        return sensitive.getOrDefault(typeName, Set.of()).contains(field);
    }

    /** Sensitive fields of a type, e.g. {@code WireguardInterfaceConfig} -> {@code privateKey}. */
    public Set<String> sensitiveFields(String typeName) {
        return sensitive.getOrDefault(typeName, Set.of());
    }

    /** Every type that has sensitive fields. */
    public Set<String> typesWithSecrets() {
        return sensitive.keySet();
    }

    /** The value as it may be shown: the mask for a non-null sensitive value, the value otherwise. */
    public Object mask(String typeName, String field, Object value) {
        return value != null && isSensitive(typeName, field) ? MASK : value;
    }

    /**
     * A copy of {@code values} (fields of {@code typeName}, e.g. a configuration in an event or an export)
     * with every sensitive value masked. Nested maps are left as they are: redact them with their own type.
     */
    public Map<String, Object> redact(String typeName, Map<String, ?> values) {
        var out = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> out.put(k, mask(typeName, k, v)));
        return out;
    }

    /** Masks every value whose field is sensitive in any of the given types (for events that mix types). */
    public Map<String, Object> redactAny(List<String> typeNames, Map<String, ?> values) {
        var out = new LinkedHashMap<String, Object>();
        values.forEach((k, v) -> out.put(k,
                v != null && typeNames.stream().anyMatch(t -> isSensitive(t, k)) ? MASK : v));
        return out;
    }

    /**
     * Gives one sensitive value in clear to an admin, after recording who, what and why.
     *
     * @throws com.nasnetconnect.domain.security.AccessDeniedException below admin (nothing is audited or read)
     * @throws IllegalArgumentException when the field is not sensitive (there is nothing to reveal) or the reason is blank
     */
    public String reveal(Principal who, String subject, String typeName, String field, String reason, Supplier<String> value) {
        who.require(Role.ADMIN, "reveal " + typeName + "." + field);
        if (!isSensitive(typeName, field)) {
            throw new IllegalArgumentException(typeName + "." + field + " is not a sensitive field");
        }
        if (reason == null || reason.isBlank()) throw new IllegalArgumentException("a reason is required to reveal a secret");
        audit.revealed(who, subject, typeName + "." + field, reason, clock.instant());
        return value.get();
    }
}

package com.nasnetconnect.storage.state;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.SecretCipher;
import com.nasnetconnect.domain.state.Deployment;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Keeps secret configuration values (a WireGuard private key, a pre-shared key, …) sealed in the router
 * databases: rows, event changes and event snapshots hold {@code sealed:<cipher text>} instead of the value.
 * Which fields are secret comes from schema.graphql's {@code @sensitive} (through the field mapping). Opening
 * needs no kind: any value that carries the prefix is opened.
 */
public final class SecretFieldSealer {
    static final String PREFIX = "sealed:";

    /** Stores everything as given (for tests of unrelated behaviour). */
    public static final SecretFieldSealer NONE = new SecretFieldSealer(null, (kind, field) -> false);

    private final SecretCipher cipher;
    private final BiPredicate<ResourceKind, String> secret;

    public SecretFieldSealer(SecretCipher cipher, BiPredicate<ResourceKind, String> secret) {
        this.cipher = cipher;
        this.secret = Objects.requireNonNull(secret, "secret");
    }

    Resource seal(Resource r) {
        if (cipher == null) return r;
        return new Resource(r.id(), r.routerId(), r.kind(), seal(r.kind(), r.configuration()), r.validation(),
                r.deployment().map(d -> new Deployment(d.nativeId(), seal(r.kind(), d.confirmed()), d.appliedAt(), d.appliedBy(), d.drift())),
                r.runtime(), r.telemetry(), r.metadata(), r.relationships(), r.platform());
    }

    Resource open(Resource r) {
        if (cipher == null) return r;
        return new Resource(r.id(), r.routerId(), r.kind(), open(r.configuration()), r.validation(),
                r.deployment().map(d -> new Deployment(d.nativeId(), open(d.confirmed()), d.appliedAt(), d.appliedBy(), d.drift())),
                r.runtime(), r.telemetry(), r.metadata(), r.relationships(), r.platform());
    }

    Fields seal(ResourceKind kind, Fields fields) {
        if (cipher == null) return fields;
        var out = new LinkedHashMap<String, Object>();
        fields.values().forEach((name, value) -> out.put(name, secret.test(kind, name) ? sealValue(value) : value));
        return new Fields(out);
    }

    Fields open(Fields fields) {
        if (cipher == null) return fields;
        var out = new LinkedHashMap<String, Object>();
        fields.values().forEach((name, value) -> out.put(name, openValue(value)));
        return new Fields(out);
    }

    List<FieldDifference> seal(ResourceKind kind, List<FieldDifference> changes) {
        if (cipher == null) return changes;
        return changes.stream().map(d -> secret.test(kind, d.field())
                ? new FieldDifference(d.field(), d.before().map(this::sealValue), d.after().map(this::sealValue)) : d).toList();
    }

    List<FieldDifference> open(List<FieldDifference> changes) {
        if (cipher == null) return changes;
        return changes.stream().map(d -> new FieldDifference(d.field(), d.before().map(this::openValue),
                d.after().map(this::openValue))).toList();
    }

    Optional<Resource> open(Optional<Resource> r) {
        return r.map(this::open);
    }

    private Object sealValue(Object value) {
        if (!(value instanceof String s) || s.isEmpty() || s.startsWith(PREFIX)) return value;
        return PREFIX + cipher.seal(Secret.of(s));
    }

    private Object openValue(Object value) {
        if (value instanceof String s && s.startsWith(PREFIX)) return cipher.open(s.substring(PREFIX.length())).reveal();
        return value;
    }
}

package com.nasnetconnect.domain.update;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One metadata file of an update repository, TUF-style: {@code {"signed": {...}, "signatures": [{"keyid", "sig"}]}}
 * where each signature is Ed25519 over the {@linkplain CanonicalJson canonical} bytes of {@code signed}, and
 * {@code signed} carries at least {@code _type} (the role: root, timestamp, targets), {@code version} (a whole
 * number that only grows) and {@code expires} (an ISO-8601 instant).
 *
 * @param raw the bytes as fetched or stored (what "the same version" is compared by)
 */
public record SignedMetadata(String role, long version, Instant expires, Map<String, Object> signed,
                             List<KeySignature> signatures, byte[] raw) {
    public static final Set<String> ROLES = Set.of("root", "timestamp", "targets");

    /** One signature: the signing key's id and the signature in base64. */
    public record KeySignature(String keyId, String signature) {
    }

    public SignedMetadata {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(expires, "expires");
        signed = java.util.Collections.unmodifiableMap(new TreeMap<>(signed));
        signatures = List.copyOf(signatures);
        raw = raw.clone();
    }

    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** The bytes the signatures cover. */
    public byte[] canonicalSigned() {
        return CanonicalJson.encode(signed);
    }

    /** Whether {@code key} (of id {@code keyId}) signed these bytes. */
    public boolean signedBy(String keyId, PublicKey key) {
        byte[] data = canonicalSigned();
        return signatures.stream().anyMatch(s -> s.keyId().equals(keyId) && UpdateKeys.verify(key, data, s.signature()));
    }

    /**
     * Reads a metadata file of {@code expectedRole}.
     *
     * @throws MetadataRefused in plain words ("targets.json is not valid metadata: …") when it is not
     */
    @SuppressWarnings("unchecked")
    public static SignedMetadata parse(String expectedRole, byte[] raw) {
        String file = expectedRole + ".json";
        try {
            Map<String, Object> top = CanonicalJson.parseObject(raw);
            if (!(top.get("signed") instanceof Map<?, ?> signed)) throw new IllegalArgumentException("it has no \"signed\" object");
            if (!(top.get("signatures") instanceof List<?> sigs)) throw new IllegalArgumentException("it has no \"signatures\" list");
            Map<String, Object> s = (Map<String, Object>) signed;
            String type = string(s, "_type");
            if (!type.equals(expectedRole)) throw new IllegalArgumentException("its _type is '" + type + "', not '" + expectedRole + "'");
            long version = number(s, "version");
            if (version < 1) throw new IllegalArgumentException("its version " + version + " is below 1");
            Instant expires = Instant.parse(string(s, "expires"));
            List<KeySignature> signatures = new ArrayList<>();
            for (Object o : sigs) {
                if (!(o instanceof Map<?, ?> m)) throw new IllegalArgumentException("a signature is not an object");
                signatures.add(new KeySignature(string((Map<String, Object>) m, "keyid"), string((Map<String, Object>) m, "sig")));
            }
            return new SignedMetadata(type, version, expires, s, signatures, raw);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new MetadataRefused(file + " is not valid metadata: " + e.getMessage());
        }
    }

    /** Signs {@code signed} with each key and returns the file's bytes (canonical JSON). */
    public static byte[] sign(Map<String, Object> signed, List<PrivateKey> keys) {
        byte[] data = CanonicalJson.encode(signed);
        List<Object> sigs = new ArrayList<>();
        for (PrivateKey k : keys) {
            sigs.add(Map.of("keyid", UpdateKeys.keyId(UpdateKeys.publicOf(k)), "sig", UpdateKeys.sign(k, data)));
        }
        return CanonicalJson.encode(Map.of("signed", signed, "signatures", sigs));
    }

    static String string(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof String s)) throw new IllegalArgumentException("\"" + key + "\" is missing or not a string");
        return s;
    }

    static long number(Map<String, Object> m, String key) {
        if (!(m.get(key) instanceof Long n)) throw new IllegalArgumentException("\"" + key + "\" is missing or not a whole number");
        return n;
    }
}

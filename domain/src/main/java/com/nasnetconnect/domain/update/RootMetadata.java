package com.nasnetconnect.domain.update;

import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * {@code root.json}: the keys of the repository and which of them sign each role, with a threshold.
 * {@code signed = {_type: root, version, expires, keys: {keyid: {keytype: ed25519, public: base64}},
 * roles: {root|timestamp|targets: {keyids: [...], threshold: 1}}}}. A new root (version + 1) is trusted only when
 * the current root's keys AND its own keys sign it (rotation). Before any root.json was accepted, the device trusts
 * a root made of the one key of {@code NNC_UPDATE_ROOT_KEY} for every role ({@link #anchor}, version 0).
 */
public record RootMetadata(long version, Map<String, PublicKey> keys, Map<String, Role> roles, SignedMetadata file) {
    /** The keys that sign a role, and how many of them must. */
    public record Role(List<String> keyIds, int threshold) {
        public Role {
            keyIds = List.copyOf(keyIds);
            if (threshold < 1) throw new IllegalArgumentException("a threshold below 1: " + threshold);
        }
    }

    public RootMetadata {
        keys = Map.copyOf(keys);
        roles = Map.copyOf(roles);
    }

    /** The configured trust anchor: one key for every role, version 0, not backed by a file. */
    public static RootMetadata anchor(PublicKey key) {
        String id = UpdateKeys.keyId(key);
        Role only = new Role(List.of(id), 1);
        return new RootMetadata(0, Map.of(id, key), Map.of("root", only, "timestamp", only, "targets", only), null);
    }

    /** @throws MetadataRefused when the file's keys or roles are malformed */
    @SuppressWarnings("unchecked")
    public static RootMetadata of(SignedMetadata file) {
        try {
            Map<String, PublicKey> keys = new TreeMap<>();
            if (!(file.signed().get("keys") instanceof Map<?, ?> km)) throw new IllegalArgumentException("\"keys\" is missing");
            for (var e : ((Map<String, Object>) km).entrySet()) {
                if (!(e.getValue() instanceof Map<?, ?> k)) throw new IllegalArgumentException("key " + e.getKey() + " is not an object");
                String type = SignedMetadata.string((Map<String, Object>) k, "keytype");
                if (!type.equals("ed25519")) throw new IllegalArgumentException("key type '" + type + "' is not ed25519");
                PublicKey pk = UpdateKeys.parsePublic(SignedMetadata.string((Map<String, Object>) k, "public"));
                if (!UpdateKeys.keyId(pk).equals(e.getKey())) throw new IllegalArgumentException("key id " + e.getKey() + " does not match its key");
                keys.put(e.getKey(), pk);
            }
            Map<String, Role> roles = new TreeMap<>();
            if (!(file.signed().get("roles") instanceof Map<?, ?> rm)) throw new IllegalArgumentException("\"roles\" is missing");
            for (String name : SignedMetadata.ROLES) {
                if (!(rm.get(name) instanceof Map<?, ?> r)) throw new IllegalArgumentException("role " + name + " is missing");
                if (!(r.get("keyids") instanceof List<?> ids)) throw new IllegalArgumentException("role " + name + " has no keyids");
                List<String> keyIds = ids.stream().map(String::valueOf).toList();
                for (String id : keyIds) if (!keys.containsKey(id)) throw new IllegalArgumentException("role " + name + " names an unknown key " + id);
                long threshold = SignedMetadata.number((Map<String, Object>) r, "threshold");
                if (threshold < 1 || threshold > keyIds.size()) throw new IllegalArgumentException("role " + name + " has threshold " + threshold
                        + " for " + keyIds.size() + " key(s)");
                roles.put(name, new Role(keyIds, (int) threshold));
            }
            return new RootMetadata(file.version(), keys, roles, file);
        } catch (IllegalArgumentException e) {
            throw new MetadataRefused("root.json version " + file.version() + " is not valid: " + e.getMessage());
        }
    }

    /** True when at least the role's threshold of its keys signed {@code m}. */
    public boolean signs(String role, SignedMetadata m) {
        Role r = Objects.requireNonNull(roles.get(role), role);
        long good = r.keyIds().stream().filter(id -> m.signedBy(id, keys.get(id))).count();
        return good >= r.threshold();
    }

    /** The {@code signed} part of a root listing {@code keys} for every role, threshold 1. */
    public static Map<String, Object> signedPart(long version, String expires, List<PublicKey> keys) {
        Map<String, Object> k = new TreeMap<>();
        for (PublicKey pk : keys) k.put(UpdateKeys.keyId(pk), Map.of("keytype", "ed25519", "public", UpdateKeys.publicBase64(pk)));
        List<String> ids = keys.stream().map(UpdateKeys::keyId).toList();
        Map<String, Object> roles = new TreeMap<>();
        for (String role : SignedMetadata.ROLES) roles.put(role, Map.of("keyids", ids, "threshold", 1L));
        return Map.of("_type", "root", "version", version, "expires", expires, "keys", k, "roles", roles);
    }
}

package com.nasnetconnect.domain.update;

import java.util.Map;

/**
 * {@code timestamp.json}: short-lived (a day by default), re-signed often, it pins the one current
 * {@code targets.json} by version, length and hash: {@code signed = {_type: timestamp, version, expires,
 * meta: {"targets.json": {version, length, sha256}}}}. Its short expiry defeats a freeze (a mirror replaying old,
 * still-signed files): once it has expired the device refuses it and keeps what it had. Pinning the targets hash
 * is what TUF's snapshot role does; with one targets file there is nothing more a snapshot would pin, so there is
 * none.
 */
public record TimestampMetadata(SignedMetadata file, long targetsVersion, TargetFile targets) {
    public static final String TARGETS = "targets.json";

    @SuppressWarnings("unchecked")
    public static TimestampMetadata of(SignedMetadata file) {
        try {
            if (!(file.signed().get("meta") instanceof Map<?, ?> meta) || !(meta.get(TARGETS) instanceof Map<?, ?> t)) {
                throw new IllegalArgumentException("it does not pin " + TARGETS);
            }
            Map<String, Object> tm = (Map<String, Object>) t;
            long version = SignedMetadata.number(tm, "version");
            return new TimestampMetadata(file, version, new TargetFile(TARGETS, SignedMetadata.number(tm, "length"),
                    SignedMetadata.string(tm, "sha256")));
        } catch (IllegalArgumentException e) {
            throw new MetadataRefused("timestamp.json version " + file.version() + " is not valid: " + e.getMessage());
        }
    }

    public static Map<String, Object> signedPart(long version, String expires, long targetsVersion, byte[] targetsBytes) {
        return Map.of("_type", "timestamp", "version", version, "expires", expires, "meta",
                Map.of(TARGETS, Map.of("version", targetsVersion, "length", (long) targetsBytes.length,
                        "sha256", TargetFile.sha256Of(targetsBytes))));
    }
}

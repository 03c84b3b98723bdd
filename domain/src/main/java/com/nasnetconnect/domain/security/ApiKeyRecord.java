package com.nasnetconnect.domain.security;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key: only the SHA-256 of the token is kept.
 *
 * @param lastUsedAt null when never used
 * @param revokedAt  null while not revoked
 * @param expiresAt  null when the key never expires
 */
public record ApiKeyRecord(String id, String name, Role role, String tokenHash, Instant createdAt, String createdBy,
                           Instant lastUsedAt, Instant revokedAt, Instant expiresAt) {
    public ApiKeyRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    /** Not revoked; an expired key is still "active" here, so its name stays taken until it is revoked. */
    public boolean active() {
        return revokedAt == null;
    }

    /** Neither revoked nor expired at {@code now}. */
    public boolean authenticatesAt(Instant now) {
        return active() && (expiresAt == null || now.isBefore(expiresAt));
    }

    public ApiKeyInfo info() {
        return new ApiKeyInfo(id, name, role, createdAt, createdBy, lastUsedAt, revokedAt, expiresAt);
    }
}

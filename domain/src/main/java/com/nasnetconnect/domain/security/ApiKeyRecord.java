package com.nasnetconnect.domain.security;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored API key: only the SHA-256 of the token is kept.
 *
 * @param lastUsedAt null when never used
 * @param revokedAt  null while active
 */
public record ApiKeyRecord(String id, String name, Role role, String tokenHash, Instant createdAt, String createdBy,
                           Instant lastUsedAt, Instant revokedAt) {
    public ApiKeyRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
    }

    public boolean active() {
        return revokedAt == null;
    }

    public ApiKeyInfo info() {
        return new ApiKeyInfo(id, name, role, createdAt, createdBy, lastUsedAt, revokedAt);
    }
}

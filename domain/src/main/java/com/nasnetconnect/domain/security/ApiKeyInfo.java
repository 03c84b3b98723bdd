package com.nasnetconnect.domain.security;

import java.time.Instant;

/**
 * An API key as callers see it: never the token nor its hash.
 *
 * @param lastUsedAt null when never used (recorded with a granularity of a minute)
 * @param revokedAt  null while not revoked
 * @param expiresAt  null when the key never expires; from this instant on it authenticates nobody
 */
public record ApiKeyInfo(String id, String name, Role role, Instant createdAt, String createdBy, Instant lastUsedAt,
                         Instant revokedAt, Instant expiresAt) {
    /** Not revoked (it may have expired: see {@link #activeAt}). */
    public boolean active() {
        return revokedAt == null;
    }

    /** Neither revoked nor expired at {@code now}: the key authenticates. */
    public boolean activeAt(Instant now) {
        return active() && !expiredAt(now);
    }

    public boolean expiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}

package com.nasnetconnect.domain.security;

import java.time.Instant;

/**
 * An API key as callers see it: never the token nor its hash.
 *
 * @param lastUsedAt null when never used (recorded with a granularity of a minute)
 * @param revokedAt  null while active
 */
public record ApiKeyInfo(String id, String name, Role role, Instant createdAt, String createdBy, Instant lastUsedAt,
                         Instant revokedAt) {
    public boolean active() {
        return revokedAt == null;
    }
}

package com.nasnetconnect.domain.security;

import java.time.Instant;
import java.util.Objects;

/** A stored UI session: only the SHA-256 of its token is kept. */
public record SessionRecord(String tokenHash, String user, String source, Instant createdAt, Instant lastSeenAt) {
    public SessionRecord {
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(user, "user");
        source = Objects.requireNonNullElse(source, "");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }
}

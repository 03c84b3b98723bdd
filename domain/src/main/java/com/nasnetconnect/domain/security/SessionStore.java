package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.OutPort;
import java.time.Instant;
import java.util.Optional;

/** Out-port: where UI sessions live, keyed by the SHA-256 of their token. */
@OutPort
public interface SessionStore {
    void insert(SessionRecord session);

    Optional<SessionRecord> find(String tokenHash);

    void touch(String tokenHash, Instant lastSeenAt);

    boolean delete(String tokenHash);

    /** @return how many sessions of the user were deleted */
    int deleteForUser(String user);

    /** Deletes sessions idle since before {@code idleBefore} or created before {@code createdBefore}. */
    int deleteExpired(Instant idleBefore, Instant createdBefore);
}

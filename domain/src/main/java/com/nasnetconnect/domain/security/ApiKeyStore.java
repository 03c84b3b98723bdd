package com.nasnetconnect.domain.security;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Out-port: where API keys live. */
public interface ApiKeyStore {
    void insert(ApiKeyRecord key);

    Optional<ApiKeyRecord> findByTokenHash(String tokenHash);

    /** The active (not revoked) key of that name. */
    Optional<ApiKeyRecord> findActive(String name);

    /** All keys, revoked ones included, oldest first. */
    List<ApiKeyRecord> list();

    void revoke(String id, Instant at);

    void recordUse(String id, Instant at);
}

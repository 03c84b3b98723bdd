package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.OutPort;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Out-port: where API keys live. */
@OutPort
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

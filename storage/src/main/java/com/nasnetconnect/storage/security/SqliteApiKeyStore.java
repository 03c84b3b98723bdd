package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.security.ApiKeyRecord;
import com.nasnetconnect.domain.security.ApiKeyStore;
import com.nasnetconnect.domain.security.Role;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import javax.sql.DataSource;
import java.time.Duration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@link ApiKeyStore} on system.db table {@code security_api_keys} (V50, expires_at since V51).
 *
 * <p>A key found by its token hash is remembered for {@link #REMEMBERED} (at most {@link #MAX_REMEMBERED} keys), so
 * an integration sending thousands of requests a second costs one query a second, not one per request. Only the
 * hash is the key of that cache, never the token; unknown hashes are not remembered (a key just created by the CLI
 * works at once). Every write through this store forgets what it remembered, so a key revoked in this process is
 * refused at once; one revoked by another process (the {@code apikey revoke} command) within {@link #REMEMBERED}.
 * Expiry is unaffected: the service checks it on the record at every use.
 */
public final class SqliteApiKeyStore implements ApiKeyStore {
    static final Duration REMEMBERED = Duration.ofSeconds(1);
    static final int MAX_REMEMBERED = 1_000;

    private final Jdbc db;
    private final Cache<String, ApiKeyRecord> byTokenHash = Caffeine.newBuilder()
            .maximumSize(MAX_REMEMBERED).expireAfterWrite(REMEMBERED).build();

    public SqliteApiKeyStore(DataSource dataSource) {
        this.db = new Jdbc(dataSource);
    }

    @Override
    public void insert(ApiKeyRecord k) {
        byTokenHash.invalidateAll();
        try {
            db.update("INSERT INTO security_api_keys (id, name, role, token_hash, created_at, created_by, last_used_at, revoked_at,"
                            + " expires_at) VALUES (?,?,?,?,?,?,?,?,?)",
                    k.id(), k.name(), k.role(), k.tokenHash(), k.createdAt(), k.createdBy(), k.lastUsedAt(), k.revokedAt(),
                    k.expiresAt());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("an API key named '" + k.name() + "' exists already", e);
        }
    }

    @Override
    public Optional<ApiKeyRecord> findByTokenHash(String tokenHash) {
        ApiKeyRecord known = byTokenHash.getIfPresent(tokenHash);
        if (known != null) return Optional.of(known);
        Optional<ApiKeyRecord> found = db.one("SELECT * FROM security_api_keys WHERE token_hash = ?", SqliteApiKeyStore::row, tokenHash);
        found.ifPresent(k -> byTokenHash.put(tokenHash, k));
        return found;
    }

    @Override
    public Optional<ApiKeyRecord> findActive(String name) {
        return db.one("SELECT * FROM security_api_keys WHERE name = ? AND revoked_at IS NULL", SqliteApiKeyStore::row, name);
    }

    @Override
    public List<ApiKeyRecord> list() {
        return db.query("SELECT * FROM security_api_keys ORDER BY created_at, name", SqliteApiKeyStore::row);
    }

    @Override
    public void revoke(String id, Instant at) {
        byTokenHash.invalidateAll();
        db.update("UPDATE security_api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id);
        byTokenHash.invalidateAll(); // again: a find that read the row just before the update may have remembered it
    }

    @Override
    public void recordUse(String id, Instant at) {
        db.update("UPDATE security_api_keys SET last_used_at = ? WHERE id = ?", at, id);
        // the remembered record gets the new last use, so the next find does not write it again
        byTokenHash.asMap().replaceAll((hash, k) -> !k.id().equals(id) ? k : new ApiKeyRecord(k.id(), k.name(), k.role(),
                k.tokenHash(), k.createdAt(), k.createdBy(), at, k.revokedAt(), k.expiresAt()));
    }

    private static ApiKeyRecord row(ResultSet rs) throws SQLException {
        return new ApiKeyRecord(rs.getString("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                rs.getString("token_hash"), Jdbc.instant(rs, "created_at"), rs.getString("created_by"),
                Jdbc.instant(rs, "last_used_at"), Jdbc.instant(rs, "revoked_at"),
                Jdbc.instant(rs, "expires_at"));
    }
}

package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.security.ApiKeyRecord;
import com.nasnetconnect.domain.security.ApiKeyStore;
import com.nasnetconnect.domain.security.Role;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@link ApiKeyStore} on system.db table {@code security_api_keys} (V50, expires_at since V51). */
public final class SqliteApiKeyStore implements ApiKeyStore {
    private final Jdbc db;

    public SqliteApiKeyStore(DataSource dataSource) {
        this.db = new Jdbc(dataSource);
    }

    @Override
    public void insert(ApiKeyRecord k) {
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
        return db.one("SELECT * FROM security_api_keys WHERE token_hash = ?", SqliteApiKeyStore::row, tokenHash);
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
        db.update("UPDATE security_api_keys SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", at, id);
    }

    @Override
    public void recordUse(String id, Instant at) {
        db.update("UPDATE security_api_keys SET last_used_at = ? WHERE id = ?", at, id);
    }

    private static ApiKeyRecord row(ResultSet rs) throws SQLException {
        return new ApiKeyRecord(rs.getString("id"), rs.getString("name"), Role.valueOf(rs.getString("role")),
                rs.getString("token_hash"), Jdbc.instant(rs, "created_at"), rs.getString("created_by"),
                Jdbc.instant(rs, "last_used_at"), Jdbc.instant(rs, "revoked_at"),
                Jdbc.instant(rs, "expires_at"));
    }
}

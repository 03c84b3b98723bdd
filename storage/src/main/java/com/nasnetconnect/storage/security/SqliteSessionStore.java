package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.security.SessionRecord;
import com.nasnetconnect.domain.security.SessionStore;

import javax.sql.DataSource;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** {@link SessionStore} on system.db table {@code security_sessions} (V50). */
public final class SqliteSessionStore implements SessionStore {
    private final Jdbc db;

    public SqliteSessionStore(DataSource dataSource) {
        this.db = new Jdbc(dataSource);
    }

    @Override
    public void insert(SessionRecord s) {
        db.update("INSERT INTO security_sessions (token_hash, user_name, source, created_at, last_seen_at) VALUES (?,?,?,?,?)",
                s.tokenHash(), s.user(), s.source(), s.createdAt(), s.lastSeenAt());
    }

    @Override
    public Optional<SessionRecord> find(String tokenHash) {
        return db.one("SELECT * FROM security_sessions WHERE token_hash = ?", SqliteSessionStore::row, tokenHash);
    }

    @Override
    public void touch(String tokenHash, Instant lastSeenAt) {
        db.update("UPDATE security_sessions SET last_seen_at = ? WHERE token_hash = ?", lastSeenAt, tokenHash);
    }

    @Override
    public boolean delete(String tokenHash) {
        return db.update("DELETE FROM security_sessions WHERE token_hash = ?", tokenHash) > 0;
    }

    @Override
    public int deleteForUser(String user) {
        return db.update("DELETE FROM security_sessions WHERE user_name = ?", user);
    }

    @Override
    public int deleteExpired(Instant idleBefore, Instant createdBefore) {
        return db.update("DELETE FROM security_sessions WHERE last_seen_at <= ? OR created_at <= ?", idleBefore, createdBefore);
    }

    private static SessionRecord row(ResultSet rs) throws SQLException {
        return new SessionRecord(rs.getString("token_hash"), rs.getString("user_name"), rs.getString("source"),
                Jdbc.instant(rs, "created_at"), Jdbc.instant(rs, "last_seen_at"));
    }
}

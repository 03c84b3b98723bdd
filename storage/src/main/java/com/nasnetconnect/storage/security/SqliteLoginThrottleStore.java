package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.security.LoginThrottleStore;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.Optional;

/** {@link LoginThrottleStore} on system.db table {@code security_login_throttle} (V51), one row per key. */
public final class SqliteLoginThrottleStore implements LoginThrottleStore {
    private final Jdbc db;

    public SqliteLoginThrottleStore(DataSource dataSource) {
        this.db = new Jdbc(dataSource);
    }

    @Override
    public Optional<Failures> find(String key) {
        return db.one("SELECT failures, last_failure, locked_until FROM security_login_throttle WHERE key_hash = ?",
                rs -> new Failures(rs.getInt("failures"), Jdbc.instant(rs, "last_failure"), Jdbc.instant(rs, "locked_until")),
                key);
    }

    @Override
    public void put(String key, Failures f) {
        db.update("INSERT INTO security_login_throttle (key_hash, failures, last_failure, locked_until) VALUES (?,?,?,?)"
                        + " ON CONFLICT (key_hash) DO UPDATE SET failures = excluded.failures,"
                        + " last_failure = excluded.last_failure, locked_until = excluded.locked_until",
                key, f.failures(), f.lastFailure(), f.lockedUntil());
    }

    @Override
    public void remove(String key) {
        db.update("DELETE FROM security_login_throttle WHERE key_hash = ?", key);
    }

    @Override
    public void trim(Instant quietSince, Instant now, int max) {
        db.update("DELETE FROM security_login_throttle WHERE last_failure < ? AND locked_until <= ?", quietSince, now);
        long left = db.one("SELECT count(*) AS n FROM security_login_throttle", rs -> rs.getLong("n")).orElse(0L);
        if (left > max) db.update("DELETE FROM security_login_throttle WHERE locked_until <= ?", now);
    }
}

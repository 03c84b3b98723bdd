package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.security.AuditLog;
import com.nasnetconnect.domain.security.LoginThrottle;
import com.nasnetconnect.domain.security.PasswordHasher;
import com.nasnetconnect.domain.security.SecurityServices;
import com.nasnetconnect.domain.security.Sessions;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.function.UnaryOperator;

/** Builds the {@link SecurityServices} over system.db (V50 and V51 tables must exist). */
public final class SqliteSecurity {
    private SqliteSecurity() {}

    /** Default policies and the production Argon2id hasher. */
    public static SecurityServices services(DataSource systemDb, Clock clock) {
        return services(systemDb, new Argon2idPasswordHasher(), LoginThrottle.Policy.DEFAULT, Sessions.Policy.DEFAULT, clock);
    }

    /** As above, the audit log decorated by {@code audit} (the event log's producer wraps it). */
    public static SecurityServices services(DataSource systemDb, Clock clock, UnaryOperator<AuditLog> audit) {
        return SecurityServices.create(new SqliteUserStore(systemDb), new SqliteSessionStore(systemDb),
                new SqliteApiKeyStore(systemDb), audit.apply(new SqliteAuditLog(systemDb)), new SqliteLoginThrottleStore(systemDb),
                new Argon2idPasswordHasher(), LoginThrottle.Policy.DEFAULT, Sessions.Policy.DEFAULT, clock);
    }

    public static SecurityServices services(DataSource systemDb, PasswordHasher hasher, LoginThrottle.Policy throttle,
                                            Sessions.Policy sessions, Clock clock) {
        return SecurityServices.create(new SqliteUserStore(systemDb), new SqliteSessionStore(systemDb),
                new SqliteApiKeyStore(systemDb), new SqliteAuditLog(systemDb), new SqliteLoginThrottleStore(systemDb), hasher,
                throttle, sessions, clock);
    }
}

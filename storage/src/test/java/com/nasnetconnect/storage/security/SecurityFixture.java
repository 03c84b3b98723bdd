package com.nasnetconnect.storage.security;

import com.nasnetconnect.storage.testing.MutableClock;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.LoginThrottle;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SecurityServices;
import com.nasnetconnect.domain.security.Sessions;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/** Real security services over a real system.db file, a hand-moved clock and a cheap (but real) Argon2id. */
final class SecurityFixture {
    static final Principal ADMIN = new Principal("admin", Role.ADMIN, false);
    static final LoginThrottle.Policy THROTTLE =
            new LoginThrottle.Policy(3, 10, Duration.ofSeconds(30), Duration.ofMinutes(10), Duration.ofHours(24));
    static final Sessions.Policy SESSIONS = new Sessions.Policy(Duration.ofMinutes(30), Duration.ofHours(8));

    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    final SQLiteDataSource db;
    final SecurityServices s;

    SecurityFixture(Path dir) {
        db = TestSystemDb.create(dir.resolve("system.db"));
        s = SqliteSecurity.services(db, new Argon2idPasswordHasher(256, 1, 1), THROTTLE, SESSIONS, clock);
    }

    /** Creates a user and sets its own password, so it can log in without "must change". */
    void user(String name, Role role, String password) {
        s.users().create(ADMIN, name, role, Secret.of("temporary-" + password));
        s.authenticator().changePassword(name, Secret.of("temporary-" + password), Secret.of(password), "127.0.0.1");
    }
}

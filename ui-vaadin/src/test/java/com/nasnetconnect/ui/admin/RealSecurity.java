package com.nasnetconnect.ui.admin;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Login;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SecurityServices;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.security.SqliteSecurity;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The real security services over a real system.db in a temp directory (the production wiring, Argon2id
 * included), with the first admin created from a configured password.
 */
public final class RealSecurity implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "Admin-pass-1234";
    public static final String SOURCE = "127.0.0.1";
    public static final Instant NOW = Instant.parse("2026-11-25T22:00:00Z");

    public final DatabaseManager databases;
    public final SecurityServices s;
    public final Principal admin = new Principal("admin", Role.ADMIN, false);

    public RealSecurity(Path dir) {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        databases = new DatabaseManager(dir, DatabaseSettings.defaults(), clock);
        s = SqliteSecurity.services(databases.system(), clock);
        s.users().ensureFirstAdmin(Optional.of(Secret.of(ADMIN_PASSWORD)));
    }

    /** A user who has chosen their own password already (no "must change"). */
    public Principal user(String name, Role role, String password) {
        s.users().create(admin, name, role, Secret.of("Initial-" + password));
        s.authenticator().changePassword(name, Secret.of("Initial-" + password), Secret.of(password), SOURCE);
        return new Principal(name, role, false);
    }

    /** Signs in and opens a UI session; returns its token. */
    public String session(String name, String password) {
        Login login = s.authenticator().login(name, Secret.of(password), SOURCE);
        return s.sessions().open(login, SOURCE).token().reveal();
    }

    @Override
    public void close() {
        databases.close();
    }
}

package com.nasnetconnect.server.cli;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SecurityServices;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.security.SqliteSecurity;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The data directory's system.db, opened (and migrated) for a command-line tool. Whoever can run the tool on
 * the data directory can read it anyway, so the tool acts as an admin named "cli" (which the audit trail shows).
 */
final class CliSecurity implements AutoCloseable {
    static final Principal CLI = new Principal("cli", Role.ADMIN, false);

    final DatabaseManager databases;
    final SecurityServices services;

    private CliSecurity(DatabaseManager databases, Clock clock) {
        this.databases = databases;
        this.services = SqliteSecurity.services(databases.system(), clock);
    }

    /** @throws IllegalArgumentException when the data directory does not exist (a typo must not create one) */
    static CliSecurity open(Path dataDir, Clock clock) {
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("data directory " + dataDir + " does not exist (start the server once, or pass --data-dir)");
        }
        return new CliSecurity(new DatabaseManager(dataDir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock), clock);
    }

    @Override
    public void close() {
        databases.close();
    }
}

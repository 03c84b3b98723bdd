package com.nasnetconnect.domain.state;

import java.util.Objects;

/**
 * In-port: how the databases are doing (system.db answering, router databases open, quarantined ones), for the
 * readiness check and the dashboard. It takes no principal: readiness is asked before anyone signs in. Cheap, and
 * never throws ({@link DatabaseStatus} promises both).
 */
public final class DatabaseHealthCheck {
    private final DatabaseStatus databases;

    public DatabaseHealthCheck(DatabaseStatus databases) {
        this.databases = Objects.requireNonNull(databases, "databases");
    }

    /** The health as of now. */
    public DatabaseHealth health() {
        return databases.health();
    }
}

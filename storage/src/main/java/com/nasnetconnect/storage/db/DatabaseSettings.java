package com.nasnetconnect.storage.db;

import java.time.Duration;
import java.util.Objects;

/**
 * How the {@link DatabaseManager} treats databases.
 *
 * @param routerIdleTimeout    a router database unused this long is closed by the sweeper (default 5 min)
 * @param maxOpenRouterDatabases at most this many router databases stay open; opening one more closes the
 *                             least recently used idle one (default 32)
 * @param busyTimeout          how long a connection waits for SQLite's write lock (default 5 s)
 * @param routerPoolSize       connections per router database, opened on demand (default 2: SQLite writes one at a
 *                             time, and a thousand routers each holding four would be a thousand idle connections)
 * @param systemPoolSize       connections to system.db (default 8)
 * @param sweepInterval        how often the background sweeper runs; {@link Duration#ZERO} disables it (tests
 *                             then call {@link DatabaseManager#sweepIdle()}) (default 30 s)
 * @param checkIntegrityOnOpen run {@code PRAGMA quick_check} when a router database is opened (default true)
 * @param migrationParallelism threads used by {@link DatabaseManager#migrateAll()} (default 2)
 */
public record DatabaseSettings(Duration routerIdleTimeout, int maxOpenRouterDatabases, Duration busyTimeout,
                               int routerPoolSize, int systemPoolSize, Duration sweepInterval,
                               boolean checkIntegrityOnOpen, int migrationParallelism) {
    public DatabaseSettings {
        Objects.requireNonNull(routerIdleTimeout, "routerIdleTimeout");
        Objects.requireNonNull(busyTimeout, "busyTimeout");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        if (routerIdleTimeout.isNegative() || routerIdleTimeout.isZero()) {
            throw new IllegalArgumentException("routerIdleTimeout must be positive: " + routerIdleTimeout);
        }
        if (maxOpenRouterDatabases < 1) throw new IllegalArgumentException("maxOpenRouterDatabases < 1: " + maxOpenRouterDatabases);
        if (busyTimeout.isNegative() || busyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("busyTimeout out of range: " + busyTimeout);
        }
        if (routerPoolSize < 1) throw new IllegalArgumentException("routerPoolSize < 1: " + routerPoolSize);
        if (systemPoolSize < 1) throw new IllegalArgumentException("systemPoolSize < 1: " + systemPoolSize);
        if (sweepInterval.isNegative()) throw new IllegalArgumentException("sweepInterval is negative: " + sweepInterval);
        if (migrationParallelism < 1) throw new IllegalArgumentException("migrationParallelism < 1: " + migrationParallelism);
    }

    public static DatabaseSettings defaults() {
        return new DatabaseSettings(Duration.ofMinutes(5), 32, Duration.ofSeconds(5), 2, 8, Duration.ofSeconds(30), true, 2);
    }

    public DatabaseSettings withRouterIdleTimeout(Duration d) {
        return new DatabaseSettings(d, maxOpenRouterDatabases, busyTimeout, routerPoolSize, systemPoolSize, sweepInterval,
                checkIntegrityOnOpen, migrationParallelism);
    }

    public DatabaseSettings withMaxOpenRouterDatabases(int n) {
        return new DatabaseSettings(routerIdleTimeout, n, busyTimeout, routerPoolSize, systemPoolSize, sweepInterval,
                checkIntegrityOnOpen, migrationParallelism);
    }

    public DatabaseSettings withSweepInterval(Duration d) {
        return new DatabaseSettings(routerIdleTimeout, maxOpenRouterDatabases, busyTimeout, routerPoolSize, systemPoolSize, d,
                checkIntegrityOnOpen, migrationParallelism);
    }

    public DatabaseSettings withCheckIntegrityOnOpen(boolean check) {
        return new DatabaseSettings(routerIdleTimeout, maxOpenRouterDatabases, busyTimeout, routerPoolSize, systemPoolSize,
                sweepInterval, check, migrationParallelism);
    }
}

package com.nasnetconnect.storage.db;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.DatabaseHealth;
import com.nasnetconnect.domain.state.DatabaseStatus;
import com.nasnetconnect.domain.state.StateException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ExecutionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The hybrid databases under one data directory: {@code system.db} (always open) and one
 * {@code router-<id>.db} per router, opened on first use and closed again when idle.
 *
 * <ul>
 *   <li>Every database runs in WAL mode with foreign keys on and a busy timeout; write transactions begin
 *       IMMEDIATE, so two writers queue instead of failing on lock upgrade.</li>
 *   <li>{@code system.db} is migrated ({@code db/system}) in the constructor; a router database
 *       ({@code db/router}) when it is first opened; {@link #migrateAll()} migrates every router file in
 *       parallel.</li>
 *   <li>A router database unused for {@link DatabaseSettings#routerIdleTimeout()} (by the injected clock) is
 *       closed by the sweeper; at most {@link DatabaseSettings#maxOpenRouterDatabases()} stay open (the least
 *       recently used idle one is closed first). A database in use is never closed under its user.</li>
 *   <li>A router database that cannot be opened or fails its integrity check is moved to
 *       {@code quarantine/} with its WAL files and reported by {@link #health()}; calls for that router then
 *       fail with {@link StateException.Storage} until {@link #releaseQuarantine(RouterId)}, and every other
 *       router is unaffected.</li>
 * </ul>
 */
public final class DatabaseManager implements DatabaseStatus, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(DatabaseManager.class.getName());
    private static final Pattern ROUTER_FILE = Pattern.compile("router-([a-z0-9][a-z0-9-]{0,62})\\.db");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final Path dataDir;
    private final DatabaseSettings settings;
    private final Clock clock;
    private final Migrations systemMigrations;
    private final Migrations routerMigrations;
    private final HikariDataSource system;
    private final ConcurrentHashMap<RouterId, RouterDb> open = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RouterId, Object> openLocks = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<RouterId, DatabaseHealth.QuarantinedDatabase> quarantined = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper;
    private volatile boolean closed;

    /** Opens (creating if needed) and migrates {@code dataDir/system.db}; starts the idle sweeper. */
    public DatabaseManager(Path dataDir, DatabaseSettings settings, Clock clock) {
        this(dataDir, settings, clock, new Migrations("db/system"), new Migrations("db/router"));
    }

    /** As above with explicit migration sets (tests, tools). */
    public DatabaseManager(Path dataDir, DatabaseSettings settings, Clock clock, Migrations systemMigrations,
                           Migrations routerMigrations) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir").toAbsolutePath();
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.systemMigrations = Objects.requireNonNull(systemMigrations, "systemMigrations");
        this.routerMigrations = Objects.requireNonNull(routerMigrations, "routerMigrations");
        try {
            Files.createDirectories(this.dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + this.dataDir, e);
        }
        SQLiteDataSource systemFile = sqlite(this.dataDir.resolve("system.db"));
        try (Connection c = systemFile.getConnection()) {
            systemMigrations.migrate(c, clock);
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("cannot open or migrate " + this.dataDir.resolve("system.db") + ": " + e.getMessage(), e);
        }
        this.system = pool("system", systemFile, settings.systemPoolSize());
        if (settings.sweepInterval().isZero()) {
            sweeper = null;
        } else {
            sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "db-idle-sweeper");
                t.setDaemon(true);
                return t;
            });
            long ms = settings.sweepInterval().toMillis();
            sweeper.scheduleWithFixedDelay(this::sweepQuietly, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    public Path dataDir() {
        return dataDir;
    }

    /** system.db, always open. */
    public DataSource system() {
        return system;
    }

    /** Runs {@code work} on a system.db connection in autocommit mode. */
    public <T> T withSystem(SqlWork<T> work) {
        try (Connection c = system.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StateException.Storage("system.db: " + e.getMessage(), false, e);
        }
    }

    /** Runs {@code work} in one system.db transaction: committed when it returns, rolled back when it throws. */
    public <T> T inSystemTransaction(SqlWork<T> work) {
        try (Connection c = system.getConnection()) {
            return transaction(c, work);
        } catch (SQLException e) {
            throw new StateException.Storage("system.db: " + e.getMessage(), false, e);
        }
    }

    /** Runs {@code work} on a connection to the router's database (opened and migrated if needed), autocommit. */
    public <T> T withRouter(RouterId router, SqlWork<T> work) {
        return useRouter(router, work, false);
    }

    /**
     * Runs {@code work} in one transaction on the router's database: committed when it returns, rolled back
     * when it throws (the exception is rethrown unchanged if it is a runtime exception).
     */
    public <T> T inRouterTransaction(RouterId router, SqlWork<T> work) {
        return useRouter(router, work, true);
    }

    /**
     * As {@link #withRouter} for reads that must not create a database: empty when the router has no database
     * file yet (nothing was ever stored for it). A quarantined router still fails with {@link StateException.Storage}.
     */
    public <T> Optional<T> withExistingRouter(RouterId router, SqlWork<T> work) {
        Objects.requireNonNull(router, "router");
        var q = quarantined.get(router);
        if (q != null) {
            throw new StateException.Storage("database of router " + router + " is quarantined (" + q.reason()
                    + "); moved to " + q.movedTo(), true, null);
        }
        if (!open.containsKey(router) && !Files.exists(routerFile(router))) return Optional.empty();
        return Optional.ofNullable(useRouter(router, work, false));
    }

    public Path routerFile(RouterId router) {
        return dataDir.resolve("router-" + router.value() + ".db");
    }

    public boolean isOpen(RouterId router) {
        return open.containsKey(router);
    }

    public int openRouterCount() {
        return open.size();
    }

    /** Closes the router's database if it is open and not in use (e.g. after a soft delete). The file stays. */
    public boolean closeRouter(RouterId router) {
        RouterDb db = open.get(router);
        return db != null && closeIfIdle(db);
    }

    /** Closes every router database idle for at least the idle timeout; returns how many it closed. */
    public int sweepIdle() {
        Instant limit = clock.instant().minus(settings.routerIdleTimeout());
        int n = 0;
        for (RouterDb db : List.copyOf(open.values())) {
            if (!db.lastUsed().isAfter(limit) && closeIfIdle(db)) n++;
        }
        return n;
    }

    /**
     * Migrates every {@code router-*.db} in the data directory, in parallel. A database that was not open is
     * closed again afterwards. Returns each router's outcome: empty for success, or the problem.
     */
    public Map<RouterId, Optional<String>> migrateAll() {
        List<RouterId> ids;
        try (var files = Files.list(dataDir)) {
            ids = files.map(p -> ROUTER_FILE.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).map(m -> new RouterId(m.group(1))).sorted(Comparator.comparing(RouterId::value)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataDir, e);
        }
        var result = new LinkedHashMap<RouterId, Optional<String>>();
        ExecutorService pool = Executors.newFixedThreadPool(settings.migrationParallelism(), r -> {
            Thread t = new Thread(r, "db-migrate-all");
            t.setDaemon(true);
            return t;
        });
        try {
            var futures = new LinkedHashMap<RouterId, Future<?>>();
            for (RouterId id : ids) {
                futures.put(id, pool.submit(() -> {
                    boolean wasOpen = isOpen(id);
                    withRouter(id, c -> null);
                    if (!wasOpen) closeRouter(id);
                }));
            }
            futures.forEach((id, f) -> {
                try {
                    f.get();
                    result.put(id, Optional.empty());
                } catch (ExecutionException e) {
                    result.put(id, Optional.of(String.valueOf(e.getCause().getMessage())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    result.put(id, Optional.of("interrupted"));
                }
            });
        } finally {
            pool.shutdownNow();
        }
        return result;
    }

    /** Forgets a quarantine, so the next use of the router creates a fresh, empty database. */
    public void releaseQuarantine(RouterId router) {
        quarantined.remove(router);
    }

    @Override
    public DatabaseHealth health() {
        Optional<String> problem = Optional.empty();
        if (closed) {
            problem = Optional.of("database manager is closed");
        } else {
            try (Connection c = system.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
                rs.next();
            } catch (SQLException | RuntimeException e) {
                problem = Optional.of("system.db does not answer: " + e.getMessage());
            }
        }
        var q = new ArrayList<>(quarantined.values());
        q.sort(Comparator.comparing(DatabaseHealth.QuarantinedDatabase::at));
        return new DatabaseHealth(problem.isEmpty(), problem, open.size(), settings.maxOpenRouterDatabases(), q, clock.instant());
    }

    @Override
    public void close() {
        closed = true;
        if (sweeper != null) sweeper.shutdownNow();
        for (RouterDb db : List.copyOf(open.values())) {
            open.remove(db.id(), db);
            db.dataSource().close();
        }
        system.close();
    }

    // ---------------------------------------------------------------------------------------------------------

    private <T> T useRouter(RouterId router, SqlWork<T> work, boolean transactional) {
        Objects.requireNonNull(router, "router");
        RouterDb db = acquire(router);
        try (Connection c = db.dataSource().getConnection()) {
            return transactional ? transaction(c, work) : work.run(c);
        } catch (SQLException e) {
            if (isCorruption(e)) {
                quarantine(router, db, e);
                throw new StateException.Storage("database of router " + router + " is corrupt and was quarantined: "
                        + e.getMessage(), true, e);
            }
            throw new StateException.Storage("database of router " + router + ": " + e.getMessage(), false, e);
        } finally {
            db.release(clock.instant());
        }
    }

    private static <T> T transaction(Connection c, SqlWork<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.run(c);
            c.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            try {
                c.rollback();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    private RouterDb acquire(RouterId router) {
        if (closed) throw new StateException.Storage("database manager is closed", false, null);
        RouterDb db = open.get(router);
        if (db != null && db.tryAcquire(clock.instant())) return db;
        synchronized (openLocks.computeIfAbsent(router, k -> new Object())) {
            db = open.get(router);
            if (db != null && db.tryAcquire(clock.instant())) return db;
            var q = quarantined.get(router);
            if (q != null) {
                throw new StateException.Storage("database of router " + router + " is quarantined (" + q.reason()
                        + "); moved to " + q.movedTo(), true, null);
            }
            db = openRouter(router);
            db.tryAcquire(clock.instant());
            open.put(router, db);
        }
        enforceCap(router);
        return db;
    }

    private RouterDb openRouter(RouterId router) {
        Path file = routerFile(router);
        HikariDataSource ds = null;
        try {
            if (Files.exists(file) && !Files.isReadable(file)) throw new IOException("file is not readable: " + file);
            // check and migrate on a plain connection first: a bad file fails fast and with SQLite's own error,
            // instead of a pool retrying until its connection timeout
            SQLiteDataSource sqlite = sqlite(file);
            try (Connection c = sqlite.getConnection()) {
                if (settings.checkIntegrityOnOpen()) checkIntegrity(c);
                routerMigrations.migrate(c, clock);
            }
            ds = pool("router-" + router.value(), sqlite, settings.routerPoolSize());
            return new RouterDb(router, ds, clock.instant());
        } catch (SQLException | IOException | RuntimeException e) {
            if (ds != null) ds.close();
            if (e instanceof Migrations.Failed f && !isCorruption(f)) {
                // our script is wrong, not the file: do not quarantine every router for it
                throw new StateException.Storage("cannot migrate database of router " + router + ": " + f.getMessage(), false, f);
            }
            if (Files.exists(file)) {
                var q = moveAside(router, file, describe(e));
                throw new StateException.Storage("database of router " + router + " cannot be opened and was quarantined to "
                        + q.movedTo() + ": " + q.reason(), true, e);
            }
            throw new StateException.Storage("cannot open database of router " + router + ": " + describe(e), false, e);
        }
    }

    private static void checkIntegrity(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            String first = rs.next() ? rs.getString(1) : "no answer";
            if (!"ok".equalsIgnoreCase(first)) throw new IntegrityFailure("integrity check failed: " + first);
        }
    }

    private void quarantine(RouterId router, RouterDb db, SQLException cause) {
        synchronized (openLocks.computeIfAbsent(router, k -> new Object())) {
            if (open.remove(router, db)) db.dataSource().close();
            Path file = routerFile(router);
            if (Files.exists(file)) moveAside(router, file, describe(cause));
        }
    }

    private DatabaseHealth.QuarantinedDatabase moveAside(RouterId router, Path file, String reason) {
        Instant now = clock.instant();
        Path dir = dataDir.resolve("quarantine");
        String base = "router-" + router.value() + "-" + STAMP.format(now) + ".db";
        Path target = dir.resolve(base);
        try {
            Files.createDirectories(dir);
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(side)) Files.move(side, dir.resolve(base + suffix), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot move corrupt database " + file + " to " + target, e);
            target = file; // stays where it is, but is still refused
        }
        var q = new DatabaseHealth.QuarantinedDatabase(router.value(), target.toString(), reason, now);
        quarantined.put(router, q);
        LOG.log(System.Logger.Level.WARNING, "quarantined database of router " + router + " to " + target + ": " + reason);
        return q;
    }

    private void enforceCap(RouterId justOpened) {
        while (open.size() > settings.maxOpenRouterDatabases()) {
            Optional<RouterDb> victim = open.values().stream()
                    .filter(d -> !d.id().equals(justOpened) && d.idle())
                    .min(Comparator.comparing(RouterDb::lastUsed));
            if (victim.isEmpty()) return; // every other database is in use: go over the cap until one is released
            closeIfIdle(victim.get()); // may lose a race with a new user; the loop then picks another

        }
    }

    private boolean closeIfIdle(RouterDb db) {
        if (!db.markClosedIfIdle()) return false;
        open.remove(db.id(), db);
        db.dataSource().close();
        return true;
    }

    private void sweepQuietly() {
        try {
            sweepIdle();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "idle database sweep failed", e);
        }
    }

    private SQLiteDataSource sqlite(Path file) {
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setJournalMode(SQLiteConfig.JournalMode.WAL);
        cfg.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        cfg.enforceForeignKeys(true);
        cfg.setBusyTimeout((int) settings.busyTimeout().toMillis());
        cfg.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        var sqlite = new SQLiteDataSource(cfg);
        sqlite.setUrl("jdbc:sqlite:" + file);
        return sqlite;
    }

    private HikariDataSource pool(String name, SQLiteDataSource sqlite, int size) {
        var hc = new HikariConfig();
        hc.setPoolName(name);
        hc.setDataSource(sqlite);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(Math.max(250, settings.busyTimeout().toMillis() + 1000));
        hc.setInitializationFailTimeout(-1); // the file was just checked on a plain connection
        return new HikariDataSource(hc);
    }

    private static boolean isCorruption(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IntegrityFailure) return true;
            if (t instanceof SQLiteException s) {
                SQLiteErrorCode code = s.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_CORRUPT || code == SQLiteErrorCode.SQLITE_NOTADB
                        || code.name().startsWith("SQLITE_CORRUPT") || code == SQLiteErrorCode.SQLITE_IOERR_CORRUPTFS) {
                    return true;
                }
            }
            String m = t.getMessage();
            if (m != null && (m.contains("SQLITE_NOTADB") || m.contains("SQLITE_CORRUPT") || m.contains("malformed"))) return true;
        }
        return false;
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** {@code PRAGMA quick_check} did not answer ok. */
    private static final class IntegrityFailure extends SQLException {
        IntegrityFailure(String message) {
            super(message);
        }
    }

    /** One open router database and how it is being used. */
    private static final class RouterDb {
        private final RouterId id;
        private final HikariDataSource dataSource;
        private int inUse;
        private boolean closed;
        private Instant lastUsed;

        RouterDb(RouterId id, HikariDataSource dataSource, Instant now) {
            this.id = id;
            this.dataSource = dataSource;
            this.lastUsed = now;
        }

        RouterId id() { return id; }

        HikariDataSource dataSource() { return dataSource; }

        synchronized Instant lastUsed() { return lastUsed; }

        synchronized boolean idle() { return inUse == 0 && !closed; }

        synchronized boolean tryAcquire(Instant now) {
            if (closed) return false;
            inUse++;
            lastUsed = now;
            return true;
        }

        synchronized void release(Instant now) {
            inUse--;
            lastUsed = now;
        }

        synchronized boolean markClosedIfIdle() {
            if (closed || inUse > 0) return false;
            closed = true;
            return true;
        }
    }
}

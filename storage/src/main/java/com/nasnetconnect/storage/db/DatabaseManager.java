package com.nasnetconnect.storage.db;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.DatabaseHealth;
import com.nasnetconnect.domain.state.DatabaseStatus;
import com.nasnetconnect.domain.state.FreshStarts;
import com.nasnetconnect.domain.state.StateException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import java.util.Set;
import java.util.TreeSet;
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
 *       {@code quarantine/} with its WAL files, recorded in system.db (so it stays quarantined across restarts and
 *       other processes see it) and reported by {@link #health()}; calls for that router then fail with
 *       {@link StateException.Quarantined}, whose message names the router by its name and never a server path,
 *       until {@link #releaseQuarantine(RouterId)} (start afresh: the router then {@link #awaitingAdoption() awaits
 *       adoption}) or {@link #restoreQuarantined(RouterId, Path)} (from a backup). Every other router is unaffected.
 *       A release or restore by another process (the command line) is seen at the router's next use.</li>
 *   <li>The data directory is readable by its owner only (0700) and every database file in it (with its WAL and
 *       shared-memory files, and quarantined copies) is 0600: created so, and tightened on start when wider. On a
 *       file system without POSIX permissions this is skipped.</li>
 * </ul>
 */
public final class DatabaseManager implements DatabaseStatus, FreshStarts, AutoCloseable {
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
    /**
     * The file as this process left it when it closed a checked, healthy router database: reopening the same
     * unchanged file skips {@code PRAGMA quick_check} (which reads every page). With more routers than
     * {@link DatabaseSettings#maxOpenRouterDatabases()} polled in turn, databases are closed and reopened all the
     * time; a file changed by anyone else since is checked again.
     */
    private final ConcurrentHashMap<RouterId, FileStamp> checkedAtClose = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.LongAdder integrityChecks = new java.util.concurrent.atomic.LongAdder();
    private final ScheduledExecutorService sweeper;
    /** The housekeeping (idle connections, leak checks) of every router database's pool: one thread, not one per pool. */
    private final ScheduledExecutorService poolHousekeeping;
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
            OwnerOnly.directory(this.dataDir);
            OwnerOnly.file(this.dataDir.resolve("system.db"));
            tightenExistingFiles();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + this.dataDir, e);
        }
        SQLiteDataSource systemFile = sqlite(this.dataDir.resolve("system.db"));
        try (Connection c = systemFile.getConnection()) {
            systemMigrations.migrate(c, clock);
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("cannot open or migrate " + this.dataDir.resolve("system.db") + ": " + e.getMessage(), e);
        }
        var housekeeping = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "db-pool-housekeeper");
            t.setDaemon(true);
            return t;
        });
        housekeeping.setRemoveOnCancelPolicy(true); // a closed pool's task leaves the queue
        this.poolHousekeeping = housekeeping;
        this.system = pool("system", systemFile, settings.systemPoolSize(), 1);
        try {
            quarantinedInSystemDb().forEach(q -> quarantined.put(new RouterId(q.routerId()), q));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot read the quarantined router databases from system.db: " + e.getMessage());
        }
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
        refuseIfQuarantined(router);
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

    /** The routers that have a {@code router-*.db} in the data directory, by id. */
    public List<RouterId> routerDatabases() {
        try (var files = Files.list(dataDir)) {
            return files.map(p -> ROUTER_FILE.matcher(p.getFileName().toString()))
                    .filter(Matcher::matches).map(m -> new RouterId(m.group(1))).sorted(Comparator.comparing(RouterId::value)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataDir, e);
        }
    }

    /**
     * Migrates every {@code router-*.db} in the data directory, in parallel. A database that was not open is
     * closed again afterwards. Returns each router's outcome: empty for success, or the problem.
     */
    public Map<RouterId, Optional<String>> migrateAll() {
        List<RouterId> ids = routerDatabases();
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

    /** The quarantined router databases (also those quarantined by another process), oldest first. */
    public List<DatabaseHealth.QuarantinedDatabase> quarantinedDatabases() {
        var q = new ArrayList<>(quarantinedInSystemDb());
        q.sort(Comparator.comparing(DatabaseHealth.QuarantinedDatabase::at));
        return q;
    }

    /**
     * Releases a quarantine so the router starts afresh: the quarantined file stays in {@code quarantine/} as a
     * backup (a file left at the router's place is moved there too), the next use of the router creates an empty
     * database, and the router {@link #awaitingAdoption() awaits adoption} of its own configuration.
     *
     * @return the quarantine that was released
     * @throws IllegalArgumentException when the router's database is not quarantined
     */
    public DatabaseHealth.QuarantinedDatabase releaseQuarantine(RouterId router) {
        synchronized (openLocks.computeIfAbsent(router, k -> new Object())) {
            var q = currentQuarantine(router).orElseThrow(() -> notQuarantined(router));
            Path file = routerFile(router);
            if (Files.exists(file)) moveFiles(router, file, clock.instant());
            withSystem(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE router_quarantine SET released_at = ? WHERE router_id = ? AND released_at IS NULL")) {
                    ps.setString(1, clock.instant().toString());
                    ps.setString(2, router.value());
                    return ps.executeUpdate();
                }
            });
            quarantined.remove(router);
            LOG.log(System.Logger.Level.INFO, "released the quarantine of the database of router " + router
                    + "; it starts afresh, the damaged file stays at " + q.movedTo());
            return q;
        }
    }

    /**
     * Ends a quarantine by restoring a backup of the router's database: {@code backup} (with its {@code -wal} file
     * when there is one) is copied, checked for integrity and migrated, and then becomes the router's database.
     * The backup itself is not changed.
     *
     * @throws IllegalArgumentException when the router's database is not quarantined, or the backup is not a
     *                                  readable, intact router database (naming the file and what is wrong)
     */
    public void restoreQuarantined(RouterId router, Path backup) {
        Objects.requireNonNull(backup, "backup");
        synchronized (openLocks.computeIfAbsent(router, k -> new Object())) {
            currentQuarantine(router).orElseThrow(() -> notQuarantined(router));
            if (!Files.isRegularFile(backup) || !Files.isReadable(backup)) {
                throw new IllegalArgumentException("backup " + backup + " is not a readable file");
            }
            Path file = routerFile(router);
            Path copy = dataDir.resolve(".restore-" + router.value() + ".db");
            try {
                deleteWithSideFiles(copy);
                OwnerOnly.copy(backup, copy);
                Path wal = backup.resolveSibling(backup.getFileName() + "-wal");
                if (Files.exists(wal)) OwnerOnly.copy(wal, copy.resolveSibling(copy.getFileName() + "-wal"));
                try (Connection c = sqlite(copy).getConnection()) {
                    checkIntegrity(c);
                    routerMigrations.migrate(c, clock);
                    try (Statement st = c.createStatement()) {
                        st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
                    }
                } catch (SQLException | RuntimeException e) {
                    throw new IllegalArgumentException("backup " + backup + " is not a usable router database: " + describe(e), e);
                }
                if (Files.exists(file)) moveFiles(router, file, clock.instant());
                deleteWithSideFiles(file);
                Files.move(copy, file, StandardCopyOption.ATOMIC_MOVE);
                deleteWithSideFiles(copy);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot restore " + backup + " to " + file, e);
            } finally {
                try {
                    deleteWithSideFiles(copy);
                } catch (IOException ignored) {
                    // a leftover copy is harmless: it is replaced on the next restore
                }
            }
            withSystem(c -> {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM router_quarantine WHERE router_id = ?")) {
                    ps.setString(1, router.value());
                    return ps.executeUpdate();
                }
            });
            quarantined.remove(router);
            LOG.log(System.Logger.Level.INFO, "restored the database of router " + router + " from " + backup);
        }
    }

    @Override
    public Set<RouterId> awaitingAdoption() {
        if (closed) return Set.of();
        try {
            return withSystem(c -> {
                var out = new TreeSet<RouterId>(Comparator.comparing(RouterId::value));
                try (Statement st = c.createStatement();
                     ResultSet rs = st.executeQuery("SELECT router_id FROM router_quarantine WHERE released_at IS NOT NULL")) {
                    while (rs.next()) out.add(new RouterId(rs.getString(1)));
                }
                return Set.copyOf(out);
            });
        } catch (RuntimeException e) {
            return Set.of();
        }
    }

    @Override
    public void adopted(RouterId router) {
        withSystem(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM router_quarantine WHERE router_id = ? AND released_at IS NOT NULL")) {
                ps.setString(1, router.value());
                return ps.executeUpdate();
            }
        });
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
        List<DatabaseHealth.QuarantinedDatabase> known = List.copyOf(quarantined.values());
        if (!closed && problem.isEmpty()) {
            try {
                known = quarantinedInSystemDb();
            } catch (RuntimeException e) {
                // what this process knows
            }
        }
        var q = new ArrayList<>(known);
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
        poolHousekeeping.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------------------

    private <T> T useRouter(RouterId router, SqlWork<T> work, boolean transactional) {
        Objects.requireNonNull(router, "router");
        RouterDb db = acquire(router);
        try (Connection c = db.dataSource().getConnection()) {
            return transactional ? transaction(c, work) : work.run(c);
        } catch (SQLException e) {
            if (isCorruption(e)) throw new StateException.Quarantined(quarantine(router, db, e), e);
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
            refuseIfQuarantined(router);
            db = openRouter(router);
            db.tryAcquire(clock.instant());
            open.put(router, db);
        }
        enforceCap(router);
        return db;
    }

    private RouterDb openRouter(RouterId router) {
        Path file = routerFile(router);
        boolean existed = Files.exists(file);
        HikariDataSource ds = null;
        try {
            if (existed && !Files.isReadable(file)) throw new IOException("the file is not readable");
            // created empty and owner-only first: SQLite gives its WAL and shared-memory files the same permissions
            OwnerOnly.file(file);
            // check and migrate on a plain connection first: a bad file fails fast and with SQLite's own error,
            // instead of a pool retrying until its connection timeout
            SQLiteDataSource sqlite = sqlite(file);
            try (Connection c = sqlite.getConnection()) {
                FileStamp left = checkedAtClose.remove(router);
                if (settings.checkIntegrityOnOpen() && (left == null || !left.equals(FileStamp.of(file)))) {
                    integrityChecks.increment();
                    checkIntegrity(c);
                }
                routerMigrations.migrate(c, clock);
            }
            ds = pool("router-" + router.value(), sqlite, settings.routerPoolSize(), 0);
            return new RouterDb(router, ds, clock.instant());
        } catch (SQLException | IOException | RuntimeException e) {
            if (ds != null) ds.close();
            if (e instanceof Migrations.Failed f && !isCorruption(f)) {
                // our script is wrong, not the file: do not quarantine every router for it
                throw new StateException.Storage("cannot migrate database of router " + router + ": " + f.getMessage(), false, f);
            }
            if (existed && Files.exists(file)) throw new StateException.Quarantined(moveAside(router, file, describe(e)), e);
            try {
                deleteWithSideFiles(file);
            } catch (IOException ignored) {
                // the empty file we created stays: it is a valid empty database for the next attempt
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

    private DatabaseHealth.QuarantinedDatabase quarantine(RouterId router, RouterDb db, SQLException cause) {
        synchronized (openLocks.computeIfAbsent(router, k -> new Object())) {
            if (open.remove(router, db)) db.dataSource().close();
            var known = quarantined.get(router);
            if (known != null) return known;
            return moveAside(router, routerFile(router), describe(cause));
        }
    }

    /** Moves the damaged file (if still there) to quarantine/, and records the quarantine in system.db. */
    private DatabaseHealth.QuarantinedDatabase moveAside(RouterId router, Path file, String problem) {
        checkedAtClose.remove(router);
        Instant now = clock.instant();
        // one line (an integrity check lists every damaged page), and no server paths in what users may see
        String[] lines = problem.replace(dataDir + java.io.File.separator, "").strip().split("\\R");
        String reason = lines.length <= 2 ? String.join(" ", lines)
                : lines[0] + " " + lines[1] + " (and " + (lines.length - 2) + " more lines)";
        Path target = Files.exists(file) ? moveFiles(router, file, now) : file;
        var q = new DatabaseHealth.QuarantinedDatabase(router.value(), routerName(router), target.toString(), reason, now);
        quarantined.put(router, q);
        try {
            withSystem(c -> {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO router_quarantine (router_id, moved_to, reason, quarantined_at, released_at)
                        VALUES (?, ?, ?, ?, NULL)
                        ON CONFLICT (router_id) DO UPDATE SET moved_to = excluded.moved_to, reason = excluded.reason,
                            quarantined_at = excluded.quarantined_at, released_at = NULL""")) {
                    ps.setString(1, router.value());
                    ps.setString(2, q.movedTo());
                    ps.setString(3, reason);
                    ps.setString(4, now.toString());
                    return ps.executeUpdate();
                }
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot record the quarantine of router " + router + " in system.db: " + e.getMessage());
        }
        LOG.log(System.Logger.Level.WARNING, "quarantined database of router " + router + " to " + target + ": " + reason);
        return q;
    }

    /** Moves a router file and its WAL files into quarantine/ under a time-stamped name; returns the new path. */
    private Path moveFiles(RouterId router, Path file, Instant now) {
        Path dir = dataDir.resolve("quarantine");
        String base = "router-" + router.value() + "-" + STAMP.format(now) + ".db";
        Path target = dir.resolve(base);
        try {
            OwnerOnly.directory(dir);
            Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            OwnerOnly.tighten(target);
            for (String suffix : List.of("-wal", "-shm")) {
                Path side = file.resolveSibling(file.getFileName() + suffix);
                if (Files.exists(side)) {
                    Files.move(side, dir.resolve(base + suffix), StandardCopyOption.ATOMIC_MOVE);
                    OwnerOnly.tighten(dir.resolve(base + suffix));
                }
            }
            return target;
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot move corrupt database " + file + " to " + target, e);
            return file; // stays where it is, but is still refused
        }
    }

    /** Throws {@link StateException.Quarantined} while the router's database is quarantined (asks system.db again). */
    private void refuseIfQuarantined(RouterId router) {
        if (!quarantined.containsKey(router)) return;
        var q = currentQuarantine(router);
        if (q.isPresent()) throw new StateException.Quarantined(q.get(), null);
        quarantined.remove(router); // released or restored by another process (the command line)
    }

    /** The router's quarantine as system.db has it now (falls back to what this process knows if it does not answer). */
    private Optional<DatabaseHealth.QuarantinedDatabase> currentQuarantine(RouterId router) {
        try {
            return quarantinedInSystemDb().stream().filter(q -> q.routerId().equals(router.value())).findFirst();
        } catch (RuntimeException e) {
            return Optional.ofNullable(quarantined.get(router));
        }
    }

    /** Quarantines not yet released, with each router's current name. */
    private List<DatabaseHealth.QuarantinedDatabase> quarantinedInSystemDb() {
        return withSystem(c -> {
            var out = new ArrayList<DatabaseHealth.QuarantinedDatabase>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT q.router_id, coalesce(r.name, q.router_id), q.moved_to, q.reason, q.quarantined_at
                    FROM router_quarantine q LEFT JOIN routers r ON r.id = q.router_id
                    WHERE q.released_at IS NULL ORDER BY q.quarantined_at, q.router_id""")) {
                while (rs.next()) {
                    out.add(new DatabaseHealth.QuarantinedDatabase(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), Instant.parse(rs.getString(5))));
                }
            }
            return out;
        });
    }

    /** The router's name as users know it; its id when it is not registered or system.db does not answer. */
    private String routerName(RouterId router) {
        try {
            return withSystem(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT name FROM routers WHERE id = ?")) {
                    ps.setString(1, router.value());
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : router.value();
                    }
                }
            });
        } catch (RuntimeException e) {
            return router.value();
        }
    }

    private static IllegalArgumentException notQuarantined(RouterId router) {
        return new IllegalArgumentException("the database of router '" + router.value() + "' is not quarantined");
    }

    private static void deleteWithSideFiles(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-wal"));
        Files.deleteIfExists(file.resolveSibling(file.getFileName() + "-shm"));
    }

    /** Owner-only permissions for the database files already in the data directory (and quarantine/). */
    private void tightenExistingFiles() throws IOException {
        try (var files = Files.list(dataDir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.equals("quarantine") && Files.isDirectory(f)) {
                    OwnerOnly.directory(f);
                    try (var quarantinedFiles = Files.list(f)) {
                        for (Path q : quarantinedFiles.toList()) OwnerOnly.tighten(q);
                    }
                } else if (name.startsWith("system.db") || (name.startsWith("router-") && name.contains(".db"))) {
                    OwnerOnly.tighten(f);
                }
            }
        }
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
        FileStamp.ofExisting(routerFile(db.id())).ifPresent(stamp -> checkedAtClose.put(db.id(), stamp));
        return true;
    }

    /** How many times a router database was integrity-checked on open; for tests. */
    long integrityChecks() {
        return integrityChecks.sum();
    }

    /** What tells a file changed: its identity (inode), size and modification time. */
    private record FileStamp(Object key, long size, java.nio.file.attribute.FileTime modified) {
        static FileStamp of(Path file) {
            return ofExisting(file).orElse(null);
        }

        static Optional<FileStamp> ofExisting(Path file) {
            try {
                var a = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
                return Optional.of(new FileStamp(a.fileKey(), a.size(), a.lastModifiedTime()));
            } catch (IOException e) {
                return Optional.empty();
            }
        }
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

    /**
     * A pool of at most {@code size} connections that keeps {@code minimumIdle} open while unused (router databases:
     * none, a connection is opened on demand and the sweeper closes the whole database when it idles), its
     * housekeeping on the one shared thread.
     */
    private HikariDataSource pool(String name, SQLiteDataSource sqlite, int size, int minimumIdle) {
        var hc = new HikariConfig();
        hc.setPoolName(name);
        hc.setDataSource(sqlite);
        hc.setMaximumPoolSize(size);
        hc.setMinimumIdle(minimumIdle);
        hc.setScheduledExecutor(poolHousekeeping);
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

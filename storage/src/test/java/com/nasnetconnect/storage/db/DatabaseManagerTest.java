package com.nasnetconnect.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.DatabaseHealth;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.storage.testing.MutableClock;
import java.io.RandomAccessFile;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class DatabaseManagerTest {
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    DatabaseManager databases;

    static final RouterId A = new RouterId("router-a");
    static final RouterId B = new RouterId("router-b");
    static final RouterId C = new RouterId("router-c");

    DatabaseManager open(DatabaseSettings settings) {
        databases = new DatabaseManager(dir, settings.withSweepInterval(Duration.ZERO), clock);
        return databases;
    }

    DatabaseManager open() {
        return open(DatabaseSettings.defaults());
    }

    @AfterEach
    void close() {
        if (databases != null) databases.close();
    }

    @Test
    void systemDatabaseIsMigratedInWalModeWithForeignKeysOn() {
        open();
        assertThat(dir.resolve("system.db")).exists();
        assertThat(pragma("journal_mode", null)).isEqualTo("wal");
        assertThat(pragma("foreign_keys", null)).isEqualTo("1");
        assertThat(databases.withSystem(Migrations::appliedVersions)).contains(1, 2);
    }

    @Test
    void routerDatabaseIsCreatedAndMigratedOnFirstUseOnly() {
        open();
        assertThat(databases.routerFile(A)).doesNotExist();
        assertThat(databases.isOpen(A)).isFalse();

        var versions = databases.withRouter(A, Migrations::appliedVersions);

        assertThat(versions).contains(1);
        assertThat(databases.routerFile(A)).exists();
        assertThat(databases.isOpen(A)).isTrue();
        assertThat(pragma("journal_mode", A)).isEqualTo("wal");
        assertThat(pragma("foreign_keys", A)).isEqualTo("1");
        assertThat(databases.routerFile(B)).doesNotExist();
    }

    @Test
    void idleRouterDatabaseIsClosedAfterTheTimeoutAndReopenedWithItsData() {
        open(DatabaseSettings.defaults().withRouterIdleTimeout(Duration.ofMinutes(5)));
        databases.inRouterTransaction(A, c -> c.createStatement().executeUpdate(
                "INSERT INTO config_snapshots(taken_nanos, taken_by, reason, content) VALUES (1, 'me', 'test', 'x')"));

        clock.advance(Duration.ofMinutes(4));
        assertThat(databases.sweepIdle()).isZero();
        assertThat(databases.isOpen(A)).isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(databases.sweepIdle()).isEqualTo(1);
        assertThat(databases.isOpen(A)).isFalse();

        long rows = databases.withRouter(A, c -> count(c.createStatement().executeQuery("SELECT count(*) FROM config_snapshots")));
        assertThat(rows).isEqualTo(1);
        assertThat(databases.isOpen(A)).isTrue();
    }

    @Test
    void useResetsTheIdleTimer() {
        open(DatabaseSettings.defaults().withRouterIdleTimeout(Duration.ofMinutes(5)));
        databases.withRouter(A, c -> null);
        clock.advance(Duration.ofMinutes(4));
        databases.withRouter(A, c -> null);
        clock.advance(Duration.ofMinutes(4));

        assertThat(databases.sweepIdle()).isZero();
        assertThat(databases.isOpen(A)).isTrue();
    }

    @Test
    void aDatabaseInUseIsNeverClosedUnderItsUser() throws Exception {
        open(DatabaseSettings.defaults().withRouterIdleTimeout(Duration.ofMinutes(5)));
        var inside = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        var exec = Executors.newSingleThreadExecutor();
        try {
            var result = exec.submit(() -> databases.withRouter(A, c -> {
                inside.countDown();
                try {
                    finish.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return count(c.createStatement().executeQuery("SELECT count(*) FROM resources"));
            }));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            clock.advance(Duration.ofHours(1));

            assertThat(databases.sweepIdle()).isZero();
            assertThat(databases.closeRouter(A)).isFalse();
            finish.countDown();
            assertThat(result.get(10, TimeUnit.SECONDS)).isZero();
        } finally {
            exec.shutdownNow();
        }
    }

    @Test
    void routerDatabasesShareOneHousekeepingThreadInsteadOfOnePerPool() {
        open();
        for (int i = 0; i < 20; i++) databases.withRouter(new RouterId("shared-keeping-" + i), c -> null);

        assertThat(databases.openRouterCount()).isEqualTo(20);
        var names = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).toList();
        assertThat(names).as("a housekeeping thread per router pool")
                .noneMatch(n -> n.startsWith("router-shared-keeping-") && n.endsWith("housekeeper"));
        assertThat(names).contains("db-pool-housekeeper");
    }

    @Test
    void aRouterDatabaseHasAtMostTwoConnectionsByDefault() throws Exception {
        open();
        var inside = new java.util.concurrent.CountDownLatch(2);
        var leave = new java.util.concurrent.CountDownLatch(1);
        var third = new java.util.concurrent.atomic.AtomicBoolean();
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 2; i++) {
                threads.submit(() -> databases.withRouter(A, c -> {
                    inside.countDown();
                    try {
                        leave.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return null;
                }));
            }
            assertThat(inside.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var waiting = threads.submit(() -> databases.withRouter(A, c -> {
                third.set(true);
                return null;
            }));
            // the third user waits for a connection (the pool's wait is longer than this): it gets one once one is back
            assertThatThrownBy(() -> waiting.get(300, java.util.concurrent.TimeUnit.MILLISECONDS))
                    .isInstanceOf(java.util.concurrent.TimeoutException.class);
            assertThat(third).isFalse();
            leave.countDown();
            waiting.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(third).isTrue();
        }
    }

    @Test
    void aRouterDatabaseReopenedUnchangedIsNotCheckedAgainButOneChangedSinceItWasClosedIs() throws Exception {
        open();
        databases.withRouter(A, c -> null);
        assertThat(databases.integrityChecks()).isEqualTo(1);
        databases.closeRouter(A);

        databases.withRouter(A, c -> null); // e.g. the next telemetry round of a fleet larger than the cap
        assertThat(databases.integrityChecks()).as("checks after reopening the file as it was left").isEqualTo(1);

        databases.closeRouter(A);
        Files.setLastModifiedTime(databases.routerFile(A), java.nio.file.attribute.FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
        databases.withRouter(A, c -> null);
        assertThat(databases.integrityChecks()).as("checks after the file changed behind our back").isEqualTo(2);
    }

    @Test
    void openingBeyondTheCapClosesTheLeastRecentlyUsedDatabase() {
        open(DatabaseSettings.defaults().withMaxOpenRouterDatabases(2));
        databases.withRouter(A, c -> null);
        clock.advance(Duration.ofSeconds(1));
        databases.withRouter(B, c -> null);
        clock.advance(Duration.ofSeconds(1));
        databases.withRouter(A, c -> null); // A is now more recent than B
        clock.advance(Duration.ofSeconds(1));

        databases.withRouter(C, c -> null);

        assertThat(databases.openRouterCount()).isEqualTo(2);
        assertThat(databases.isOpen(A)).isTrue();
        assertThat(databases.isOpen(B)).as("least recently used").isFalse();
        assertThat(databases.isOpen(C)).isTrue();
        assertThat(databases.health().openRouterDatabases()).isEqualTo(2);
    }

    @Test
    void aNewDataDirectoryIsPrivateAndEveryDatabaseFileIsReadableByTheOwnerOnly() throws Exception {
        assumePosix();
        Path data = dir.resolve("fresh");
        databases = new DatabaseManager(data, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        databases.inRouterTransaction(A, c -> c.createStatement().executeUpdate(
                "INSERT INTO config_snapshots(taken_nanos, taken_by, reason, content) VALUES (1, 'me', 'test', 'x')"));

        assertThat(permissions(data)).isEqualTo("rwx------");
        for (String name : new String[] {"system.db", "system.db-wal", "system.db-shm", "router-router-a.db",
                "router-router-a.db-wal", "router-router-a.db-shm"}) {
            assertThat(data.resolve(name)).as(name).exists();
            assertThat(permissions(data.resolve(name))).as(name).isEqualTo("rw-------");
        }
    }

    @Test
    void anExistingDataDirectoryAndTheDatabaseFilesInItAreTightenedOnStart() throws Exception {
        assumePosix();
        open();
        databases.withRouter(A, c -> null);
        databases.close();
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.setPosixFilePermissions(f, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
        }

        open();

        assertThat(permissions(dir)).isEqualTo("rwx------");
        assertThat(permissions(dir.resolve("system.db"))).isEqualTo("rw-------");
        assertThat(permissions(databases.routerFile(A))).isEqualTo("rw-------");
    }

    @Test
    void aQuarantinedFileAndItsFolderAreReadableByTheOwnerOnly() throws Exception {
        assumePosix();
        open();
        Files.writeString(databases.routerFile(A), "this is not an sqlite database at all, just text ".repeat(200));
        Files.setPosixFilePermissions(databases.routerFile(A), java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> databases.withRouter(A, c -> null)).isInstanceOf(StateException.Storage.class);

        assertThat(permissions(dir.resolve("quarantine"))).isEqualTo("rwx------");
        assertThat(permissions(Path.of(databases.health().quarantined().getFirst().movedTo()))).isEqualTo("rw-------");
    }

    static void assumePosix() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    }

    static String permissions(Path p) throws java.io.IOException {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aGarbageRouterFileIsQuarantinedWhileOtherRoutersKeepWorking() throws Exception {
        open();
        databases.inRouterTransaction(B, c -> c.createStatement().executeUpdate(
                "INSERT INTO config_snapshots(taken_nanos, taken_by, reason, content) VALUES (1, 'me', 'test', 'x')"));
        Files.writeString(databases.routerFile(A), "this is not an sqlite database at all, just text ".repeat(200));

        assertThatThrownBy(() -> databases.withRouter(A, c -> null))
                .isInstanceOfSatisfying(StateException.Storage.class, e -> assertThat(e.quarantined()).isTrue())
                .hasMessageContaining("router-a");

        assertThat(databases.routerFile(A)).doesNotExist();
        DatabaseHealth health = databases.health();
        assertThat(health.ready()).isTrue();
        assertThat(health.quarantined()).singleElement().satisfies(q -> {
            assertThat(q.routerId()).isEqualTo("router-a");
            assertThat(Path.of(q.movedTo())).exists().hasParent(dir.resolve("quarantine"));
            assertThat(Files.readString(Path.of(q.movedTo()))).startsWith("this is not an sqlite database");
        });
        // the other router is unaffected
        long rowsOfB = databases.withRouter(B, c -> count(c.createStatement().executeQuery("SELECT count(*) FROM config_snapshots")));
        assertThat(rowsOfB).isEqualTo(1);
        // the quarantined one stays refused (no silent fresh database) until released
        assertThatThrownBy(() -> databases.withRouter(A, c -> null)).hasMessageContaining("quarantined");
        assertThat(databases.routerFile(A)).doesNotExist();

        databases.releaseQuarantine(A);
        assertThat(databases.withRouter(A, Migrations::appliedVersions)).contains(1);
        assertThat(databases.health().quarantined()).isEmpty();
    }

    @Test
    void aQuarantinedDatabaseIsNamedByItsRoutersNameAndTimeWithoutAnyServerPath() throws Exception {
        open();
        registerRouter(A, "Office router");
        Files.writeString(databases.routerFile(A), "this is not an sqlite database at all, just text ".repeat(200));

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> databases.withRouter(A, c -> null))
                    .isInstanceOf(StateException.Quarantined.class)
                    .hasMessageStartingWith("the database of router 'Office router' (id 'router-a') is quarantined since 2026-01-01T10:00:00Z")
                    .hasMessageNotContaining(dir.toString()).hasMessageNotContaining("quarantine/");
        }
        assertThat(databases.health().quarantined()).singleElement().satisfies(q -> {
            assertThat(q.routerName()).isEqualTo("Office router");
            assertThat(q.problem()).doesNotContain(dir.toString()).contains("'Office router'");
            assertThat(q.reason()).doesNotContain(dir.toString()).doesNotContain("\n");
        });
    }

    @Test
    void aQuarantineOutlivesARestartUntilReleasedAndThenTheRouterAwaitsAdoption() throws Exception {
        open();
        Files.writeString(databases.routerFile(A), "this is not an sqlite database at all, just text ".repeat(200));
        assertThatThrownBy(() -> databases.withRouter(A, c -> null)).isInstanceOf(StateException.Quarantined.class);
        Path backup = Path.of(databases.health().quarantined().getFirst().movedTo());
        databases.close();

        open();
        assertThatThrownBy(() -> databases.withRouter(A, c -> null)).isInstanceOf(StateException.Quarantined.class);
        assertThat(databases.routerFile(A)).doesNotExist();
        assertThat(databases.quarantinedDatabases()).extracting(DatabaseHealth.QuarantinedDatabase::routerId).containsExactly("router-a");
        assertThat(databases.awaitingAdoption()).isEmpty();

        clock.advance(Duration.ofMinutes(1));
        databases.releaseQuarantine(A);

        long rows = databases.withRouter(A, c -> count(c.createStatement().executeQuery("SELECT count(*) FROM config_snapshots")));
        assertThat(rows).isZero();
        assertThat(databases.health().quarantined()).isEmpty();
        assertThat(backup).exists();
        assertThat(databases.awaitingAdoption()).containsExactly(A);
        databases.adopted(A);
        assertThat(databases.awaitingAdoption()).isEmpty();
        assertThatThrownBy(() -> databases.releaseQuarantine(A)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'router-a' is not quarantined");
    }

    @Test
    void aReleaseByAnotherProcessIsSeenAtTheRoutersNextUse() throws Exception {
        open();
        Files.writeString(databases.routerFile(A), "this is not an sqlite database at all, just text ".repeat(200));
        assertThatThrownBy(() -> databases.withRouter(A, c -> null)).isInstanceOf(StateException.Quarantined.class);

        try (var commandLine = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            assertThat(commandLine.quarantinedDatabases()).extracting(DatabaseHealth.QuarantinedDatabase::routerId).containsExactly("router-a");
            commandLine.releaseQuarantine(A);
        }

        assertThat(databases.withRouter(A, Migrations::appliedVersions)).contains(1);
        assertThat(databases.health().quarantined()).isEmpty();
    }

    @Test
    void aQuarantinedDatabaseIsRestoredFromAGoodBackupAndAGarbageBackupIsRefused() throws Exception {
        open();
        databases.inRouterTransaction(B, c -> c.createStatement().executeUpdate(
                "INSERT INTO config_snapshots(taken_nanos, taken_by, reason, content) VALUES (1, 'me', 'test', 'x')"));
        databases.closeRouter(B);
        Path good = dir.resolve("backup-of-b.db");
        Files.copy(databases.routerFile(B), good);
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "not a database either ".repeat(300));
        Files.writeString(databases.routerFile(A), "this is not an sqlite database at all, just text ".repeat(200));
        assertThatThrownBy(() -> databases.withRouter(A, c -> null)).isInstanceOf(StateException.Quarantined.class);

        assertThatThrownBy(() -> databases.restoreQuarantined(A, garbage)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(garbage.toString()).hasMessageContaining("not a usable router database");
        assertThatThrownBy(() -> databases.withRouter(A, c -> null)).isInstanceOf(StateException.Quarantined.class);

        databases.restoreQuarantined(A, good);

        long rows = databases.withRouter(A, c -> count(c.createStatement().executeQuery("SELECT count(*) FROM config_snapshots")));
        assertThat(rows).isEqualTo(1);
        assertThat(databases.health().quarantined()).isEmpty();
        assertThat(databases.awaitingAdoption()).isEmpty();
        assertThat(good).exists();
        assertThatThrownBy(() -> databases.restoreQuarantined(B, good)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'router-b' is not quarantined");
    }

    void registerRouter(RouterId id, String name) {
        databases.withSystem(c -> c.createStatement().executeUpdate("INSERT INTO routers (id, name, host, port, tls, username,"
                + " password_sealed, demo, added_at, updated_at) VALUES ('" + id.value() + "', '" + name
                + "', '10.0.0.1', 8728, 0, 'admin', 'sealed', 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')"));
    }

    @Test
    void aDatabaseWithDamagedPagesFailsItsIntegrityCheckAndIsQuarantined() throws Exception {
        open();
        databases.inRouterTransaction(A, c -> {
            try (var ps = c.prepareStatement("INSERT INTO config_snapshots(taken_nanos, taken_by, reason, content) VALUES (?, 'me', 'r', ?)")) {
                for (int i = 0; i < 200; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "content ".repeat(50) + i);
                    ps.executeUpdate();
                }
            }
            return null;
        });
        databases.closeRouter(A);
        Path file = databases.routerFile(A);
        long size = Files.size(file);
        assertThat(size).isGreaterThan(8 * 4096);
        try (var raf = new RandomAccessFile(file.toFile(), "rw")) {
            for (long page = 2; page * 4096 < size; page += 2) {
                raf.seek(page * 4096);
                raf.write("garbage!".repeat(64).getBytes(StandardCharsets.US_ASCII));
            }
        }

        assertThatThrownBy(() -> databases.withRouter(A, c -> null))
                .isInstanceOfSatisfying(StateException.Storage.class, e -> assertThat(e.quarantined()).isTrue());
        assertThat(databases.health().quarantined()).extracting(DatabaseHealth.QuarantinedDatabase::routerId).containsExactly("router-a");
    }

    @Test
    void aBrokenMigrationScriptDoesNotQuarantineTheRouterDatabase() throws Exception {
        Path root = dir.resolve("classes");
        Files.createDirectories(root.resolve("db/badrouter"));
        Files.writeString(root.resolve("db/badrouter/V1__broken.sql"), "CREATE TABLE (;");
        try (var loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock,
                    new Migrations("db/system"), new Migrations("db/badrouter", loader));

            assertThatThrownBy(() -> databases.withRouter(A, c -> null))
                    .isInstanceOfSatisfying(StateException.Storage.class, e -> assertThat(e.quarantined()).isFalse())
                    .hasMessageContaining("V1__broken.sql");
            assertThat(databases.health().quarantined()).isEmpty();
            assertThat(databases.routerFile(A)).exists();
        }
    }

    @Test
    void migrateAllMigratesEveryRouterFileAndReportsEachOutcome() throws Exception {
        open();
        databases.withRouter(A, c -> null);
        databases.closeRouter(A);
        // a file created by an older version: empty, never migrated
        Files.createFile(databases.routerFile(B));
        Files.writeString(databases.routerFile(C), "garbage ".repeat(100));

        var outcome = databases.migrateAll();

        assertThat(outcome).containsOnlyKeys(A, B, C);
        assertThat(outcome.get(A)).isEqualTo(Optional.empty());
        assertThat(outcome.get(B)).isEqualTo(Optional.empty());
        assertThat(outcome.get(C)).hasValueSatisfying(m -> assertThat(m).contains("quarantined"));
        assertThat(databases.isOpen(A)).as("closed again after migrating").isFalse();
        assertThat(databases.withRouter(B, Migrations::appliedVersions)).contains(1);
    }

    @Test
    void theSweeperThreadClosesIdleDatabasesOnItsOwn() throws Exception {
        databases = new DatabaseManager(dir, DatabaseSettings.defaults().withRouterIdleTimeout(Duration.ofMinutes(5))
                .withSweepInterval(Duration.ofMillis(20)), clock);
        databases.withRouter(A, c -> null);
        clock.advance(Duration.ofMinutes(6));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (databases.isOpen(A) && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(databases.isOpen(A)).isFalse();
    }

    @Test
    void healthIsNotReadyAfterClose() {
        open();
        assertThat(databases.health().ready()).isTrue();
        databases.close();
        var h = databases.health();
        assertThat(h.ready()).isFalse();
        assertThat(h.systemProblem()).isPresent();
        databases = null;
    }

    @Test
    void aFailedTransactionIsRolledBack() {
        open();
        assertThatThrownBy(() -> databases.inRouterTransaction(A, c -> {
            c.createStatement().executeUpdate("INSERT INTO config_snapshots(taken_nanos, taken_by, reason, content) VALUES (1, 'me', 'r', 'x')");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        long rows = databases.withRouter(A, c -> count(c.createStatement().executeQuery("SELECT count(*) FROM config_snapshots")));
        assertThat(rows).isZero();
    }

    private String pragma(String name, RouterId router) {
        SqlWork<String> q = c -> {
            try (ResultSet rs = c.createStatement().executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        };
        return router == null ? databases.withSystem(q) : databases.withRouter(router, q);
    }

    private static long count(ResultSet rs) throws java.sql.SQLException {
        try (rs) {
            rs.next();
            return rs.getLong(1);
        }
    }
}

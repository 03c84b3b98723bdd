package com.nasnetconnect.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code db quarantine list|release} on a real data directory, as the server left it. */
class DbCommandTest {
    static final RouterId DEMO = new RouterId("demo");
    static final RouterId LAB = new RouterId("lab");

    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int db(String... args) {
        out.reset();
        err.reset();
        return new DbCommand(Map.of(), Clock.systemUTC()).execute(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    DatabaseManager server() {
        return new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC());
    }

    /** Registers the router and gives it a damaged database that the server then quarantines. */
    void quarantine(DatabaseManager databases, RouterId id, String name) throws Exception {
        new SqliteRouterRepository(databases, AesGcmSecretCipher.ofKey(new byte[32]), Clock.systemUTC()).save(new Router(id, name,
                new RouterEndpoint("127.0.0.1", 8728, false, "admin", Secret.of("pw")), false, Clock.systemUTC().instant()));
        Files.writeString(databases.routerFile(id), "not a database, just garbage ".repeat(200));
        assertThatThrownBy(() -> databases.withRouter(id, c -> null)).isInstanceOf(StateException.Quarantined.class);
    }

    @Test
    void listShowsEachQuarantinedRouterByIdAndNameAndReleaseStartsItAfreshKeepingTheDamagedFile() throws Exception {
        Path damaged;
        try (var databases = server()) {
            quarantine(databases, DEMO, "Demo router");
            damaged = Path.of(databases.quarantinedDatabases().getFirst().movedTo());
        }

        assertThat(db("quarantine", "list", "--data-dir", dir.toString())).isZero();
        assertThat(out()).contains("demo\t'Demo router'\tsince ").contains(damaged.toString());

        assertThat(db("quarantine", "release", "--router", "demo", "--data-dir", dir.toString())).as(err()).isZero();
        assertThat(out()).contains("starts afresh").contains("adopting the router's own configuration").contains(damaged.toString());
        assertThat(damaged).exists();

        assertThat(db("quarantine", "list", "--data-dir", dir.toString())).isZero();
        assertThat(out()).contains("no router database is quarantined").contains("awaiting adoption of the router's configuration: demo");
        try (var databases = server()) {
            String opened = databases.withRouter(DEMO, c -> "open");
            assertThat(opened).isEqualTo("open");
            assertThat(databases.awaitingAdoption()).containsExactly(DEMO);
        }

        assertThat(db("quarantine", "release", "--router", "demo", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("the database of router 'demo' is not quarantined");
    }

    @Test
    void releaseFromABackupRestoresItAndRefusesAFileThatIsNotAnIntactDatabase() throws Exception {
        Path backup = dir.resolve("lab-backup.db");
        Path garbage = dir.resolve("garbage.db");
        try (var databases = server()) {
            databases.inRouterTransaction(LAB, c -> c.createStatement().executeUpdate(
                    "INSERT INTO config_snapshots(taken_nanos, taken_by, reason, content) VALUES (1, 'me', 'backup', 'x')"));
            databases.closeRouter(LAB);
            Files.copy(databases.routerFile(LAB), backup);
            Files.delete(databases.routerFile(LAB));
            quarantine(databases, LAB, "Lab");
        }
        Files.writeString(garbage, "nothing like sqlite ".repeat(300));

        assertThat(db("quarantine", "release", "--router", "lab", "--from", garbage.toString(), "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains(garbage.toString()).contains("not a usable router database");

        assertThat(db("quarantine", "release", "--router", "lab", "--from", backup.toString(), "--data-dir", dir.toString())).as(err()).isZero();
        assertThat(out()).contains("restored from " + backup);
        try (var databases = server()) {
            long rows = databases.withRouter(LAB, c -> {
                try (var rs = c.createStatement().executeQuery("SELECT count(*) FROM config_snapshots")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(rows).isEqualTo(1);
            assertThat(databases.awaitingAdoption()).isEmpty();
        }
    }

    @Test
    void usageMistakesExitWithTwoAndAMissingDataDirectoryIsNotCreated() {
        assertThat(db()).isEqualTo(2);
        assertThat(out()).contains("db quarantine release --router ID [--from FILE]");
        assertThat(db("quarantine", "frobnicate", "--data-dir", dir.toString())).isEqualTo(2);
        assertThat(err()).contains("unknown sub-command 'frobnicate'");
        assertThat(db("quarantine", "release", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("needs --router");
        Path missing = dir.resolve("no-such-dir");
        assertThat(db("quarantine", "list", "--data-dir", missing.toString())).isEqualTo(1);
        assertThat(missing).doesNotExist();
    }
}

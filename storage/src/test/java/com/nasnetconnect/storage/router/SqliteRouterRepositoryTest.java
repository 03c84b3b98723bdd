package com.nasnetconnect.storage.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.testing.MutableClock;
import com.nasnetconnect.storage.testing.TestCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class SqliteRouterRepositoryTest {
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
    final TestCipher cipher = new TestCipher();
    DatabaseManager databases;
    SqliteRouterRepository routers;

    @BeforeEach
    void open() {
        databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        routers = new SqliteRouterRepository(databases, cipher, clock);
    }

    @AfterEach
    void close() {
        databases.close();
    }

    static Router router(String id, String name, String password, Instant addedAt) {
        return new Router(new RouterId(id), name, new RouterEndpoint("127.0.0.1", 8728, false, "admin", Secret.of(password)), false, addedAt);
    }

    @Test
    void savedRouterComesBackWithItsPassword() {
        routers.save(router("r1", "Office", "s3cret!", clock.instant()));

        Router found = routers.find(new RouterId("r1")).orElseThrow();
        assertThat(found.name()).isEqualTo("Office");
        assertThat(found.endpoint().address()).isEqualTo("127.0.0.1:8728");
        assertThat(found.endpoint().password().reveal()).isEqualTo("s3cret!");
        assertThat(found.addedAt()).isEqualTo(clock.instant());
    }

    @Test
    void passwordIsStoredOnlySealed() throws Exception {
        routers.save(router("r1", "Office", "plain-text-password", clock.instant()));

        String stored = databases.withSystem(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT password_sealed FROM routers")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).doesNotContain("plain-text-password").startsWith("t1:");
        assertThat(Files.readAllBytes(dir.resolve("system.db"))).asString().doesNotContain("plain-text-password");
    }

    @Test
    void listingAgainWithinASecondReadsNoDatabaseButEverySaveOrDeleteHereIsListedAtOnce() {
        routers.save(router("a", "First", "x", Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(routers.findAll()).extracting(Router::name).containsExactly("First");
        // a row changed behind the repository's back (not through it) is not seen while the list is reused
        databases.inSystemTransaction(c -> c.createStatement().executeUpdate("UPDATE routers SET name = 'Renamed' WHERE id = 'a'"));
        assertThat(routers.findAll()).extracting(Router::name).as("reused, no read").containsExactly("First");

        routers.save(router("b", "Second", "x", Instant.parse("2026-01-02T00:00:00Z")));
        assertThat(routers.findAll()).extracting(Router::name).containsExactly("Renamed", "Second");
        routers.delete(new RouterId("a"));
        assertThat(routers.findAll()).extracting(Router::name).containsExactly("Second");
    }

    @Test
    void findAllListsRoutersInTheOrderTheyWereAdded() {
        routers.save(router("b", "Second", "x", Instant.parse("2026-01-02T00:00:00Z")));
        routers.save(router("a", "First", "x", Instant.parse("2026-01-01T00:00:00Z")));

        assertThat(routers.findAll()).extracting(Router::name).containsExactly("First", "Second");
    }

    @Test
    void savingAnExistingIdReplacesIt() {
        routers.save(router("r1", "Old name", "x", clock.instant()));
        routers.save(router("r1", "New name", "y", clock.instant()));

        assertThat(routers.findAll()).hasSize(1);
        assertThat(routers.find(new RouterId("r1")).orElseThrow().name()).isEqualTo("New name");
        assertThat(routers.find(new RouterId("r1")).orElseThrow().endpoint().password().reveal()).isEqualTo("y");
    }

    @Test
    void deleteIsSoftAndKeepsTheRouterDatabaseFile() {
        RouterId id = new RouterId("r1");
        routers.save(router("r1", "Office", "x", clock.instant()));
        databases.withRouter(id, c -> c.createStatement().execute("SELECT 1"));
        assertThat(databases.isOpen(id)).isTrue();

        routers.delete(id);

        assertThat(routers.findAll()).isEmpty();
        assertThat(routers.find(id)).isEmpty();
        assertThat(routers.findDeleted()).extracting(Router::id).containsExactly(id);
        assertThat(databases.isOpen(id)).as("database closed after delete").isFalse();
        assertThat(databases.routerFile(id)).exists();
    }

    @Test
    void savingADeletedRouterAgainRestoresIt() {
        routers.save(router("r1", "Office", "x", clock.instant()));
        routers.delete(new RouterId("r1"));
        routers.save(router("r1", "Office again", "x", clock.instant()));

        assertThat(routers.findAll()).extracting(Router::name).containsExactly("Office again");
        assertThat(routers.findDeleted()).isEmpty();
    }

    @Test
    void routersSurviveARestart() {
        routers.save(router("r1", "Office", "pw", clock.instant()));
        databases.close();

        databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        var again = new SqliteRouterRepository(databases, cipher, clock);
        assertThat(again.findAll()).extracting(Router::name).containsExactly("Office");
    }

    @Test
    void passwordSealedWithAnotherKeyIsReportedWithoutLeakingIt() {
        routers.save(router("r1", "Office", "pw", clock.instant()));
        var otherKey = new SqliteRouterRepository(databases, new TestCipher(), clock);

        var listed = otherKey.findAll(); // listing needs no password: it is opened when a connection uses it
        assertThatThrownBy(() -> listed.getFirst().endpoint().password().reveal())
                .hasMessageContaining("r1")
                .hasMessageNotContaining("pw")
                .hasMessageNotContaining("t1:");
    }

    @Test
    void listingRoutersOpensNoPasswordUntilOneIsUsedAndThenOnlyThatOneOnce() {
        for (int i = 1; i <= 5; i++) routers.save(router("r" + i, "Router " + i, "pw" + i, clock.instant()));
        var opened = new java.util.concurrent.atomic.AtomicInteger();
        var counting = new com.nasnetconnect.domain.security.SecretCipher() {
            public String seal(com.nasnetconnect.domain.common.Secret s) { return cipher.seal(s); }
            public com.nasnetconnect.domain.common.Secret open(String sealed) { opened.incrementAndGet(); return cipher.open(sealed); }
        };
        var reading = new SqliteRouterRepository(databases, counting, clock);

        var all = reading.findAll();
        assertThat(all).hasSize(5);
        assertThat(opened).as("decryptions for a listing").hasValue(0);
        var third = all.get(2).endpoint().password();
        assertThat(third.reveal()).isEqualTo("pw3");
        assertThat(third.reveal()).isEqualTo("pw3");
        assertThat(opened).as("decryptions after using one password twice").hasValue(1);
    }

    @Test
    void registeringTwoHundredRoutersOpensNoRouterDatabaseUntilOneIsUsed() throws Exception {
        for (int i = 1; i <= 200; i++) routers.save(router("r" + i, "Router " + i, "pw" + i, clock.instant()));
        assertThat(routers.findAll()).hasSize(200);
        for (int i = 1; i <= 200; i++) assertThat(routers.find(new RouterId("r" + i))).isPresent();

        assertThat(databases.openRouterCount()).as("router databases open after registering and listing").isZero();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("router-"));
        }

        databases.withRouter(new RouterId("r7"), c -> null);
        assertThat(databases.openRouterCount()).isEqualTo(1);
        assertThat(databases.routerDatabases()).containsExactly(new RouterId("r7"));
    }
}

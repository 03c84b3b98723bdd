package com.nasnetconnect.storage.factory;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.testing.MutableClock;
import com.nasnetconnect.storage.testing.TestCipher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** An instance's health (status, reason, when it was seen) kept in the router's database across a restart. */
@Timeout(30)
class SqliteInstanceHealthTest {
    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T01:00:00Z"));
    DatabaseManager databases;

    @BeforeEach
    void open() {
        databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
    }

    @AfterEach
    void close() {
        databases.close();
    }

    @Test
    void aNewInstanceIsUnknownUntilChecked() {
        var store = new SqliteServiceInstanceStore(databases, new TestCipher());
        var usa = SqliteFactoryStoresTest.instance("usa", 101);
        store.reserve(usa);

        assertThat(store.find(SqliteFactoryStoresTest.LAB, usa.id()).orElseThrow().health()).isEqualTo(InstanceHealth.unknown());
    }

    @Test
    void anUnhealthyInstanceComesBackAfterARestartWithItsReasonAndTheTimeItWasSeenToTheNanosecond() {
        var store = new SqliteServiceInstanceStore(databases, new TestCipher());
        var usa = SqliteFactoryStoresTest.instance("usa", 101);
        store.reserve(usa);
        Instant seen = Instant.parse("2026-12-02T01:02:03.123456789Z");
        var degraded = usa.with(InstanceState.DEGRADED, 100)
                .with(InstanceHealth.unhealthy("container nnc-tor-usa stopped: exited with status 1", seen));
        store.update(degraded);

        databases.close();
        open();
        var back = new SqliteServiceInstanceStore(databases, new TestCipher()).find(SqliteFactoryStoresTest.LAB, usa.id()).orElseThrow();

        assertThat(back).isEqualTo(degraded);
        assertThat(back.health().status()).isEqualTo(InstanceHealth.Status.UNHEALTHY);
        assertThat(back.health().reason()).isEqualTo("container nnc-tor-usa stopped: exited with status 1");
        assertThat(back.health().checkedAt()).contains(seen);
    }

    @Test
    void recoveringReplacesTheReasonAndAnUnknownHealthKeepsNoTime() {
        var store = new SqliteServiceInstanceStore(databases, new TestCipher());
        var usa = SqliteFactoryStoresTest.instance("usa", 101);
        store.reserve(usa);
        store.update(usa.with(InstanceHealth.unhealthy("the default route of nnc-tor-usa through 10.99.101.254 is inactive", clock.instant())));

        var healthy = usa.with(InstanceState.RUNNING, 100).with(InstanceHealth.healthy(clock.instant().plusSeconds(5)));
        store.update(healthy);
        assertThat(store.list(SqliteFactoryStoresTest.LAB)).containsExactly(healthy);

        var unknown = healthy.with(new InstanceHealth(InstanceHealth.Status.UNKNOWN, "router 'lab' could not be reached", Optional.empty()));
        store.update(unknown);
        assertThat(store.find(SqliteFactoryStoresTest.LAB, usa.id())).contains(unknown);
    }
}

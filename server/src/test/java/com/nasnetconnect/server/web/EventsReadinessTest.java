package com.nasnetconnect.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.events.ColdEventTier;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventRetention;
import com.nasnetconnect.domain.events.NewEvent;
import com.nasnetconnect.domain.events.TieredEventLog;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.events.FileColdEventTier;
import com.nasnetconnect.storage.events.HotTierLocation;
import com.nasnetconnect.storage.events.SqliteHotEventTier;
import com.nasnetconnect.storage.events.SqliteWarmEventTier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event tiers in readiness, over real tiers: what is degraded shows, and never makes the server unready. */
class EventsReadinessTest {
    @TempDir
    Path dir;

    private TieredEventLog log(DatabaseManager databases, SqliteHotEventTier hot, ColdEventTier cold) {
        return new TieredEventLog(Clock.systemUTC(), hot, new SqliteWarmEventTier(databases, Clock.systemUTC()), cold, EventRetention.defaults());
    }

    @Test
    void aHotTierInTheDataDirectoryAndAnAbsentColdDirectoryShowAsDegradedButReady() {
        Path notTmpfs = dir.resolve("no-shm");  // not a directory: the hot tier falls back to the data directory
        HotTierLocation where = HotTierLocation.choose(Optional.empty(), notTmpfs, dir.resolve("data"));
        try (var databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC());
             var hot = SqliteHotEventTier.open(where, SqliteHotEventTier.Settings.defaults())) {
            var check = new EventsReadiness(log(databases, hot, new FileColdEventTier(dir.resolve("usb-not-mounted")))).check();

            assertThat(check.up()).isTrue();
            assertThat(check.details().get("hotPath")).isEqualTo(dir.resolve("data").resolve("events-hot").toAbsolutePath().normalize().toString());
            assertThat(check.details().get("cold")).isEqualTo("failing");
            assertThat((List<?>) check.details().get("degraded")).hasSize(2)
                    .anySatisfy(d -> assertThat(d.toString()).contains("wear the flash").contains("NNC_EVENTS_HOT_DIR"))
                    .anySatisfy(d -> assertThat(d.toString()).contains("usb-not-mounted"));
        }
    }

    @Test
    void aFullHotTierShowsTheLowEventsItDropped() {
        try (var databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC());
             var hot = new SqliteHotEventTier(dir.resolve("hot"), Optional.empty(), SqliteHotEventTier.Settings.defaults().withMaxPageCount(40))) {
            var log = log(databases, hot, ColdEventTier.NONE);
            for (int round = 0; hot.status().droppedLow() == 0; round++) {
                assertThat(round).as("40 pages never filled up").isLessThan(1000);
                for (int i = 0; i < 100; i++) {
                    log.record(NewEvent.of(new RouterId("r1"), EventClass.LOW, "telemetry.interface", "poller", "ether1 rx/tx",
                            Map.of("rxBps", 1000L * i, "txBps", 10L * round)));
                }
                hot.flush();
            }

            var check = new EventsReadiness(log).check();

            assertThat(check.up()).isTrue();
            assertThat((Long) check.details().get("hotDroppedLow")).isPositive();
            assertThat(check.details().get("cold")).isEqualTo("not configured");
            assertThat((List<?>) check.details().get("degraded")).anySatisfy(d -> assertThat(d.toString()).contains("ran full"));
        }
    }

    @Test
    void aMountedColdDirectoryIsShownWithItsPath() throws Exception {
        Path usb = Files.createDirectories(dir.resolve("usb"));
        try (var databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC());
             var hot = new SqliteHotEventTier(dir.resolve("hot"), Optional.empty(), SqliteHotEventTier.Settings.defaults())) {
            var check = new EventsReadiness(log(databases, hot, new FileColdEventTier(usb))).check();

            assertThat(check.details().get("cold")).isEqualTo("mounted");
            assertThat(check.details().get("coldPath")).isEqualTo(usb.toString());
            assertThat(check.details()).doesNotContainKey("degraded");
        }
    }
}

package com.nasnetconnect.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventIds;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.events.FileColdEventTier;
import com.nasnetconnect.storage.events.SqliteWarmEventTier;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code events archive} on a real data directory and a real cold directory. */
class EventsCommandTest {
    static final RouterId R = new RouterId("office");
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int events(String... args) {
        out.reset();
        err.reset();
        return new EventsCommand(Map.of(), Clock.fixed(NOW, ZoneOffset.UTC)).execute(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** The server left 10 warm events a day apart, the newest 5 days old. */
    void serverWroteWarmEvents(Path data) {
        try (var databases = new DatabaseManager(data, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC())) {
            var warm = new SqliteWarmEventTier(databases, Clock.systemUTC());
            for (int i = 0; i < 10; i++) {
                Instant at = NOW.minus(Duration.ofDays(5 + i));
                warm.append(new LoggedEvent(EventIds.next(at), Optional.of(R), EventClass.CRITICAL, "service.installed", at, "alice",
                        "installed tor #" + i, Map.of("template", "tor"), EventTier.WARM));
            }
        }
    }

    @Test
    void archiveMovesWarmEventsOlderThanTheDurationIntoChecksummedMonthlyPartitionsAndSaysWhat() throws Exception {
        Path data = dir.resolve("data");
        Path cold = Files.createDirectories(dir.resolve("usb"));
        serverWroteWarmEvents(data);

        assertThat(events("archive", "--data-dir", data.toString(), "--cold-dir", cold.toString(), "--older-than", "7d")).isEqualTo(0);
        assertThat(out()).contains("archived 5 events to " + cold.resolve("router-office/events-router-office-2026-02.jsonl.zst"));
        assertThat(out()).contains("archived 2 events to " + cold.resolve("router-office/events-router-office-2026-03.jsonl.zst"));
        assertThat(out()).contains("# archived 7 warm events older than 7d");
        assertThat(cold.resolve("router-office/events-router-office-2026-02.jsonl.zst.sha256")).exists();

        try (var databases = new DatabaseManager(data, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), Clock.systemUTC())) {
            assertThat(new SqliteWarmEventTier(databases, Clock.systemUTC()).status().events()).isEqualTo(3);
        }
        assertThat(new FileColdEventTier(cold).newest(EventQuery.all(100), 100)).hasSize(7).allMatch(e -> e.tier() == EventTier.COLD);

        assertThat(events("archive", "--data-dir", data.toString(), "--cold-dir", cold.toString(), "--older-than", "7d")).isEqualTo(0);
        assertThat(out()).contains("# archived 0 warm events");
    }

    @Test
    void anAbsentColdDirectoryIsRefusedAndUsageMistakesExitWithTwo() {
        Path data = dir.resolve("data");
        serverWroteWarmEvents(data);
        Path unmounted = dir.resolve("media/usb");
        assertThat(events("archive", "--data-dir", data.toString(), "--cold-dir", unmounted.toString(), "--older-than", "0s")).isEqualTo(1);
        assertThat(err()).contains("absent").contains(unmounted.toString());
        assertThat(unmounted).doesNotExist();

        assertThat(events()).isEqualTo(2);
        assertThat(events("archive", "--data-dir", data.toString(), "--cold-dir", dir.toString(), "--older-than", "a month")).isEqualTo(2);
        assertThat(err()).contains("'a month' is not a duration");
        assertThat(events("archive", "--data-dir", data.toString(), "--older-than", "30d")).isEqualTo(2);
        assertThat(err()).contains("needs --cold-dir");
        assertThat(events("compact")).isEqualTo(2);
        Path missing = dir.resolve("no-such-dir");
        assertThat(events("archive", "--data-dir", missing.toString(), "--cold-dir", dir.toString(), "--older-than", "1d")).isEqualTo(1);
        assertThat(missing).doesNotExist();
    }
}

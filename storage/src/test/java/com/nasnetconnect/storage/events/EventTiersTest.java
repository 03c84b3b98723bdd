package com.nasnetconnect.storage.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nasnetconnect.domain.events.ArchiveEvents;
import com.nasnetconnect.domain.events.ColdEventTier;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventPage;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventRetention;
import com.nasnetconnect.domain.events.EventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.events.NewEvent;
import com.nasnetconnect.domain.events.TieredEventLog;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceChange;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.state.SecretFieldSealer;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import com.nasnetconnect.storage.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The three event tiers on real SQLite files and a real cold directory, through the domain's TieredEventLog. */
@Timeout(120)
class EventTiersTest {
    static final RouterId R = new RouterId("office");
    static final RouterId OTHER = new RouterId("branch");

    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T12:00:00Z"));
    DatabaseManager databases;
    SqliteHotEventTier hot;
    SqliteWarmEventTier warm;
    final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void open() {
        databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        hot = openHot(SqliteHotEventTier.Settings.defaults());
        warm = new SqliteWarmEventTier(databases, clock, new SqliteWarmEventTier.Settings(3, 100, 1_000_000, 2000));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : opened.reversed()) c.close();
        databases.close();
    }

    SqliteHotEventTier openHot(SqliteHotEventTier.Settings settings) {
        var h = new SqliteHotEventTier(dir.resolve("hot"), Optional.empty(), settings);
        opened.add(h);
        return h;
    }

    TieredEventLog log(ColdEventTier cold) {
        return log(cold, EventRetention.defaults());
    }

    TieredEventLog log(ColdEventTier cold, EventRetention retention) {
        return new TieredEventLog(clock, hot, warm, cold, retention);
    }

    static NewEvent event(RouterId router, EventClass c, String type, int i) {
        var data = new LinkedHashMap<String, Object>();
        data.put("interface", "ether" + (i % 5 + 1));
        data.put("rxBps", 1_000_000L + i * 37L);
        data.put("state", i % 3 == 0 ? "running" : "starting");
        return NewEvent.of(router, c, type, "poller", type + " #" + i + " on " + router.value(), data);
    }

    List<LoggedEvent> all(TieredEventLog log, EventQuery q) {
        var out = new ArrayList<LoggedEvent>();
        EventPage page = log.query(q);
        out.addAll(page.events());
        while (page.hasNextPage()) {
            page = log.query(q.after(page.endCursor().orElseThrow()));
            out.addAll(page.events());
        }
        return out;
    }

    // --- power loss -----------------------------------------------------------------------------------------

    @Test
    void powerLossWithTheHotDirectoryWipedKeepsEveryCriticalEventAndStartsWithAnEmptyHotTier() throws Exception {
        var store = new SqliteResourceStore(databases, 10, SecretFieldSealer.NONE, Optional.of(warm));
        var log = log(ColdEventTier.NONE);
        var criticalIds = new HashSet<String>();
        for (int i = 0; i < 20; i++) {
            Resource r = Resource.create(ResourceId.random(), R, ResourceKind.VLAN, Fields.of("name", "v" + i, "vlanId", 100L + i, "interface", "bridge1"),
                    Relationships.NONE, Platform.MIKROTIK, clock.instant(), "alice");
            List<ResourceEvent> committed = store.commit(ChangeSet.of(R, "alice", clock.instant(), new ResourceChange.Put(r, ChangeType.CREATED)));
            log.recordCommitted(committed);
            committed.forEach(e -> criticalIds.add(com.nasnetconnect.domain.events.EventIds.ofResourceChange(R, e.sequence())));
            criticalIds.add(log.record(new NewEvent(Optional.empty(), EventClass.CRITICAL, "auth.login", "alice", "alice signed in",
                    Map.of("password", "hunter2"))).id());
            log.record(event(R, EventClass.NORMAL, "service.state", i));
            log.record(event(R, EventClass.LOW, "telemetry.interface", i));
            clock.advance(Duration.ofSeconds(5));
        }
        hot.flush();
        assertEquals(80, hot.status().events());

        // power loss: the process dies (the old tier is never closed before the new one opens) and tmpfs is empty
        try (Stream<Path> files = Files.walk(dir.resolve("hot"))) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
        hot = openHot(SqliteHotEventTier.Settings.defaults());
        assertEquals(0, hot.status().events());
        var afterRestart = log(ColdEventTier.NONE);

        List<LoggedEvent> critical = all(afterRestart, EventQuery.all(7).withClasses(Set.of(EventClass.CRITICAL)));
        assertEquals(criticalIds, new HashSet<>(critical.stream().map(LoggedEvent::id).toList()));
        assertTrue(critical.stream().allMatch(e -> e.tier() == EventTier.WARM));
        assertTrue(critical.stream().filter(e -> e.type().equals("auth.login")).allMatch(e -> e.data().get("password").equals("******")),
                "secrets are masked before any tier");
        for (RouterId r : List.of(R)) {
            assertEquals("ok", databases.withRouter(r, c -> {
                try (ResultSet rs = c.createStatement().executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    return rs.getString(1);
                }
            }));
        }
    }

    @Test
    void aDamagedHotFileIsReplacedByAnEmptyOne() throws Exception {
        var log = log(ColdEventTier.NONE);
        for (int i = 0; i < 10; i++) log.record(event(R, EventClass.LOW, "telemetry.interface", i));
        hot.close();
        Files.write(dir.resolve("hot").resolve("hot-events.db"), "this is not a database, the power went off mid-write".repeat(200).getBytes());
        Files.deleteIfExists(dir.resolve("hot").resolve("hot-events.db-wal"));
        hot = openHot(SqliteHotEventTier.Settings.defaults());
        assertEquals(0, hot.status().events());
        log(ColdEventTier.NONE).record(event(R, EventClass.LOW, "telemetry.interface", 1));
        hot.flush();
        assertEquals(1, hot.status().events());
    }

    // --- full hot tier --------------------------------------------------------------------------------------

    @Test
    void aFullHotTierDropsLowEventsFirstAndSaysSoWithoutFailingTheCaller() {
        hot.close();
        hot = openHot(SqliteHotEventTier.Settings.defaults().withMaxPageCount(40)); // 40 pages of 4 KiB: full quickly
        var log = log(ColdEventTier.NONE);
        int low = 0;
        while (hot.status().droppedLow() == 0) {
            for (int i = 0; i < 100; i++) log.record(event(R, EventClass.LOW, "telemetry.interface", low++));
            hot.flush();
            assertTrue(low < 100_000, "40 pages never filled up");
        }
        var critical = new HashSet<String>();
        for (int i = 0; i < 30; i++) {
            critical.add(log.record(event(R, EventClass.CRITICAL, "service.installed", i)).id());
            log.record(event(R, EventClass.LOW, "telemetry.interface", low++));
        }
        hot.flush();
        var inHot = hot.newest(EventQuery.all(1000).withClasses(Set.of(EventClass.CRITICAL)), 1000);
        assertEquals(critical, new HashSet<>(inHot.stream().map(LoggedEvent::id).toList()), "every critical event made it into the full tier: " + hot.status());
        var status = hot.status();
        assertTrue(status.droppedLow() > 0);
        assertEquals(0, status.droppedOther());
        assertTrue(status.degraded().orElseThrow().contains("full"), status.degraded().orElseThrow());
        assertTrue(status.events() > 0);
    }

    // --- warm dictionaries ----------------------------------------------------------------------------------

    @Test
    void retrainingADictionaryKeepsRowsCompressedWithTheOldOneReadable() {
        var log = log(ColdEventTier.NONE);
        var written = new ArrayList<LoggedEvent>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 300; i++) {
                written.add(log.record(event(R, EventClass.NORMAL, "service.state", round * 1000 + i)));
                clock.advance(Duration.ofSeconds(1));
            }
            warm.flush();
            assertEquals(1, warm.retrain(Optional.of(R)), "round " + round + " trains one new dictionary");
        }
        for (int i = 0; i < 50; i++) written.add(log.record(event(R, EventClass.NORMAL, "service.state", 9000 + i)));
        warm.flush();
        assertEquals(0, warm.retrain(Optional.of(R)), "too few new samples");
        long dictionaries = databases.withRouter(R, c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(DISTINCT dictionary_id) FROM warm_events")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertEquals(4, dictionaries, "rows of no dictionary and of dictionaries 1, 2, 3");

        // a fresh tier (no cached dictionaries) reads every row back as written
        var fresh = new SqliteWarmEventTier(databases, clock);
        var read = fresh.newest(EventQuery.all(1000), 1000);
        assertEquals(written.size(), read.size());
        var byId = new java.util.HashMap<String, LoggedEvent>();
        read.forEach(e -> byId.put(e.id(), e));
        for (LoggedEvent w : written) {
            LoggedEvent r = byId.get(w.id());
            assertEquals(w.summary(), r.summary());
            assertEquals(w.data(), r.data());
            assertEquals(w.at(), r.at());
        }
        var with = warm.compressionStats(Optional.of(R), true);
        var without = warm.compressionStats(Optional.of(R), false);
        assertTrue(with.ratio() > without.ratio(), "dictionary " + with.ratio() + " vs none " + without.ratio());
    }

    // --- cold tier ------------------------------------------------------------------------------------------

    @Test
    void archivedEventsRoundTripThroughMonthlyChecksummedPartitions() throws IOException {
        Path coldDir = Files.createDirectories(dir.resolve("usb"));
        var cold = new FileColdEventTier(coldDir);
        var log = log(cold);
        clock.advance(Duration.ofDays(-40)); // 2026-01-29: events in January and February
        var ids = new ArrayList<String>();
        for (int i = 0; i < 40; i++) {
            ids.add(log.record(event(i % 2 == 0 ? R : OTHER, EventClass.CRITICAL, "service.installed", i)).id());
            clock.advance(Duration.ofHours(12));
        }
        clock.advance(Duration.ofDays(20)); // 2026-03-10
        hot.close();
        Files.delete(dir.resolve("hot").resolve("hot-events.db")); // only warm and cold left to read from
        hot = openHot(SqliteHotEventTier.Settings.defaults());
        log = log(cold);

        var partitions = log.archive(Duration.ofDays(25));
        assertEquals(Set.of("router-office/events-router-office-2026-01.jsonl.zst", "router-office/events-router-office-2026-02.jsonl.zst",
                        "router-branch/events-router-branch-2026-01.jsonl.zst", "router-branch/events-router-branch-2026-02.jsonl.zst"),
                new HashSet<>(partitions.stream().map(ArchiveEvents.ArchivedPartition::file).toList()));
        int archived = partitions.stream().mapToInt(ArchiveEvents.ArchivedPartition::events).sum();
        assertTrue(archived > 0 && archived < 40, "only events older than 25 days: " + archived);
        for (var p : partitions) assertTrue(Files.exists(coldDir.resolve(p.file() + ".sha256")));

        List<LoggedEvent> back = all(log, EventQuery.all(6));
        assertEquals(ids.reversed(), back.stream().map(LoggedEvent::id).toList(), "newest first, each once, across warm and cold");
        assertEquals(archived, back.stream().filter(e -> e.tier() == EventTier.COLD).count());
        assertEquals(40 - archived, back.stream().filter(e -> e.tier() == EventTier.WARM).count());
        assertEquals(40 - archived, warm.status().events());
        assertTrue(log.storage().cold().bytes() > 0);
        assertTrue(log.storage().cold().degraded().isEmpty());

        // archiving again moves nothing twice
        assertEquals(List.of(), log.archive(Duration.ofDays(25)));
        assertEquals(40, all(log, EventQuery.all(100)).size());
    }

    @Test
    void aPartitionThatFailsItsChecksumIsDetectedSkippedAndNeverOverwritten() throws IOException {
        Path coldDir = Files.createDirectories(dir.resolve("usb"));
        var cold = new FileColdEventTier(coldDir);
        var log = log(cold);
        clock.advance(Duration.ofDays(-40));
        for (int i = 0; i < 10; i++) log.record(event(R, EventClass.CRITICAL, "service.installed", i));
        clock.advance(Duration.ofDays(40));
        var partitions = log.archive(Duration.ofDays(30));
        assertEquals(1, partitions.size());
        Path file = coldDir.resolve(partitions.getFirst().file());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(file, bytes);

        assertThrows(FileColdEventTier.ChecksumMismatch.class, () -> cold.read(file));
        assertEquals(Set.of(file), cold.verify().keySet());
        assertEquals(List.of(), cold.newest(EventQuery.all(100), 100));
        assertTrue(log.storage().cold().degraded().orElseThrow().contains("checksum"), log.storage().cold().degraded().orElseThrow());

        clock.advance(Duration.ofDays(-40));
        log.record(event(R, EventClass.CRITICAL, "service.installed", 99));
        clock.advance(Duration.ofDays(40));
        assertThrows(ArchiveEvents.ColdTierUnavailable.class, () -> log.archive(Duration.ofDays(30)));
        assertEquals(1, warm.status().events(), "the event that could not be archived stays warm");
        assertTrue(java.util.Arrays.equals(bytes, Files.readAllBytes(file)));
    }

    @Test
    void anAbsentColdDirectoryDegradesGracefully() {
        Path unmounted = dir.resolve("media").resolve("usb");
        var log = log(new FileColdEventTier(unmounted));
        log.record(event(R, EventClass.CRITICAL, "service.installed", 1));
        var status = log.storage().cold();
        assertTrue(status.enabled());
        assertTrue(status.degraded().orElseThrow().contains("absent"), status.degraded().orElseThrow());
        var refused = assertThrows(ArchiveEvents.ColdTierUnavailable.class, () -> log.archive(Duration.ZERO));
        assertTrue(refused.getMessage().contains(unmounted.toString()));
        assertEquals(1, log.query(EventQuery.all(10)).events().size(), "queries still answer from the other tiers");
        assertFalse(Files.exists(unmounted), "the mount point is never created");
    }

    // --- one query across tiers -----------------------------------------------------------------------------

    @Test
    void oneQueryPagesNewestFirstAcrossHotWarmAndColdServingEachEventOnceFromTheHottestTier() throws IOException {
        var cold = new FileColdEventTier(Files.createDirectories(dir.resolve("usb")));
        var log = log(cold);
        clock.advance(Duration.ofDays(-20));
        var written = new ArrayList<LoggedEvent>();
        for (int i = 0; i < 60; i++) {
            EventClass c = EventClass.values()[i % 3];
            written.add(log.record(event(i % 4 == 0 ? OTHER : R, c, c == EventClass.LOW ? "telemetry.interface" : "service.state", i)));
            clock.advance(Duration.ofHours(i < 40 ? 8 : 1)); // the last 20 within the hot tier's day
        }
        warm.flush();
        log.prune(); // hot keeps the last 24 h; NORMAL warm 7 days
        log.archive(Duration.ofDays(5)); // older CRITICAL events to cold
        hot.flush();

        List<LoggedEvent> page = all(log, EventQuery.all(7).forRouter(R));
        var ids = page.stream().map(LoggedEvent::id).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no duplicates");
        for (int i = 1; i < page.size(); i++) assertTrue(page.get(i - 1).position().compareTo(page.get(i).position()) < 0, "newest first");
        Instant dayAgo = clock.instant().minus(Duration.ofHours(24));
        for (LoggedEvent e : page) {
            if (!e.at().isBefore(dayAgo)) assertEquals(EventTier.HOT, e.tier(), "a recent event is served from hot: " + e);
            assertEquals(Optional.of(R), e.routerId());
        }
        assertTrue(page.stream().anyMatch(e -> e.tier() == EventTier.WARM));
        assertTrue(page.stream().anyMatch(e -> e.tier() == EventTier.COLD));
        var expected = written.stream().filter(e -> e.routerId().equals(Optional.of(R)))
                .filter(e -> !e.at().isBefore(dayAgo) || e.eventClass() == EventClass.CRITICAL
                        || e.eventClass() == EventClass.NORMAL && !e.at().isBefore(clock.instant().minus(Duration.ofDays(7))))
                .map(LoggedEvent::id).collect(java.util.stream.Collectors.toSet());
        assertEquals(expected, new HashSet<>(ids));

        var lowOnly = all(log, EventQuery.all(5).withClasses(Set.of(EventClass.LOW)).withTypes(Set.of("telemetry.interface")));
        assertTrue(lowOnly.stream().allMatch(e -> e.eventClass() == EventClass.LOW && e.tier() == EventTier.HOT));
        var window = log.query(EventQuery.all(100).between(clock.instant().minus(Duration.ofHours(3)), clock.instant()));
        assertTrue(window.events().stream().allMatch(e -> !e.at().isBefore(clock.instant().minus(Duration.ofHours(3)))));
        assertThrows(IllegalArgumentException.class, () -> EventQuery.all(10).after("bm90IGEgY3Vyc29y"));
    }

    // --- retention ------------------------------------------------------------------------------------------

    @Test
    void retentionPrunesEachTierPerClassAndPerTypeByTheInjectedClock() {
        var retention = EventRetention.defaults().withType("telemetry.cpu", EventRetention.Keep.of("1h", "0s"));
        var log = log(ColdEventTier.NONE, retention);
        log.record(event(R, EventClass.LOW, "telemetry.cpu", 1));
        log.record(event(R, EventClass.LOW, "telemetry.interface", 2));
        log.record(event(R, EventClass.NORMAL, "service.state", 3));
        log.record(event(R, EventClass.CRITICAL, "service.installed", 4));
        warm.flush();
        hot.flush();
        assertEquals(4, hot.status().events());
        assertEquals(2, warm.status().events(), "LOW is hot only");

        clock.advance(Duration.ofHours(2));
        log.prune();
        assertEquals(Set.of("telemetry.interface", "service.state", "service.installed"), types(hot.newest(EventQuery.all(10), 10)));
        clock.advance(Duration.ofHours(23));
        log.prune();
        assertEquals(0, hot.status().events(), "24 hours hot for every class");
        assertEquals(2, warm.status().events());
        clock.advance(Duration.ofDays(7));
        log.prune();
        assertEquals(Set.of("service.installed"), types(warm.newest(EventQuery.all(10), 10)), "NORMAL 7 days warm");
        clock.advance(Duration.ofDays(23));
        log.prune();
        assertEquals(0, warm.status().events(), "CRITICAL 30 days warm");
    }

    static Set<String> types(List<LoggedEvent> events) {
        return new HashSet<>(events.stream().map(LoggedEvent::type).toList());
    }
}

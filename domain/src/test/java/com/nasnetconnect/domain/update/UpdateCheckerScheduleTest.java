package com.nasnetconnect.domain.update;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.state.Telemetry;
import com.nasnetconnect.domain.state.TelemetrySample;
import com.nasnetconnect.domain.telemetry.TelemetryQueries;
import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The checker's schedule (quiet hours, metered uplink, high traffic), rollout buckets and the auto-apply matrix. */
class UpdateCheckerScheduleTest {
    static final ZoneId ZONE = ZoneOffset.UTC;
    static final RouterId HOME = new RouterId("home");
    final List<String> fetched = new ArrayList<>();
    final Map<String, Double> rates = new HashMap<>();

    /** A repository with nothing in it that remembers what was asked. */
    final UpdateRepository emptyRepository = new UpdateRepository() {
        public Optional<byte[]> fetch(String name, long maxBytes) {
            fetched.add(name);
            return Optional.empty();
        }

        public void download(String name, long length, Path target) throws IOException {
            throw new IOException("not in this test");
        }
    };

    /** Telemetry with one sample per metric, now. */
    final TelemetryQueries telemetry = new TelemetryQueries() {
        public Optional<RuntimeState> runtime(ResourceId resource) {
            return Optional.empty();
        }

        public Telemetry ofResource(RouterId router, ResourceId resource) {
            throw new UnsupportedOperationException();
        }

        public List<TelemetrySample> series(RouterId router, String metric, Instant since) {
            Double v = rates.get(metric);
            return v == null ? List.of() : List.of(new TelemetrySample(since.plusSeconds(60), Map.of(metric, v)));
        }

        public List<com.nasnetconnect.domain.telemetry.InterfaceState> interfaces(RouterId router) {
            return List.of();
        }

        public Map<String, List<TelemetrySample>> traffic(RouterId router, Instant since) {
            throw new UnsupportedOperationException("the traffic watch reads series");
        }
    };

    final TrafficWatch watch = new TelemetryTrafficWatch(telemetry, () -> Map.of(HOME, "Home"), List.of("lte1"), List.of("ether1"),
            50_000_000, Duration.ofMinutes(5));

    UpdateChecker checker(String localTime, UpdatePolicy policy) {
        Clock clock = Clock.fixed(Instant.parse("2026-12-01T" + localTime + ":00Z"), ZONE);
        Map<String, byte[]> store = new HashMap<>();
        AcceptedMetadata accepted = new AcceptedMetadata() {
            public Optional<byte[]> load(String role) {
                return Optional.ofNullable(store.get(role));
            }

            public void save(String role, byte[] bytes) {
                store.put(role, bytes);
            }
        };
        KeyPair key = UpdateKeys.generate();
        var settings = new UpdateSettings(Optional.of("https://updates.example/"), Duration.ofHours(6), 0.1, LocalTime.of(2, 0),
                LocalTime.of(6, 0), ZONE, policy, List.of("lte1"), Path.of("/nonexistent"));
        List<UpdateRecord> history = new ArrayList<>();
        UpdateHistory memory = new UpdateHistory() {
            public void append(UpdateRecord record) {
                history.add(0, record);
            }

            public List<UpdateRecord> recent(int max) {
                return history.subList(0, Math.min(max, history.size()));
            }
        };
        UpdateInstaller installer = new UpdateInstaller() {
            public String runningVersion() {
                return "1.0.0";
            }

            public void stage(String version, Path verifiedArtifact) {
            }

            public void restartIntoStaged() {
            }

            public boolean onTrial() {
                return false;
            }

            public void commit() {
            }

            public List<UpdateRecord> launcherRecords() {
                return List.copyOf(launcherRecords);
            }
        };
        return new UpdateChecker(settings, new TrustChain(key.getPublic(), accepted), emptyRepository, installer, memory,
                templates -> 0, accepted, watch, "device-1", clock, new Random(3));
    }

    static Release release(Severity severity) {
        return new Release("1.1.0", severity, "", new TargetFile("1.1.0.jar", 10, "0".repeat(64)), 100);
    }

    @Test
    void skipsScheduledChecksInQuietHoursAndPlansTheNextForTheirEnd() {
        UpdateChecker c = checker("03:00", UpdatePolicy.AUTO);

        c.scheduledRun();

        assertTrue(fetched.isEmpty(), "nothing fetched in quiet hours: " + fetched);
        UpdateStatus s = c.status(Principal.SYSTEM);
        assertTrue(s.decision().startsWith("quiet hours 02:00-06:00 (no checks until 06:00)"), s.decision());
        Instant next = s.nextCheckAt().orElseThrow();
        assertFalse(next.isBefore(Instant.parse("2026-12-01T06:00:00Z")), next.toString());
        assertTrue(next.isBefore(Instant.parse("2026-12-01T06:10:01Z")), next.toString());
    }

    @Test
    void checksNowEvenInQuietHoursBecauseTheOwnerAsked() {
        UpdateChecker c = checker("03:00", UpdatePolicy.AUTO);

        UpdateStatus s = c.checkNow(Principal.SYSTEM);

        assertEquals(List.of("1.root.json", "timestamp.json"), fetched);
        assertEquals(UpdateState.FAILED, s.state());
        assertEquals("the repository has no timestamp.json", s.lastError().orElseThrow());
    }

    @Test
    void checksOnScheduleOutsideQuietHoursAndPlansTheNextAboutAnIntervalLater() {
        UpdateChecker c = checker("12:00", UpdatePolicy.AUTO);

        c.scheduledRun();

        assertEquals(List.of("1.root.json", "timestamp.json"), fetched);
        Instant next = c.status(Principal.SYSTEM).nextCheckAt().orElseThrow();
        Instant regular = Instant.parse("2026-12-01T18:00:00Z");
        assertTrue(Duration.between(regular, next).abs().compareTo(Duration.ofMinutes(36)) <= 0, "6h ± 10%: " + next);
    }

    @Test
    void plansTheFirstCheckSoonAfterStartAndShowsWhen() {
        UpdateChecker c = checker("12:00", UpdatePolicy.AUTO);
        var scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        try {
            c.start(scheduler);
            Instant next = c.status(Principal.SYSTEM).nextCheckAt().orElseThrow();
            Instant now = Instant.parse("2026-12-01T12:00:00Z");
            assertFalse(next.isBefore(now.plusSeconds(30)), next.toString());
            assertFalse(next.isAfter(now.plusSeconds(330)), next.toString());
            assertTrue(fetched.isEmpty(), "nothing fetched before the planned time");
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void quietHoursMaySpanMidnightAndEqualTimesMeanNone() {
        var late = new UpdateSettings(Optional.empty(), Duration.ofHours(6), 0.1, LocalTime.of(22, 0), LocalTime.of(6, 0), ZONE,
                UpdatePolicy.AUTO, List.of(), Path.of("/x"));
        assertTrue(late.quiet(LocalTime.of(23, 30)));
        assertTrue(late.quiet(LocalTime.of(5, 59)));
        assertFalse(late.quiet(LocalTime.of(6, 0)));
        assertFalse(late.quiet(LocalTime.of(12, 0)));
        var none = new UpdateSettings(Optional.empty(), Duration.ofHours(6), 0.1, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, ZONE,
                UpdatePolicy.AUTO, List.of(), Path.of("/x"));
        assertFalse(none.quiet(LocalTime.of(3, 0)));
    }

    @Test
    void skipsChecksWhileAMeteredUplinkCarriesTraffic() {
        rates.put("interface/lte1/rxBps", 1200.0);
        UpdateChecker c = checker("12:00", UpdatePolicy.AUTO);

        c.scheduledRun();

        assertTrue(fetched.isEmpty());
        String d = c.status(Principal.SYSTEM).decision();
        assertTrue(d.startsWith("the metered uplink lte1 on router 'Home' carries traffic"), d);
    }

    @Test
    void skipsChecksWhileTrafficIsHighButNotWhileItIsLow() {
        rates.put("interface/ether1/rxBps", 40_000_000.0);
        rates.put("interface/ether1/txBps", 20_000_000.0);
        assertEquals(Optional.of("traffic on ether1 of router 'Home' is high (60 Mbit/s)"), watch.whyNotNow(Instant.parse("2026-12-01T12:00:00Z")));

        rates.put("interface/ether1/rxBps", 1_000_000.0);
        assertEquals(Optional.empty(), watch.whyNotNow(Instant.parse("2026-12-01T12:00:00Z")));
    }

    /** What the launcher recorded, newest first (a test adds a rollback). */
    final List<UpdateRecord> launcherRecords = new java.util.ArrayList<>();

    @Test
    void aSecurityReleaseTheLauncherRolledBackIsNotAppliedByItselfAgain() {
        launcherRecords.add(new UpdateRecord(Instant.parse("2026-12-01T11:00:00Z"), UpdateRecord.Kind.ROLLBACK, "1.1.0", false,
                "1.1.0 did not report healthy within 90 s: exited with 1; back to 1.0.0"));
        UpdateChecker c = checker("12:00", UpdatePolicy.AUTO);

        var again = c.decide(release(Severity.SECURITY));
        assertFalse(again.applyNow());
        assertEquals(UpdateState.AWAITING_APPROVAL, again.state());
        assertTrue(again.why().contains("was rolled back on this device") && again.why().contains("exited with 1"), again.why());
        var newer = c.decide(new Release("1.1.1", Severity.SECURITY, "", new TargetFile("1.1.1.jar", 10, "0".repeat(64)), 100));
        assertTrue(newer.applyNow(), "a fixed release after the rolled-back one is applied as usual");
    }

    @Test
    void appliesByTheMatrixUnderTheAutoPolicy() {
        UpdateChecker c = checker("12:00", UpdatePolicy.AUTO);

        assertEquals(new UpdateChecker.Decision(UpdateState.AVAILABLE, "security release 1.1.0: applied at once", true),
                c.decide(release(Severity.SECURITY)));
        assertEquals(new UpdateChecker.Decision(UpdateState.AVAILABLE, "minor release 1.1.0: applied now, the router is idle", true),
                c.decide(release(Severity.MINOR)));
        var major = c.decide(release(Severity.MAJOR));
        assertEquals(UpdateState.AWAITING_APPROVAL, major.state());
        assertFalse(major.applyNow());
        var breaking = c.decide(release(Severity.BREAKING));
        assertEquals(UpdateState.AWAITING_REVIEW, breaking.state());
        assertFalse(breaking.applyNow());
        assertTrue(breaking.why().contains("read its notes"), breaking.why());
    }

    @Test
    void leavesAMinorReleaseForWhenTheRouterIsIdle() {
        rates.put("interface/ether1/rxBps", 80_000_000.0);
        UpdateChecker c = checker("12:00", UpdatePolicy.AUTO);

        var d = c.decide(release(Severity.MINOR));

        assertFalse(d.applyNow());
        assertEquals(UpdateState.AVAILABLE, d.state());
        assertTrue(d.why().startsWith("minor release 1.1.0: applied when the router is idle (now traffic on ether1"), d.why());
        assertTrue(c.decide(release(Severity.SECURITY)).applyNow(), "a security release does not wait for idle");
    }

    @Test
    void appliesNothingByItselfUnderNotifyOrNever() {
        for (UpdatePolicy p : List.of(UpdatePolicy.NOTIFY, UpdatePolicy.NEVER)) {
            var d = checker("12:00", p).decide(release(Severity.SECURITY));
            assertFalse(d.applyNow(), p.name());
            assertEquals(UpdateState.AVAILABLE, d.state());
            assertTrue(d.why().startsWith("NNC_UPDATE_POLICY=" + p.label()), d.why());
        }
    }

    @Test
    void placesEachDeviceInTheSameBucketEveryTimeAndSpreadsDevicesEvenly() {
        assertEquals(RolloutBucket.of("device-1"), RolloutBucket.of("device-1"));
        int[] counts = new int[100];
        for (int i = 0; i < 20_000; i++) counts[RolloutBucket.of("device-" + i)]++;
        for (int b = 0; b < 100; b++) assertTrue(counts[b] > 120 && counts[b] < 280, "bucket " + b + ": " + counts[b]);
        assertTrue(RolloutBucket.reaches(9, 10));
        assertFalse(RolloutBucket.reaches(10, 10));
    }

    @Test
    void comparesVersionsAsPeopleReadThem() {
        assertTrue(Versions.compare("1.10.0", "1.9.2") > 0);
        assertTrue(Versions.compare("1.2.0-rc1", "1.2.0") < 0);
        assertTrue(Versions.compare("0.1.0-SNAPSHOT", "0.1.0") < 0);
        assertEquals(0, Versions.compare("1.2", "1.2.0"));
    }
}

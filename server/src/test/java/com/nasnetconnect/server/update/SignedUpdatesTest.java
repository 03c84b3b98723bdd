package com.nasnetconnect.server.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.update.RootMetadata;
import com.nasnetconnect.domain.update.ServiceCatalogUpdate;
import com.nasnetconnect.domain.update.SignedMetadata;
import com.nasnetconnect.domain.update.TrafficWatch;
import com.nasnetconnect.domain.update.TrustChain;
import com.nasnetconnect.domain.update.UpdateChecker;
import com.nasnetconnect.domain.update.UpdateKeys;
import com.nasnetconnect.domain.update.UpdatePolicy;
import com.nasnetconnect.domain.update.UpdateRecord;
import com.nasnetconnect.domain.update.UpdateSettings;
import com.nasnetconnect.domain.update.UpdateState;
import com.nasnetconnect.domain.update.UpdateStatus;
import com.nasnetconnect.server.cli.ReleaseCommand;
import com.nasnetconnect.storage.update.FileAcceptedMetadata;
import com.nasnetconnect.storage.update.FileUpdateHistory;
import com.nasnetconnect.storage.update.HttpUpdateRepository;
import com.nasnetconnect.storage.update.StagingDirectoryInstaller;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The device side against a real HTTP server on 127.0.0.1 serving a repository made by the release command: every
 * attack and failure of issue 15 is refused with a lastError that names it, and the last good state is kept.
 */
class SignedUpdatesTest {
    static final Principal ADMIN = Principal.SYSTEM;

    @TempDir Path tmp;
    Path keys1;
    Path keys2;
    Path repo;
    Path data;
    Path artifact;
    PublicKey trusted;
    StaticRepositoryServer server;
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    final List<AutoCloseable> closing = new ArrayList<>();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    ServiceCatalogUpdate catalog = templates -> templates.size();

    @BeforeEach
    void repository() throws Exception {
        keys1 = tmp.resolve("keys1");
        keys2 = tmp.resolve("keys2");
        repo = tmp.resolve("repo");
        data = tmp.resolve("data");
        release("keygen", "--out", keys1.toString());
        release("keygen", "--out", keys2.toString());
        trusted = UpdateKeys.parsePublic(Files.readString(keys1.resolve("root.pub")));
        artifact = tmp.resolve("nasnetconnect.jar");
        byte[] bytes = new byte[200_000];
        new Random(7).nextBytes(bytes);
        Files.write(artifact, bytes);
        Files.createDirectories(repo);
        server = new StaticRepositoryServer(repo);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        for (AutoCloseable c : closing) c.close();
    }

    void release(String... args) {
        err.reset();
        int code = new ReleaseCommand(clock).execute(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
        assertThat(code).as("release %s: %s", String.join(" ", args), err.toString(StandardCharsets.UTF_8)).isZero();
    }

    void publish(Path keys, String version, String severity, String... more) {
        List<String> args = new ArrayList<>(List.of("publish", "--key", keys.resolve("root.key").toString(), "--repo", repo.toString(),
                "--version", version, "--severity", severity, "--artifact", artifact.toString(), "--notes", "release " + version));
        args.addAll(List.of(more));
        release(args.toArray(String[]::new));
    }

    UpdateChecker device(UpdatePolicy policy) {
        var accepted = new FileAcceptedMetadata(data.resolve("trusted"));
        var http = new HttpUpdateRepository(server.url(), Duration.ofSeconds(5), Duration.ofMillis(600));
        closing.add(http);
        var settings = new UpdateSettings(Optional.of(server.url()), Duration.ofHours(6), 0.1, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT,
                ZoneOffset.UTC, policy, List.of(), data.resolve("downloads"));
        return new UpdateChecker(settings, new TrustChain(trusted, accepted), http, new StagingDirectoryInstaller(data, "1.0.0"),
                new FileUpdateHistory(data.resolve("history.jsonl")), catalog, accepted, TrafficWatch.NEVER_BUSY, "device-1", clock,
                new Random(1));
    }

    Path staged(String version) {
        return data.resolve("staged").resolve(version + ".jar");
    }

    /** Keeps a copy of the repository's metadata as it is now, to serve it again later (a replay). */
    Path snapshot(String name) throws Exception {
        Path copy = tmp.resolve(name);
        Files.createDirectories(copy);
        for (String f : List.of("timestamp.json", "targets.json")) Files.copy(repo.resolve(f), copy.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        return copy;
    }

    void serve(Path snapshot) throws Exception {
        for (String f : List.of("timestamp.json", "targets.json")) Files.copy(snapshot.resolve(f), repo.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void appliesASecurityReleaseAtOnceDownloadingVerifyingAndStagingIt() throws Exception {
        publish(keys1, "1.1.0", "security");
        UpdateChecker device = device(UpdatePolicy.AUTO);

        UpdateStatus s = device.checkNow(ADMIN);

        assertThat(s.state()).isEqualTo(UpdateState.STAGED);
        assertThat(s.lastError()).isEmpty();
        assertThat(s.available().orElseThrow().version()).isEqualTo("1.1.0");
        assertThat(s.decision()).contains("security release 1.1.0: applied at once");
        assertThat(Files.readAllBytes(staged("1.1.0"))).isEqualTo(Files.readAllBytes(artifact));
        assertThat(data.resolve("staged/RESTART")).exists();
        assertThat(device.history(ADMIN, 10)).extracting(UpdateRecord::kind)
                .containsSubsequence(UpdateRecord.Kind.APPLY, UpdateRecord.Kind.STAGE, UpdateRecord.Kind.DOWNLOAD, UpdateRecord.Kind.CHECK);
    }

    @Test
    void leavesAMajorReleaseForTheOwnersApprovalAndAppliesItWhenApproved() throws Exception {
        publish(keys1, "2.0.0", "major");
        UpdateChecker device = device(UpdatePolicy.AUTO);

        UpdateStatus s = device.checkNow(ADMIN);
        assertThat(s.state()).isEqualTo(UpdateState.AWAITING_APPROVAL);
        assertThat(s.decision()).contains("waits for your approval");
        assertThat(staged("2.0.0")).doesNotExist();

        assertThat(device.apply(ADMIN, "2.0.0").state()).isEqualTo(UpdateState.STAGED);
        assertThat(staged("2.0.0")).exists();
    }

    @Test
    void refusesExpiredMetadata() throws Exception {
        publish(keys1, "1.1.0", "security", "--expires", "2d", "--timestamp-expires", "1d");
        clock.advance(Duration.ofDays(3));
        UpdateChecker device = device(UpdatePolicy.AUTO);

        UpdateStatus s = device.checkNow(ADMIN);

        assertThat(s.state()).isEqualTo(UpdateState.FAILED);
        assertThat(s.lastError().orElseThrow()).contains("timestamp.json version 1 expired at 2026-12-02T12:00:00Z");
        assertThat(s.available()).isEmpty();
        assertThat(staged("1.1.0")).doesNotExist();
        assertThat(data.resolve("trusted/targets.json")).doesNotExist();
    }

    @Test
    void refusesAFrozenRepositoryReplayingTheSameVersionPastItsExpiry() throws Exception {
        publish(keys1, "2.0.0", "major");
        UpdateChecker device = device(UpdatePolicy.AUTO);
        assertThat(device.checkNow(ADMIN).state()).isEqualTo(UpdateState.AWAITING_APPROVAL);

        clock.advance(Duration.ofHours(25)); // the mirror still serves the same, once valid, files
        UpdateStatus s = device.checkNow(ADMIN);

        assertThat(s.state()).isEqualTo(UpdateState.FAILED);
        assertThat(s.lastError().orElseThrow()).contains("timestamp.json version 1 expired").contains("stale or frozen");
        assertThat(s.available().orElseThrow().version()).isEqualTo("2.0.0"); // the last good state is kept

        release("refresh", "--key", keys1.resolve("root.key").toString(), "--repo", repo.toString());
        UpdateStatus refreshed = device.checkNow(ADMIN);
        assertThat(refreshed.lastError()).isEmpty();
        assertThat(refreshed.state()).isEqualTo(UpdateState.AWAITING_APPROVAL);
    }

    @Test
    void refusesARollbackToAnOlderSignedVersionAlsoAfterARestart() throws Exception {
        publish(keys1, "1.1.0", "major");
        Path old = snapshot("v1");
        publish(keys1, "1.2.0", "major");
        assertThat(device(UpdatePolicy.AUTO).checkNow(ADMIN).available().orElseThrow().version()).isEqualTo("1.2.0");

        serve(old);
        UpdateChecker restarted = device(UpdatePolicy.AUTO); // a new process over the same data directory
        assertThat(restarted.status(ADMIN).available().orElseThrow().version()).isEqualTo("1.2.0");
        UpdateStatus s = restarted.checkNow(ADMIN);

        assertThat(s.state()).isEqualTo(UpdateState.FAILED);
        assertThat(s.lastError().orElseThrow()).contains("timestamp.json version 1 is older than version 2 accepted before")
                .contains("rollback");
        assertThat(s.available().orElseThrow().version()).isEqualTo("1.2.0");
    }

    @Test
    void refusesTamperedTargetsAndTamperedTimestamp() throws Exception {
        publish(keys1, "1.1.0", "major");
        Path targets = repo.resolve("targets.json");
        Files.writeString(targets, Files.readString(targets).replace("release 1.1.0", "release 1.1.1"));
        UpdateChecker device = device(UpdatePolicy.AUTO);

        assertThat(device.checkNow(ADMIN).lastError().orElseThrow())
                .contains("targets.json does not match the length and SHA-256 that timestamp.json pins");

        Path ts = repo.resolve("timestamp.json");
        Files.writeString(ts, Files.readString(ts).replace("2026-12-02T12:00:00Z", "2027-12-02T12:00:00Z"));
        UpdateStatus s = device.checkNow(ADMIN);
        assertThat(s.lastError().orElseThrow()).contains("timestamp.json version 1 has a signature that does not match its content");
        assertThat(s.state()).isEqualTo(UpdateState.FAILED);
        assertThat(s.available()).isEmpty();
    }

    @Test
    void refusesMetadataSignedByAForeignKey() throws Exception {
        publish(keys2, "1.1.0", "security"); // a repository of another key: the device trusts keys1
        UpdateChecker device = device(UpdatePolicy.AUTO);

        UpdateStatus s = device.checkNow(ADMIN);

        String foreign = UpdateKeys.keyId(UpdateKeys.parsePublic(Files.readString(keys2.resolve("root.pub")))).substring(0, 12);
        assertThat(s.lastError().orElseThrow()).contains("is signed by key " + foreign).contains("a key this device does not trust");
        assertThat(staged("1.1.0")).doesNotExist();
    }

    @Test
    void refusesAnArtifactWhoseHashDoesNotMatch() throws Exception {
        publish(keys1, "1.1.0", "security");
        Path served = repo.resolve("1.1.0.nasnetconnect.jar");
        byte[] bytes = Files.readAllBytes(served);
        bytes[1000] ^= 1;
        Files.write(served, bytes);
        UpdateChecker device = device(UpdatePolicy.AUTO);

        UpdateStatus s = device.checkNow(ADMIN);

        assertThat(s.state()).isEqualTo(UpdateState.FAILED);
        assertThat(s.lastError().orElseThrow()).isEqualTo("1.1.0.nasnetconnect.jar does not match the SHA-256 in the signed metadata"
                + " (it was altered or damaged)");
        assertThat(staged("1.1.0")).doesNotExist();
        assertThat(data.resolve("downloads/1.1.0.nasnetconnect.jar.part")).doesNotExist();
    }

    @Test
    void refusesAnArtifactShorterThanTheMetadataStates() throws Exception {
        publish(keys1, "1.1.0", "security");
        Path served = repo.resolve("1.1.0.nasnetconnect.jar");
        Files.write(served, java.util.Arrays.copyOf(Files.readAllBytes(served), 150_000));
        UpdateChecker device = device(UpdatePolicy.AUTO);

        UpdateStatus s = device.checkNow(ADMIN);

        assertThat(s.lastError().orElseThrow()).isEqualTo("1.1.0.nasnetconnect.jar is 150000 bytes long, but the signed metadata says 200000");
        assertThat(staged("1.1.0")).doesNotExist();
    }

    @Test
    void cutsOffADownloadLargerThanTheMetadataStates() throws Exception {
        publish(keys1, "1.1.0", "security");
        Path served = repo.resolve("1.1.0.nasnetconnect.jar");
        Files.write(served, new byte[50_000_000]);
        server.trick("1.1.0.nasnetconnect.jar", StaticRepositoryServer.Trick.CHUNKED, 0); // no length announced
        UpdateChecker device = device(UpdatePolicy.AUTO);

        UpdateStatus s = device.checkNow(ADMIN);

        assertThat(s.lastError().orElseThrow()).contains("1.1.0.nasnetconnect.jar is larger than the 200000 bytes the signed metadata states");
        assertThat(staged("1.1.0")).doesNotExist();
        Path part = data.resolve("downloads/1.1.0.nasnetconnect.jar.part");
        assertThat(!Files.exists(part) || Files.size(part) <= 200_000).isTrue();
    }

    @Test
    void refusesADownloadWhoseAnnouncedLengthIsTooLarge() throws Exception {
        publish(keys1, "1.1.0", "security");
        Files.write(repo.resolve("1.1.0.nasnetconnect.jar"), new byte[300_000]);
        UpdateChecker device = device(UpdatePolicy.AUTO);

        assertThat(device.checkNow(ADMIN).lastError().orElseThrow())
                .contains("1.1.0.nasnetconnect.jar is larger (300000 bytes) than the 200000 bytes the signed metadata states");
    }

    @Test
    void givesUpOnAServerThatStallsAndResumesTheDownloadNextTime() throws Exception {
        publish(keys1, "1.1.0", "security");
        server.trick("1.1.0.nasnetconnect.jar", StaticRepositoryServer.Trick.STALL_AFTER, 70_000);
        UpdateChecker device = device(UpdatePolicy.AUTO);

        UpdateStatus stalled = device.checkNow(ADMIN);
        assertThat(stalled.state()).isEqualTo(UpdateState.FAILED);
        assertThat(stalled.lastError().orElseThrow()).contains("the download of 1.1.0.nasnetconnect.jar stalled: no data for");
        assertThat(Files.size(data.resolve("downloads/1.1.0.nasnetconnect.jar.part"))).isEqualTo(70_000);

        server.behave("1.1.0.nasnetconnect.jar");
        UpdateStatus resumed = device.checkNow(ADMIN);

        assertThat(resumed.state()).isEqualTo(UpdateState.STAGED);
        assertThat(resumed.lastError()).isEmpty();
        assertThat(Files.readAllBytes(staged("1.1.0"))).isEqualTo(Files.readAllBytes(artifact));
        assertThat(server.requests).filteredOn(r -> r.file().equals("1.1.0.nasnetconnect.jar"))
                .extracting(StaticRepositoryServer.Request::range).containsExactly(null, "bytes=70000-");
    }

    @Test
    void resumesADownloadThatBrokeOff() throws Exception {
        publish(keys1, "1.1.0", "security");
        server.trick("1.1.0.nasnetconnect.jar", StaticRepositoryServer.Trick.BREAK_AFTER, 120_000);
        UpdateChecker device = device(UpdatePolicy.AUTO);

        assertThat(device.checkNow(ADMIN).lastError().orElseThrow()).contains("could not download 1.1.0.nasnetconnect.jar");
        server.behave("1.1.0.nasnetconnect.jar");

        assertThat(device.checkNow(ADMIN).state()).isEqualTo(UpdateState.STAGED);
        assertThat(server.requests.getLast().range()).isEqualTo("bytes=120000-");
        assertThat(Files.readAllBytes(staged("1.1.0"))).isEqualTo(Files.readAllBytes(artifact));
    }

    @Test
    void followsARootRotationSignedByTheOldAndTheNewKey() throws Exception {
        publish(keys1, "1.1.0", "major");
        UpdateChecker device = device(UpdatePolicy.AUTO);
        assertThat(device.checkNow(ADMIN).lastError()).isEmpty();

        release("rotate-root", "--key", keys1.resolve("root.key").toString(), "--new-key", keys2.resolve("root.key").toString(),
                "--repo", repo.toString());
        publish(keys2, "1.2.0", "major");
        UpdateStatus s = device.checkNow(ADMIN);

        assertThat(s.lastError()).isEmpty();
        assertThat(s.available().orElseThrow().version()).isEqualTo("1.2.0");
        assertThat(SignedMetadata.parse("root", Files.readAllBytes(data.resolve("trusted/root.json"))).version()).isEqualTo(2);
        // the old key alone no longer signs releases
        Files.delete(repo.resolve("targets.json"));
        Files.delete(repo.resolve("timestamp.json"));
        err.reset();
        int code = new ReleaseCommand(clock).execute(new String[] {"publish", "--key", keys1.resolve("root.key").toString(), "--repo",
                repo.toString(), "--version", "1.3.0", "--severity", "major", "--artifact", artifact.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--key is not a key that").contains("names for releases");
    }

    @Test
    void refusesANewRootSignedOnlyByTheNewKey() throws Exception {
        publish(keys1, "1.1.0", "major");
        UpdateChecker device = device(UpdatePolicy.AUTO);
        device.checkNow(ADMIN);
        PrivateKey newKey = UpdateKeys.parsePrivate(Files.readString(keys2.resolve("root.key")));
        PublicKey newPublic = UpdateKeys.publicOf(newKey);
        Files.write(repo.resolve("2.root.json"), SignedMetadata.sign(RootMetadata.signedPart(2, "2027-12-01T00:00:00Z", List.of(newPublic)),
                List.of(newKey)));

        UpdateStatus s = device.checkNow(ADMIN);

        assertThat(s.state()).isEqualTo(UpdateState.FAILED);
        assertThat(s.lastError().orElseThrow()).contains("root.json version 2 is signed by key " + UpdateKeys.keyId(newPublic).substring(0, 12))
                .contains("not by the current root key");
        assertThat(SignedMetadata.parse("root", Files.readAllBytes(data.resolve("trusted/root.json"))).version()).isEqualTo(1);
        assertThat(s.available().orElseThrow().version()).isEqualTo("1.1.0");
    }

    @Test
    void leavesAReleaseOutsideThisDevicesRolloutBucketForLater() throws Exception {
        UpdateChecker probe = device(UpdatePolicy.AUTO);
        int bucket = probe.bucket();
        publish(keys1, "1.1.0", "security", "--rollout", Integer.toString(Math.max(1, bucket)));
        UpdateChecker device = device(UpdatePolicy.AUTO);

        UpdateStatus s = device.checkNow(ADMIN);

        if (bucket == 0) { // bucket 0 is reached by every rollout
            assertThat(s.state()).isEqualTo(UpdateState.STAGED);
            return;
        }
        assertThat(s.state()).isEqualTo(UpdateState.UP_TO_DATE);
        assertThat(s.decision()).contains("rolled out to " + bucket + "% of devices").contains("bucket " + bucket);
        assertThat(staged("1.1.0")).doesNotExist();
    }

    @Test
    void onlyReportsUnderTheNotifyPolicy() throws Exception {
        publish(keys1, "1.1.0", "security");
        UpdateStatus s = device(UpdatePolicy.NOTIFY).checkNow(ADMIN);

        assertThat(s.state()).isEqualTo(UpdateState.AVAILABLE);
        assertThat(s.decision()).contains("NNC_UPDATE_POLICY=notify");
        assertThat(staged("1.1.0")).doesNotExist();
    }

    @Test
    void updatesTheServiceCatalogFromAVerifiedCatalogFileLeavingOtherTemplatesAlone() throws Exception {
        try (var databases = new com.nasnetconnect.storage.db.DatabaseManager(tmp.resolve("db"),
                com.nasnetconnect.storage.db.DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock)) {
            var current = new com.nasnetconnect.storage.factory.SqliteServiceCatalog(databases);
            catalog = new com.nasnetconnect.storage.update.SqliteServiceCatalogUpdate(databases, current);
            var before = current.templates();
            var tor = current.template("tor").orElseThrow();
            var newerTor = new com.nasnetconnect.domain.factory.ServiceTemplate(tor.id(), tor.name(), tor.description(),
                    tor.containers().stream().map(c -> c.role() == com.nasnetconnect.domain.factory.ContainerSpec.Role.SERVICE
                            ? new com.nasnetconnect.domain.factory.ContainerSpec(c.role(), "osminogin/tor-simple:0.4.8.16", c.environment(), c.command())
                            : c).toList(), tor.options(), tor.gateway(), tor.interfacePrefix());
            var socks = current.template("socks5").orElseThrow();
            var proxy = new com.nasnetconnect.domain.factory.ServiceTemplate("corpproxy", "Company proxy", "The office's SOCKS5 proxy.",
                    socks.containers(), socks.options(), socks.gateway(), "corp");
            Path file = tmp.resolve("catalog.json");
            Files.write(file, com.nasnetconnect.domain.update.CanonicalJson.encode(
                    com.nasnetconnect.domain.update.ServiceCatalogFile.json(List.of(newerTor, proxy))));
            release("catalog", "--key", keys1.resolve("root.key").toString(), "--repo", repo.toString(), "--file", file.toString());

            UpdateStatus s = device(UpdatePolicy.AUTO).checkNow(ADMIN);

            assertThat(s.lastError()).isEmpty();
            assertThat(current.template("corpproxy")).contains(proxy);
            assertThat(current.template("tor")).contains(newerTor);
            assertThat(current.templates()).hasSize(before.size() + 1);
            for (String untouched : List.of("wireguard", "socks5", "adguard")) {
                assertThat(current.template(untouched)).isEqualTo(before.stream().filter(t -> t.id().equals(untouched)).findFirst());
            }
            assertThat(device(UpdatePolicy.AUTO).history(ADMIN, 5)).anyMatch(r -> r.detail().contains("service catalog version 1: 2 template(s)"));
        }
    }

    @Test
    void refusesACatalogFileThatDoesNotMatchItsHash() throws Exception {
        Path file = tmp.resolve("catalog.json");
        Files.writeString(file, "{\"templates\":[]}");
        release("catalog", "--key", keys1.resolve("root.key").toString(), "--repo", repo.toString(), "--file", file.toString());
        Files.writeString(repo.resolve("catalog-1.json"), "{\"templatez\":[]}");
        List<Integer> merged = new ArrayList<>();
        catalog = templates -> {
            merged.add(templates.size());
            return templates.size();
        };

        UpdateStatus s = device(UpdatePolicy.AUTO).checkNow(ADMIN);

        assertThat(s.lastError().orElseThrow()).contains("the service catalog version 1 was not used: catalog-1.json does not match the SHA-256");
        assertThat(merged).isEmpty();
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

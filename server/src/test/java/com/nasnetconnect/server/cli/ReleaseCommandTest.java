package com.nasnetconnect.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.update.RootMetadata;
import com.nasnetconnect.domain.update.SignedMetadata;
import com.nasnetconnect.domain.update.TargetsMetadata;
import com.nasnetconnect.domain.update.TimestampMetadata;
import com.nasnetconnect.domain.update.UpdateKeys;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code release keygen|publish|refresh}: the files a static host serves, signed, with versions that only grow. */
class ReleaseCommandTest {
    @TempDir Path dir;
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Clock clock = Clock.fixed(Instant.parse("2026-12-01T12:00:00Z"), ZoneOffset.UTC);

    int release(String... args) {
        err.reset();
        return new ReleaseCommand(clock).execute(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true));
    }

    @Test
    void keygenWritesAPrivateKeyOnlyItsOwnerCanReadAndNeverOverwritesIt() throws Exception {
        assertThat(release("keygen", "--out", dir.resolve("k").toString())).isZero();
        Path key = dir.resolve("k/root.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        var priv = UpdateKeys.parsePrivate(Files.readString(key));
        assertThat(UpdateKeys.publicOf(priv)).isEqualTo(UpdateKeys.parsePublic(Files.readString(dir.resolve("k/root.pub"))));

        assertThat(release("keygen", "--out", dir.resolve("k").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists already; a key is never overwritten");
    }

    @Test
    void publishSignsMetadataWhoseVersionsGrowAndRefusesARepublishedVersion() throws Exception {
        release("keygen", "--out", dir.resolve("k").toString());
        Path artifact = dir.resolve("app.jar");
        Files.writeString(artifact, "jar bytes");
        Path repo = dir.resolve("repo");
        String key = dir.resolve("k/root.key").toString();
        assertThat(release("publish", "--key", key, "--repo", repo.toString(), "--version", "1.1.0", "--severity", "minor",
                "--artifact", artifact.toString(), "--notes", "Faster")).isZero();
        assertThat(release("publish", "--key", key, "--repo", repo.toString(), "--version", "1.2.0", "--severity", "security",
                "--artifact", artifact.toString(), "--expires", "10d", "--rollout", "25")).isZero();

        var root = RootMetadata.of(SignedMetadata.parse("root", Files.readAllBytes(repo.resolve("root.json"))));
        var targetsFile = SignedMetadata.parse("targets", Files.readAllBytes(repo.resolve("targets.json")));
        var targets = TargetsMetadata.of(targetsFile);
        var ts = TimestampMetadata.of(SignedMetadata.parse("timestamp", Files.readAllBytes(repo.resolve("timestamp.json"))));
        assertThat(root.signs("targets", targetsFile)).isTrue();
        assertThat(targetsFile.version()).isEqualTo(2);
        assertThat(targetsFile.expires()).isEqualTo(Instant.parse("2026-12-11T12:00:00Z"));
        assertThat(ts.file().version()).isEqualTo(2);
        assertThat(ts.file().expires()).isEqualTo(Instant.parse("2026-12-02T12:00:00Z"));
        assertThat(ts.targetsVersion()).isEqualTo(2);
        assertThat(targets.releases()).extracting(r -> r.version() + " " + r.severity().label() + " " + r.rollout() + " " + r.notes())
                .containsExactly("1.1.0 minor 100 Faster", "1.2.0 security 25 ");
        assertThat(Files.readString(repo.resolve("1.2.0.app.jar"))).isEqualTo("jar bytes");
        assertThat(repo.resolve("1.root.json")).exists();

        assertThat(release("publish", "--key", key, "--repo", repo.toString(), "--version", "1.2.0", "--severity", "minor",
                "--artifact", artifact.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("version 1.2.0 is published already");
        assertThat(release("publish", "--key", key, "--repo", repo.toString(), "--version", "1.3.0", "--severity", "urgent",
                "--artifact", artifact.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("severity 'urgent' is none of security, minor, major, breaking");

        assertThat(release("refresh", "--key", key, "--repo", repo.toString())).isZero();
        assertThat(SignedMetadata.parse("timestamp", Files.readAllBytes(repo.resolve("timestamp.json"))).version()).isEqualTo(3);
    }
}

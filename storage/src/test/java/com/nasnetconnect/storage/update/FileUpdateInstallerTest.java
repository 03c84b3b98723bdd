package com.nasnetconnect.storage.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.update.UpdateRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileUpdateInstallerTest {
    @TempDir
    Path dir;
    final AtomicInteger restarts = new AtomicInteger();

    private FileUpdateInstaller installer(Optional<String> trial, boolean supervised) {
        return new FileUpdateInstaller(dir.resolve("update"), "2.0.0", trial, supervised, restarts::incrementAndGet);
    }

    private Path artifact(String content) throws Exception {
        Path file = Files.createTempFile(dir, "artifact", ".jar");
        Files.writeString(file, content);
        return file;
    }

    @Test
    void stagesIntoSlotAWhileTheBuiltJarRunsAndMarksItStaged() throws Exception {
        FileUpdateInstaller installer = installer(Optional.empty(), true);

        installer.stage("2.1.0", artifact("new build"));

        assertThat(dir.resolve("update/slot-a.jar")).hasContent("new build");
        assertThat(dir.resolve("update/staged")).hasContent("a 2.1.0");
        assertThat(installer.stagedVersion()).contains("2.1.0");
        assertThat(dir.resolve("update/slot-a.jar.tmp")).doesNotExist();
    }

    @Test
    void stagesIntoTheSlotTheCurrentVersionDoesNotUse() throws Exception {
        Files.createDirectories(dir.resolve("update"));
        Files.writeString(dir.resolve("update/current"), "a 2.0.0\n");
        Files.writeString(dir.resolve("update/slot-a.jar"), "running build");

        installer(Optional.empty(), true).stage("2.1.0", artifact("new build"));

        assertThat(dir.resolve("update/slot-b.jar")).hasContent("new build");
        assertThat(dir.resolve("update/slot-a.jar")).hasContent("running build");
        assertThat(dir.resolve("update/staged")).hasContent("b 2.1.0");
    }

    @Test
    void refusesAVersionThatCouldBreakTheMarkersNamingIt() {
        assertThatThrownBy(() -> installer(Optional.empty(), true).stage("2.1 beta", artifact("x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'2.1 beta'");
    }

    @Test
    void restartsIntoTheStagedVersionOnlyUnderALauncher() throws Exception {
        FileUpdateInstaller unsupervised = installer(Optional.empty(), false);
        unsupervised.stage("2.1.0", artifact("new build"));

        assertThatThrownBy(unsupervised::restartIntoStaged).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("2.1.0 is staged").hasMessageContaining("./nnc run");
        assertThat(restarts).hasValue(0);

        installer(Optional.empty(), true).restartIntoStaged();
        assertThat(restarts).hasValue(1);
    }

    @Test
    void refusesToRestartWhenNothingIsStaged() {
        assertThatThrownBy(installer(Optional.empty(), true)::restartIntoStaged)
                .hasMessageContaining("no version is staged");
        assertThat(restarts).hasValue(0);
    }

    @Test
    void aTrialCommitsOnceByWritingItsVersionForTheLauncher() {
        FileUpdateInstaller trial = installer(Optional.of("2.1.0"), true);
        assertThat(trial.onTrial()).isTrue();

        trial.commit();

        assertThat(dir.resolve("update/committed")).hasContent("2.1.0");
        assertThat(trial.onTrial()).isFalse();
    }

    @Test
    void aProcessNotOnTrialCommitsNothing() {
        FileUpdateInstaller normal = installer(Optional.empty(), true);
        assertThat(normal.onTrial()).isFalse();

        normal.commit();

        assertThat(dir.resolve("update/committed")).doesNotExist();
    }

    @Test
    void readsTheLauncherLogNewestFirstSkippingACutLine() throws Exception {
        Files.createDirectories(dir.resolve("update"));
        Files.writeString(dir.resolve("update/launcher.log"), """
                2026-12-02T05:00:00Z\tAPPLY\t2.1.0\tok\tswitched from 2.0.0 to 2.1.0 on trial
                2026-12-02T05:01:30Z\tROLLBACK\t2.1.0\tfailed\t2.1.0 did not report healthy within 90 s: exited with 1: boom
                2026-12-02T05:0
                """, StandardCharsets.UTF_8);

        var records = installer(Optional.empty(), true).launcherRecords();

        assertThat(records).containsExactly(
                new UpdateRecord(Instant.parse("2026-12-02T05:01:30Z"), UpdateRecord.Kind.ROLLBACK, "2.1.0", false,
                        "2.1.0 did not report healthy within 90 s: exited with 1: boom"),
                new UpdateRecord(Instant.parse("2026-12-02T05:00:00Z"), UpdateRecord.Kind.APPLY, "2.1.0", true,
                        "switched from 2.0.0 to 2.1.0 on trial"));
    }

    @Test
    void hasNoLauncherRecordsBeforeTheFirstSwitch() {
        assertThat(installer(Optional.empty(), true).launcherRecords()).isEmpty();
        assertThat(installer(Optional.empty(), true).runningVersion()).isEqualTo("2.0.0");
    }
}

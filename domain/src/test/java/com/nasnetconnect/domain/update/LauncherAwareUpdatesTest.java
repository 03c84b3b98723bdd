package com.nasnetconnect.domain.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class LauncherAwareUpdatesTest {
    static final Principal VIEWER = new Principal("vic", Role.VIEWER, false);
    static final Instant T0 = Instant.parse("2026-12-02T05:00:00Z");
    static final UpdateSchedule SCHEDULE = new UpdateSchedule(Duration.ofHours(6), LocalTime.of(2, 0), LocalTime.of(6, 0),
            UpdatePolicy.AUTO, List.of(), 1);
    static final UpdateRecord ROLLBACK = new UpdateRecord(T0.plusSeconds(120), UpdateRecord.Kind.ROLLBACK, "2.1.0", false,
            "2.1.0 did not report healthy within 90 s: exited with 1; back to 2.0.0");

    final List<UpdateRecord> launcher = new ArrayList<>();
    final List<UpdateRecord> checks = new ArrayList<>();
    UpdateStatus checkerStatus = status(Optional.of(T0), Optional.empty());
    Consumer<UpdateStatus> follower;

    static UpdateStatus status(Optional<Instant> lastCheck, Optional<String> lastError) {
        return new UpdateStatus("2.0.0", Optional.empty(), UpdateState.UP_TO_DATE, "", lastCheck, Optional.empty(), lastError, SCHEDULE);
    }

    final Updates checker = new Updates() {
        public UpdateStatus status(Principal who) { return checkerStatus; }
        public UpdateStatus checkNow(Principal who) { return checkerStatus; }
        public UpdateStatus apply(Principal who, String version) { return checkerStatus; }
        public List<UpdateRecord> history(Principal who, int max) { return List.copyOf(checks); }
        public AutoCloseable follow(Principal who, Consumer<UpdateStatus> l) { follower = l; return () -> { }; }
    };

    final UpdateInstaller installer = new UpdateInstaller() {
        public String runningVersion() { return "2.0.0"; }
        public void stage(String version, Path artifact) { }
        public void restartIntoStaged() { }
        public boolean onTrial() { return false; }
        public void commit() { }
        public List<UpdateRecord> launcherRecords() { return List.copyOf(launcher); }
    };

    final LauncherAwareUpdates updates = new LauncherAwareUpdates(checker, installer);

    @Test
    void aRollbackSinceTheLastCheckIsTheStateAndTheLastErrorWithItsReason() {
        launcher.addAll(List.of(ROLLBACK, new UpdateRecord(T0.plusSeconds(100), UpdateRecord.Kind.APPLY, "2.1.0", true, "switched")));

        UpdateStatus s = updates.status(VIEWER);

        assertThat(s.state()).isEqualTo(UpdateState.ROLLED_BACK);
        assertThat(s.lastError()).contains("2.1.0 did not report healthy within 90 s: exited with 1; back to 2.0.0");
    }

    @Test
    void aLaterCheckDecidesTheStateAgainButTheRollbackStaysTheLastError() {
        launcher.add(ROLLBACK);
        checkerStatus = status(Optional.of(T0.plusSeconds(600)), Optional.empty());

        UpdateStatus s = updates.status(VIEWER);

        assertThat(s.state()).isEqualTo(UpdateState.UP_TO_DATE);
        assertThat(s.lastError()).contains(ROLLBACK.detail());
    }

    @Test
    void theCheckersOwnProblemComesFirstAndACommitEndsTheRollbacksStory() {
        launcher.add(ROLLBACK);
        checkerStatus = status(Optional.of(T0), Optional.of("the update server did not answer within 30 s"));
        assertThat(updates.status(VIEWER).lastError()).contains("the update server did not answer within 30 s");

        launcher.addFirst(new UpdateRecord(T0.plusSeconds(900), UpdateRecord.Kind.COMMIT, "2.1.1", true, "2.1.1 reported healthy and is kept"));
        checkerStatus = status(Optional.of(T0), Optional.empty());
        UpdateStatus s = updates.status(VIEWER);
        assertThat(s.lastError()).isEmpty();
        assertThat(s.state()).isEqualTo(UpdateState.UP_TO_DATE);
    }

    @Test
    void theHistoryHoldsChecksAndTheLaunchersSwitchesNewestFirst() {
        checks.add(new UpdateRecord(T0.plusSeconds(300), UpdateRecord.Kind.CHECK, "", true, "up to date"));
        checks.add(new UpdateRecord(T0, UpdateRecord.Kind.STAGE, "2.1.0", true, "staged"));
        launcher.add(ROLLBACK);

        assertThat(updates.history(VIEWER, 10)).extracting(UpdateRecord::kind).containsExactly(
                UpdateRecord.Kind.CHECK, UpdateRecord.Kind.ROLLBACK, UpdateRecord.Kind.STAGE);
        assertThat(updates.history(VIEWER, 2)).hasSize(2);
    }

    @Test
    void followersGetTheRollbackToo() {
        launcher.add(ROLLBACK);
        List<UpdateStatus> seen = new ArrayList<>();
        updates.follow(VIEWER, seen::add);

        follower.accept(status(Optional.empty(), Optional.empty()));

        assertThat(seen).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(UpdateState.ROLLED_BACK));
    }
}

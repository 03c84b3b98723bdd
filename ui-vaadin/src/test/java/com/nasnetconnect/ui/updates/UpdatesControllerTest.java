package com.nasnetconnect.ui.updates;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.update.Severity;
import com.nasnetconnect.domain.update.UpdateRecord;
import com.nasnetconnect.domain.update.UpdateState;
import com.nasnetconnect.ui.Notice;
import com.nasnetconnect.ui.updates.UpdatesController.Fact;
import com.nasnetconnect.ui.updates.UpdatesController.HistoryRow;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UpdatesControllerTest {
    static final Principal ADMIN = new Principal("ada", Role.ADMIN, false);
    static final Principal OPERATOR = new Principal("otto", Role.OPERATOR, false);
    static final Principal VIEWER = new Principal("vic", Role.VIEWER, false);

    final FakeUpdates updates = new FakeUpdates();

    UpdatesController controller(Principal who) {
        return new UpdatesController(updates, who, ZoneOffset.UTC);
    }

    @Test
    void showsTheRunningVersionTheScheduleAndTheLastAndNextCheck() {
        var s = controller(VIEWER).state();

        assertThat(s.currentVersion()).isEqualTo("2.0.0");
        assertThat(s.stateLabel()).isEqualTo("Up to date");
        assertThat(s.lastCheck()).isEqualTo("2026-12-02 05:00");
        assertThat(s.nextCheck()).isEqualTo("2026-12-02 11:00");
        assertThat(s.schedule()).extracting(Fact::label, Fact::value).contains(
                org.assertj.core.groups.Tuple.tuple("Checks", "every 6 h, give or take a little"),
                org.assertj.core.groups.Tuple.tuple("Quiet hours", "02:00–06:00 (no checks or restarts)"),
                org.assertj.core.groups.Tuple.tuple("Metered uplinks", "lte1 (no downloads while in use)"),
                org.assertj.core.groups.Tuple.tuple("Rollout group", "37 of 0–99 (a staged release reaches lower groups first)"));
        assertThat(s.schedule().getFirst().value()).startsWith("auto: security releases at once");
    }

    @Test
    void aViewerReadsButIsOfferedNoActionAnOperatorMayCheckAndOnlyAnAdminMayApply() {
        updates.status = FakeUpdates.status(UpdateState.AWAITING_APPROVAL,
                Optional.of(FakeUpdates.release("3.0.0", Severity.MAJOR, "New dashboard")), "major release: waits for your approval", Optional.empty());

        var viewer = controller(VIEWER).state();
        var operator = controller(OPERATOR).state();
        var admin = controller(ADMIN).state();

        assertThat(viewer.available()).isPresent();
        assertThat(viewer.canCheck()).isFalse();
        assertThat(viewer.canApply()).isFalse();
        assertThat(operator.canCheck()).isTrue();
        assertThat(operator.canApply()).isFalse();
        assertThat(admin.canApply()).isTrue();
        assertThat(admin.available().orElseThrow().applyLabel()).isEqualTo("Apply 3.0.0");
        assertThat(admin.decision()).isEqualTo("major release: waits for your approval");
        assertThat(admin.stateLabel()).isEqualTo("Waiting for your approval");
    }

    @Test
    void checkNowShowsWhatWasFoundAndTheCheckInTheHistory() {
        updates.nextFound = Optional.of(FakeUpdates.release("3.0.0", Severity.MAJOR, ""));
        var c = controller(OPERATOR);

        c.checkNow();

        assertThat(c.state().notice()).contains(Notice.success("Checked: 3.0.0 is available"));
        assertThat(c.state().available().orElseThrow().severity()).isEqualTo("Major release");
        assertThat(c.state().history()).containsExactly(new HistoryRow("2026-12-02 05:01", "Check", "3.0.0", true, "found 3.0.0"));
    }

    @Test
    void aFailedCheckIsTheLastProblemInPlainWordsAndTheStateItKept() {
        updates.nextCheckError = Optional.of("the update server's timestamp expired on 2026-12-01 (a replay or a frozen mirror)");
        var c = controller(OPERATOR);

        c.checkNow();

        assertThat(c.state().notice().orElseThrow().isError()).isTrue();
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo(
                "The check failed: the update server's timestamp expired on 2026-12-01 (a replay or a frozen mirror)");
        assertThat(c.state().problem()).contains("the update server's timestamp expired on 2026-12-01 (a replay or a frozen mirror)");
        assertThat(c.state().currentVersion()).isEqualTo("2.0.0");
        assertThat(c.state().history().getFirst().ok()).isFalse();
    }

    @Test
    void aViewerAskingToCheckIsToldItIsNotAllowed() {
        var c = controller(VIEWER);

        c.checkNow();

        assertThat(c.state().notice().orElseThrow().text()).startsWith("Not allowed");
        assertThat(updates.history).isEmpty();
    }

    @Test
    void appliesTheAvailableMajorReleaseAtOnceWithoutAConfirmation() {
        updates.status = FakeUpdates.status(UpdateState.AWAITING_APPROVAL,
                Optional.of(FakeUpdates.release("3.0.0", Severity.MAJOR, "notes")), "", Optional.empty());
        var c = controller(ADMIN);

        assertThat(c.confirmationBeforeApply()).isEmpty();
        c.apply();

        assertThat(updates.applied).containsExactly("3.0.0");
        assertThat(c.state().stateKey()).isEqualTo("STAGED");
        assertThat(c.state().canApply()).as("nothing more to apply while it switches").isFalse();
        assertThat(c.state().notice().orElseThrow().text()).startsWith("Applying 3.0.0: the server restarts into it");
    }

    @Test
    void aBreakingReleaseShowsItsNotesInTheConfirmationBeforeItIsApplied() {
        updates.status = FakeUpdates.status(UpdateState.AWAITING_REVIEW,
                Optional.of(FakeUpdates.release("4.0.0", Severity.BREAKING, "The GraphQL field routers.vlans is gone; use resources.")),
                "breaking release: review the notes, then approve", Optional.empty());
        var c = controller(ADMIN);

        var ask = c.confirmationBeforeApply().orElseThrow();

        assertThat(ask.header()).isEqualTo("Apply 4.0.0? It is a breaking release");
        assertThat(ask.notes()).isEqualTo("The GraphQL field routers.vlans is gone; use resources.");
        assertThat(ask.confirmLabel()).isEqualTo("Apply 4.0.0");
        assertThat(updates.applied).as("asking applies nothing").isEmpty();
    }

    @Test
    void aRefusedApplyIsShownAndChangesNothing() {
        updates.status = FakeUpdates.status(UpdateState.AWAITING_APPROVAL,
                Optional.of(FakeUpdates.release("3.0.0", Severity.MAJOR, "")), "", Optional.empty());
        var c = controller(OPERATOR); // the page offers no Apply to an operator; the in-port refuses one all the same

        c.apply();

        assertThat(c.state().notice().orElseThrow().text()).startsWith("Not allowed");
        assertThat(updates.applied).isEmpty();
    }

    @Test
    void followsLiveWhileWatchedShowingARollbackAndItsReason() {
        var c = controller(VIEWER);
        List<UpdatesController.State> seen = new ArrayList<>();
        var watching = c.subscribe(seen::add);

        updates.history.addFirst(new UpdateRecord(FakeUpdates.T0.plusSeconds(120), UpdateRecord.Kind.ROLLBACK, "2.1.0", false,
                "2.1.0 did not report healthy within 90 s: exited with 1; back to 2.0.0"));
        updates.push(FakeUpdates.status(UpdateState.ROLLED_BACK, Optional.empty(), "",
                Optional.of("2.1.0 did not report healthy within 90 s: exited with 1")));

        assertThat(seen.getLast().stateLabel()).isEqualTo("Rolled back: the new version did not report healthy");
        assertThat(seen.getLast().problem()).contains("2.1.0 did not report healthy within 90 s: exited with 1");
        assertThat(seen.getLast().history()).first().satisfies(r -> {
            assertThat(r.what()).isEqualTo("Rolled back");
            assertThat(r.ok()).isFalse();
        });

        watching.close();
        assertThat(updates.followers).as("stops following when nobody watches").isEmpty();
    }

    @Test
    void withPolicyNeverTheStateSaysChecksAreOffAndNoNextCheckIsPlanned() {
        updates.status = new com.nasnetconnect.domain.update.UpdateStatus("2.0.0", Optional.empty(), UpdateState.IDLE, "",
                Optional.empty(), Optional.empty(), Optional.empty(), new com.nasnetconnect.domain.update.UpdateSchedule(
                java.time.Duration.ofMinutes(90), java.time.LocalTime.of(2, 0), java.time.LocalTime.of(6, 0),
                com.nasnetconnect.domain.update.UpdatePolicy.NEVER, List.of(), 5));

        var s = controller(ADMIN).state();

        assertThat(s.stateLabel()).isEqualTo("Checks are off");
        assertThat(s.lastCheck()).isEqualTo("never");
        assertThat(s.nextCheck()).isEqualTo("none: checks are off");
        assertThat(s.schedule()).extracting(Fact::value).contains("off", "none");
        assertThat(UpdatesController.duration(java.time.Duration.ofMinutes(90))).isEqualTo("90 min");
    }
}

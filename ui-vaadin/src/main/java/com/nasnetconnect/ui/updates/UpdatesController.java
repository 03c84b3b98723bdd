package com.nasnetconnect.ui.updates;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.update.AvailableUpdate;
import com.nasnetconnect.domain.update.Severity;
import com.nasnetconnect.domain.update.UpdatePolicy;
import com.nasnetconnect.domain.update.UpdateRecord;
import com.nasnetconnect.domain.update.UpdateSchedule;
import com.nasnetconnect.domain.update.UpdateState;
import com.nasnetconnect.domain.update.UpdateStatus;
import com.nasnetconnect.domain.update.Updates;
import com.nasnetconnect.ui.HeadlessController;
import com.nasnetconnect.ui.Notice;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The Updates page without Vaadin: the running version, what is available and why it is or is not applied by
 * itself, the schedule, the last and next check, the history of checks and applies (the launcher's switches and
 * rollbacks among them), and the last problem in plain words; live through {@link Updates#follow} while watched.
 * Everyone signed in reads; "Check now" is for operators and admins, "Apply" for admins (the in-port refuses
 * others whichever way they ask). A breaking release is applied only after its notes were shown and confirmed.
 */
public final class UpdatesController extends HeadlessController<UpdatesController.State> {
    /** History entries shown. */
    public static final int HISTORY = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    /** The release that could be applied, as the page shows it. */
    public record Available(String version, String severity, String notes, String applyLabel) {
    }

    /** One line of the schedule: what and how it is set. */
    public record Fact(String label, String value) {
    }

    /** One check, download, apply, commit or rollback. */
    public record HistoryRow(String at, String what, String version, boolean ok, String detail) {
    }

    /** What the page asks before applying: the notes of a breaking release. */
    public record Confirmation(String header, String notes, String confirmLabel) {
    }

    /**
     * @param stateKey   the {@link UpdateState} name (for tests and styling)
     * @param problem    why the last check or apply failed, in plain words
     * @param canApply   the signed-in user may apply, and there is something to apply
     */
    public record State(boolean loaded, String currentVersion, String stateKey, String stateLabel,
                        Optional<Available> available, String decision, Optional<String> problem, String lastCheck,
                        String nextCheck, List<Fact> schedule, List<HistoryRow> history, boolean canCheck,
                        boolean canApply, Optional<Notice> notice) {
        public State {
            Objects.requireNonNull(available, "available");
            Objects.requireNonNull(problem, "problem");
            schedule = List.copyOf(schedule);
            history = List.copyOf(history);
            Objects.requireNonNull(notice, "notice");
        }

        static State empty(Optional<Notice> notice) {
            return new State(false, "", "", "", Optional.empty(), "", Optional.empty(), "", "", List.of(), List.of(),
                    false, false, notice);
        }
    }

    private final Updates updates;
    private final Principal who;
    private final ZoneId zone;
    private volatile UpdateStatus status;
    private AutoCloseable following;

    public UpdatesController(Updates updates, Principal who, ZoneId zone) {
        super(State.empty(Optional.empty()));
        this.updates = Objects.requireNonNull(updates, "updates");
        this.who = Objects.requireNonNull(who, "who");
        this.zone = Objects.requireNonNull(zone, "zone");
        refresh();
    }

    /** Reads the status and the history again. */
    public void refresh() {
        try {
            show(updates.status(who), Optional.empty());
        } catch (RuntimeException e) {
            publish(State.empty(Optional.of(Notice.refusal(e))));
        }
    }

    /** Checks the repository now, ignoring the schedule (not the trust rules). */
    public void checkNow() {
        try {
            UpdateStatus after = updates.checkNow(who);
            show(after, Optional.of(after.lastError().isPresent() && after.state() == UpdateState.FAILED
                    ? Notice.error("The check failed: " + after.lastError().get())
                    : Notice.success(after.available().map(a -> "Checked: " + a.version() + " is available")
                    .orElse("Checked: " + after.currentVersion() + " is the newest version"))));
        } catch (RuntimeException e) {
            update(s -> withNotice(s, Notice.refusal(e)));
        }
    }

    /**
     * What to ask before {@link #apply()}: a breaking release shows its notes and asks to confirm; anything else is
     * applied at once (empty).
     */
    public Optional<Confirmation> confirmationBeforeApply() {
        UpdateStatus s = status;
        if (s == null || s.available().isEmpty()) return Optional.empty();
        AvailableUpdate a = s.available().get();
        if (a.severity() != Severity.BREAKING) return Optional.empty();
        return Optional.of(new Confirmation("Apply " + a.version() + "? It is a breaking release",
                a.notes().isBlank() ? "This release has no notes. It may change how the server behaves." : a.notes(),
                "Apply " + a.version()));
    }

    /** Applies the available release: downloads and verifies it if needed, stages it and restarts into it. */
    public void apply() {
        UpdateStatus s = status;
        if (s == null || s.available().isEmpty()) {
            update(st -> withNotice(st, Notice.error("There is no update to apply")));
            return;
        }
        String version = s.available().get().version();
        try {
            UpdateStatus after = updates.apply(who, version);
            show(after, Optional.of(after.state() == UpdateState.FAILED && after.lastError().isPresent()
                    ? Notice.error(version + " was not applied: " + after.lastError().get())
                    : Notice.success("Applying " + version + ": the server restarts into it and keeps it once it reports "
                    + "healthy; otherwise it switches back by itself")));
        } catch (RuntimeException e) {
            update(st -> withNotice(st, Notice.refusal(e)));
        }
    }

    @Override
    protected void onWatched() {
        try {
            following = updates.follow(who, changed -> show(changed, Optional.empty()));
        } catch (RuntimeException e) {
            update(s -> withNotice(s, Notice.refusal(e)));
        }
        refresh();
    }

    @Override
    protected void onUnwatched() {
        AutoCloseable f = following;
        following = null;
        if (f == null) return;
        try {
            f.close();
        } catch (Exception ignored) {
            // no longer following either way
        }
    }

    /** Publishes {@code s} with the history read now; a notice of the current state is kept unless replaced. */
    private void show(UpdateStatus s, Optional<Notice> notice) {
        this.status = s;
        List<HistoryRow> history;
        try {
            history = updates.history(who, HISTORY).stream().map(this::row).toList();
        } catch (RuntimeException e) {
            history = List.of();
        }
        List<HistoryRow> rows = history;
        update(current -> state(s, rows, notice.isPresent() ? notice : current.notice()));
    }

    private State state(UpdateStatus s, List<HistoryRow> history, Optional<Notice> notice) {
        boolean busy = s.state() == UpdateState.DOWNLOADING || s.state() == UpdateState.STAGED;
        boolean canApply = who.role().allows(Role.ADMIN) && s.available().isPresent() && !busy;
        Optional<Available> available = s.available().map(a -> new Available(a.version(), severity(a.severity()), a.notes(),
                "Apply " + a.version()));
        return new State(true, s.currentVersion(), s.state().name(), stateLabel(s), available, s.decision(), s.lastError(),
                s.lastCheckAt().map(this::time).orElse("never"),
                s.schedule().policy() == UpdatePolicy.NEVER ? "none: checks are off"
                        : s.nextCheckAt().map(this::time).orElse("not planned"),
                schedule(s.schedule()), history, who.role().allows(Role.OPERATOR), canApply, notice);
    }

    private static State withNotice(State s, Notice notice) {
        return new State(s.loaded(), s.currentVersion(), s.stateKey(), s.stateLabel(), s.available(), s.decision(),
                s.problem(), s.lastCheck(), s.nextCheck(), s.schedule(), s.history(), s.canCheck(), s.canApply(),
                Optional.of(notice));
    }

    static String stateLabel(UpdateStatus s) {
        return switch (s.state()) {
            case IDLE -> s.schedule().policy() == UpdatePolicy.NEVER ? "Checks are off" : "Not checked yet";
            case UP_TO_DATE -> "Up to date";
            case AVAILABLE -> "Update available";
            case DOWNLOADING -> "Downloading " + s.available().map(AvailableUpdate::version).orElse("the update");
            case STAGED -> "Staged: switches on the next restart";
            case AWAITING_APPROVAL -> "Waiting for your approval";
            case AWAITING_REVIEW -> "Waiting for your review";
            case FAILED -> "The last check or apply failed";
            case ROLLED_BACK -> "Rolled back: the new version did not report healthy";
        };
    }

    static String severity(Severity s) {
        return switch (s) {
            case SECURITY -> "Security release";
            case MINOR -> "Minor release";
            case MAJOR -> "Major release";
            case BREAKING -> "Breaking release";
        };
    }

    static List<Fact> schedule(UpdateSchedule s) {
        String policy = switch (s.policy()) {
            case AUTO -> "auto: security releases at once, minor ones when idle; major and breaking ones wait for you";
            case NOTIFY -> "notify: shows what is available, applies nothing by itself";
            case NEVER -> "never: does not check";
        };
        return List.of(
                new Fact("Policy", policy),
                new Fact("Checks", s.policy() == UpdatePolicy.NEVER ? "off" : "every " + duration(s.interval()) + ", give or take a little"),
                new Fact("Quiet hours", s.quietFrom() + "–" + s.quietUntil() + " (no checks or restarts)"),
                new Fact("Metered uplinks", s.meteredInterfaces().isEmpty() ? "none"
                        : String.join(", ", s.meteredInterfaces()) + " (no downloads while in use)"),
                new Fact("Rollout group", s.rolloutBucket() + " of 0–99 (a staged release reaches lower groups first)"));
    }

    /** "6 h", "90 min", "45 s". */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s > 0 && s % 3600 == 0) return s / 3600 + " h";
        if (s > 0 && s % 60 == 0) return s / 60 + " min";
        return s + " s";
    }

    private HistoryRow row(UpdateRecord r) {
        String what = switch (r.kind()) {
            case CHECK -> "Check";
            case DOWNLOAD -> "Download";
            case STAGE -> "Staged";
            case APPLY -> "Switch";
            case COMMIT -> "Kept";
            case ROLLBACK -> "Rolled back";
        };
        return new HistoryRow(time(r.at()), what, r.version(), r.ok(), r.detail());
    }

    private String time(Instant at) {
        return TIME.format(at.atZone(zone));
    }
}

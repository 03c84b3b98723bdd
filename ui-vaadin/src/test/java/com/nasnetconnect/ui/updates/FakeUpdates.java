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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The Updates in-port in memory: a status the test sets, checks that find {@code nextFound}, applies of the
 * available version (refused for anything else), roles as the real one checks them, and live followers.
 */
final class FakeUpdates implements Updates {
    static final Instant T0 = Instant.parse("2026-12-02T05:00:00Z");
    static final UpdateSchedule SCHEDULE = new UpdateSchedule(Duration.ofHours(6), LocalTime.of(2, 0), LocalTime.of(6, 0),
            UpdatePolicy.AUTO, List.of("lte1"), 37);

    UpdateStatus status = status(UpdateState.UP_TO_DATE, Optional.empty(), "", Optional.empty());
    Optional<AvailableUpdate> nextFound = Optional.empty();
    Optional<String> nextCheckError = Optional.empty();
    final List<UpdateRecord> history = new ArrayList<>();
    final List<String> applied = new ArrayList<>();
    final List<Consumer<UpdateStatus>> followers = new CopyOnWriteArrayList<>();

    static UpdateStatus status(UpdateState state, Optional<AvailableUpdate> available, String decision, Optional<String> lastError) {
        return new UpdateStatus("2.0.0", available, state, decision, Optional.of(T0), Optional.of(T0.plus(Duration.ofHours(6))),
                lastError, SCHEDULE);
    }

    static AvailableUpdate release(String version, Severity severity, String notes) {
        return new AvailableUpdate(version, severity, notes);
    }

    /** A live change, as the checker's thread delivers it. */
    void push(UpdateStatus next) {
        status = next;
        followers.forEach(f -> f.accept(next));
    }

    @Override
    public UpdateStatus status(Principal who) {
        return status;
    }

    @Override
    public UpdateStatus checkNow(Principal who) {
        who.require(Role.OPERATOR, "check for updates");
        Instant at = T0.plusSeconds(60);
        if (nextCheckError.isPresent()) {
            history.addFirst(new UpdateRecord(at, UpdateRecord.Kind.CHECK, "", false, nextCheckError.get()));
            status = new UpdateStatus(status.currentVersion(), status.available(), UpdateState.FAILED, status.decision(),
                    Optional.of(at), status.nextCheckAt(), nextCheckError, SCHEDULE);
            return status;
        }
        history.addFirst(new UpdateRecord(at, UpdateRecord.Kind.CHECK, nextFound.map(AvailableUpdate::version).orElse(""), true,
                nextFound.map(a -> "found " + a.version()).orElse("up to date")));
        status = new UpdateStatus(status.currentVersion(), nextFound, nextFound.isPresent() ? UpdateState.AWAITING_APPROVAL
                : UpdateState.UP_TO_DATE, nextFound.map(a -> "major release: waits for your approval").orElse(""),
                Optional.of(at), status.nextCheckAt(), Optional.empty(), SCHEDULE);
        return status;
    }

    @Override
    public UpdateStatus apply(Principal who, String version) {
        who.require(Role.ADMIN, "apply an update");
        if (status.available().filter(a -> a.version().equals(version)).isEmpty()) {
            throw new IllegalArgumentException("version '" + version + "' is not the available update");
        }
        applied.add(version);
        status = new UpdateStatus(status.currentVersion(), status.available(), UpdateState.STAGED, "applied by " + who.name(),
                status.lastCheckAt(), status.nextCheckAt(), Optional.empty(), SCHEDULE);
        return status;
    }

    @Override
    public List<UpdateRecord> history(Principal who, int max) {
        return List.copyOf(history.subList(0, Math.min(max, history.size())));
    }

    @Override
    public AutoCloseable follow(Principal who, Consumer<UpdateStatus> listener) {
        followers.add(listener);
        return () -> followers.remove(listener);
    }
}

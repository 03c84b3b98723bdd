package com.nasnetconnect.domain.update;

import com.nasnetconnect.domain.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The updates as the owner sees them: the checker's status and history together with what the launcher did at the
 * last switches ({@link UpdateInstaller#launcherRecords()}). A rollback is in the history with its reason; while it
 * is the launcher's newest record it is the {@code lastError} (unless the checker has a newer problem of its own),
 * and until the next check the state is {@link UpdateState#ROLLED_BACK}.
 */
public final class LauncherAwareUpdates implements Updates {
    private final Updates checker;
    private final UpdateInstaller installer;

    public LauncherAwareUpdates(Updates checker, UpdateInstaller installer) {
        this.checker = Objects.requireNonNull(checker, "checker");
        this.installer = Objects.requireNonNull(installer, "installer");
    }

    @Override
    public UpdateStatus status(Principal who) {
        return withLauncher(checker.status(who));
    }

    @Override
    public UpdateStatus checkNow(Principal who) {
        return withLauncher(checker.checkNow(who));
    }

    @Override
    public UpdateStatus apply(Principal who, String version) {
        return withLauncher(checker.apply(who, version));
    }

    /** The checker's entries and the launcher's, newest first (the checker checks who may read). */
    @Override
    public List<UpdateRecord> history(Principal who, int max) {
        List<UpdateRecord> all = new ArrayList<>(checker.history(who, max));
        all.addAll(installer.launcherRecords());
        all.sort(Comparator.comparing(UpdateRecord::at).reversed());
        return List.copyOf(all.subList(0, Math.min(max, all.size())));
    }

    @Override
    public AutoCloseable follow(Principal who, Consumer<UpdateStatus> listener) {
        return checker.follow(who, s -> listener.accept(withLauncher(s)));
    }

    UpdateStatus withLauncher(UpdateStatus s) {
        Optional<UpdateRecord> rollback = installer.launcherRecords().stream().findFirst()
                .filter(r -> r.kind() == UpdateRecord.Kind.ROLLBACK);
        if (rollback.isEmpty()) return s;
        UpdateRecord r = rollback.get();
        boolean sinceLastCheck = s.lastCheckAt().map(at -> at.isBefore(r.at())).orElse(true);
        boolean busy = s.state() == UpdateState.DOWNLOADING || s.state() == UpdateState.STAGED;
        UpdateState state = sinceLastCheck && !busy ? UpdateState.ROLLED_BACK : s.state();
        Optional<String> lastError = s.lastError().or(() -> Optional.of(r.detail()));
        return new UpdateStatus(s.currentVersion(), s.available(), state, s.decision(), s.lastCheckAt(), s.nextCheckAt(),
                lastError, s.schedule());
    }
}

package com.nasnetconnect.domain.update;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the device knows about updates (GraphQL {@code UpdateStatus}).
 *
 * @param decision    in plain words, why the available release is or is not applied by itself ("security release:
 *                    applied at once", "major release: waits for your approval", "quiet hours until 06:00")
 * @param lastError   why the last check or apply failed, in plain words; the last good state is kept
 */
public record UpdateStatus(String currentVersion, Optional<AvailableUpdate> available, UpdateState state,
                           String decision, Optional<Instant> lastCheckAt, Optional<Instant> nextCheckAt,
                           Optional<String> lastError, UpdateSchedule schedule) {
    public UpdateStatus {
        Objects.requireNonNull(currentVersion, "currentVersion");
        Objects.requireNonNull(available, "available");
        Objects.requireNonNull(state, "state");
        decision = decision == null ? "" : decision;
        Objects.requireNonNull(lastCheckAt, "lastCheckAt");
        Objects.requireNonNull(nextCheckAt, "nextCheckAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(schedule, "schedule");
    }
}

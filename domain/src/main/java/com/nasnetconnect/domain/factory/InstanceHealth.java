package com.nasnetconnect.domain.factory;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether an instance's gateway works, as last checked (its container's state, its route's check-gateway), and
 * in plain words why not.
 *
 * @param reason    empty when healthy or not yet checked; else what failed, in the user's terms
 * @param checkedAt empty until the first check
 */
public record InstanceHealth(Status status, String reason, Optional<Instant> checkedAt) {
    public enum Status { UNKNOWN, HEALTHY, UNHEALTHY }

    public InstanceHealth {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** Not checked yet. */
    public static InstanceHealth unknown() {
        return new InstanceHealth(Status.UNKNOWN, "", Optional.empty());
    }

    public static InstanceHealth healthy(Instant at) {
        return new InstanceHealth(Status.HEALTHY, "", Optional.of(at));
    }

    public static InstanceHealth unhealthy(String reason, Instant at) {
        return new InstanceHealth(Status.UNHEALTHY, reason, Optional.of(at));
    }
}

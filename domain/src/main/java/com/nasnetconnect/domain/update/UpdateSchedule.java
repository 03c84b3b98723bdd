package com.nasnetconnect.domain.update;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * When the device checks, as configured: every {@code interval} (with jitter), never between {@code quietFrom}
 * and {@code quietUntil} local time, never while an interface of {@code meteredInterfaces} carries the uplink or
 * traffic is high; {@code rolloutBucket} (0–99) is this device's place in a staged rollout.
 */
public record UpdateSchedule(Duration interval, LocalTime quietFrom, LocalTime quietUntil, UpdatePolicy policy,
                             List<String> meteredInterfaces, int rolloutBucket) {
    public UpdateSchedule {
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        Objects.requireNonNull(policy, "policy");
        meteredInterfaces = List.copyOf(meteredInterfaces);
    }
}

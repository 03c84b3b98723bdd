package com.nasnetconnect.domain.router;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The live status of one router as last polled. When {@code reachable} is false, the live fields keep their
 * last known values (or are empty) and {@code problem} says what went wrong.
 */
public record RouterStatus(
        RouterId routerId,
        String name,
        boolean reachable,
        Optional<String> identity,
        Optional<String> version,
        Optional<String> board,
        Optional<Duration> uptime,
        Optional<Integer> cpuLoadPercent,
        Optional<Long> freeMemoryBytes,
        Optional<Long> totalMemoryBytes,
        Optional<String> problem,
        Instant checkedAt) {

    public static RouterStatus unknown(Router router, Instant now) {
        return new RouterStatus(router.id(), router.name(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("not polled yet"), now);
    }
}

package com.nasnetconnect.domain.router;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The live status of one router as last polled. When {@code reachable} is false, the live fields keep their
 * last known values (or are empty) and {@code problem} says what went wrong.
 *
 * @param checkedAt  when this status was taken (the last poll, answered or not)
 * @param lastSeenAt the last time the router answered; {@code checkedAt} while it is reachable, earlier (or
 *                   empty: not since the server started) while it is not. The live fields date from then.
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
        Instant checkedAt,
        Optional<Instant> lastSeenAt) {

    public RouterStatus {
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
    }

    /** A status without a separate last-seen time: a reachable router was seen when checked, others never. */
    public RouterStatus(RouterId routerId, String name, boolean reachable, Optional<String> identity,
                        Optional<String> version, Optional<String> board, Optional<Duration> uptime,
                        Optional<Integer> cpuLoadPercent, Optional<Long> freeMemoryBytes,
                        Optional<Long> totalMemoryBytes, Optional<String> problem, Instant checkedAt) {
        this(routerId, name, reachable, identity, version, board, uptime, cpuLoadPercent, freeMemoryBytes,
                totalMemoryBytes, problem, checkedAt, reachable ? Optional.ofNullable(checkedAt) : Optional.empty());
    }

    public static RouterStatus unknown(Router router, Instant now) {
        return new RouterStatus(router.id(), router.name(), false, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of("not polled yet"), now);
    }
}

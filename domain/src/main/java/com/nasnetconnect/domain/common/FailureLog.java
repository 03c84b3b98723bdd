package com.nasnetconnect.domain.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logs a failure that repeats (a poll, a periodic check) once instead of on every attempt: the first failure of
 * a subject, and a failure with a different message, as one WARNING line without a stack trace; the same failure
 * again only as DEBUG, and as a WARNING reminder no more often than every {@code remindEvery}; the recovery once
 * at INFO. Thread-safe.
 */
public final class FailureLog {
    private record Failing(String message, Instant warnedAt, int repeats) {
    }

    private final System.Logger log;
    private final Clock clock;
    private final Duration remindEvery;
    private final Map<String, Failing> failing = new ConcurrentHashMap<>();

    public FailureLog(System.Logger log, Clock clock, Duration remindEvery) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (remindEvery.isNegative() || remindEvery.isZero()) throw new IllegalArgumentException("remindEvery must be positive: " + remindEvery);
        this.remindEvery = remindEvery;
    }

    /** {@code what} failed for {@code subject} (e.g. a router id) with {@code message} (one line is logged). */
    public void failed(String subject, String what, String message) {
        String oneLine = String.valueOf(message).strip().replaceAll("\\s*\\R\\s*", " / ");
        Instant now = clock.instant();
        failing.compute(subject, (k, was) -> {
            if (was == null || !was.message().equals(oneLine)) {
                log.log(System.Logger.Level.WARNING, what + " failed: " + oneLine);
                return new Failing(oneLine, now, 0);
            }
            if (!now.isBefore(was.warnedAt().plus(remindEvery))) {
                log.log(System.Logger.Level.WARNING, what + " still fails (" + (was.repeats() + 1) + " more times since the last"
                        + " warning): " + oneLine);
                return new Failing(oneLine, now, 0);
            }
            log.log(System.Logger.Level.DEBUG, what + " failed again: " + oneLine);
            return new Failing(oneLine, was.warnedAt(), was.repeats() + 1);
        });
    }

    /** {@code what} worked for {@code subject}: logged at INFO only when it had been failing. */
    public void succeeded(String subject, String what) {
        if (failing.remove(subject) != null) log.log(System.Logger.Level.INFO, what + " works again");
    }

    /** Whether the subject's last attempt failed. */
    public boolean isFailing(String subject) {
        return failing.containsKey(subject);
    }
}

package com.nasnetconnect.domain.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per user name and per source address, in memory. Past a number of free failures each
 * further failure locks the key for a period that doubles every time (first lockout, 2×, 4×, … up to a
 * maximum). A success clears the user's count (not the source's, so one valid account cannot launder a
 * source that guesses others). Counts are forgotten after a quiet period. Bounded in size.
 */
public final class LoginThrottle {
    /**
     * @param freeUserFailures   failures per user name before the first lockout
     * @param freeSourceFailures failures per source address before the first lockout
     * @param firstLockout       length of the first lockout; each further failure doubles it
     * @param maxLockout         the longest lockout
     * @param forgetAfter        a key without failures for this long starts again from zero
     */
    public record Policy(int freeUserFailures, int freeSourceFailures, Duration firstLockout, Duration maxLockout,
                         Duration forgetAfter) {
        public static final Policy DEFAULT = new Policy(5, 20, Duration.ofSeconds(30), Duration.ofHours(1),
                Duration.ofHours(24));

        public Policy {
            if (freeUserFailures < 1) throw new IllegalArgumentException("freeUserFailures < 1: " + freeUserFailures);
            if (freeSourceFailures < 1) throw new IllegalArgumentException("freeSourceFailures < 1: " + freeSourceFailures);
            if (firstLockout.isNegative() || firstLockout.isZero()) throw new IllegalArgumentException("firstLockout <= 0: " + firstLockout);
            if (maxLockout.compareTo(firstLockout) < 0) throw new IllegalArgumentException("maxLockout < firstLockout: " + maxLockout);
        }
    }

    private record Entry(int failures, Instant lastFailure, Instant lockedUntil) {}

    private static final int MAX_KEYS = 100_000;
    private final Policy policy;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public LoginThrottle(Policy policy, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True while the user name or the source is locked out. */
    public boolean locked(String user, String source) {
        Instant now = clock.instant();
        return lockedNow(userKey(user), now) || lockedNow(sourceKey(source), now);
    }

    public void failed(String user, String source) {
        Instant now = clock.instant();
        record(userKey(user), policy.freeUserFailures(), now);
        record(sourceKey(source), policy.freeSourceFailures(), now);
        if (entries.size() > MAX_KEYS) evict(now);
    }

    public void succeeded(String user) {
        entries.remove(userKey(user));
    }

    private boolean lockedNow(String key, Instant now) {
        Entry e = entries.get(key);
        return e != null && now.isBefore(e.lockedUntil());
    }

    private void record(String key, int free, Instant now) {
        entries.compute(key, (k, e) -> {
            int failures = e == null || forgotten(e, now) ? 1 : e.failures() + 1;
            Instant until = now;
            if (failures >= free) {
                int doublings = Math.min(failures - free, 30);
                Duration d = policy.firstLockout().multipliedBy(1L << doublings);
                if (d.compareTo(policy.maxLockout()) > 0) d = policy.maxLockout();
                until = now.plus(d);
            }
            return new Entry(failures, now, until);
        });
    }

    private boolean forgotten(Entry e, Instant now) {
        return e.lastFailure().plus(policy.forgetAfter()).isBefore(now) && !now.isBefore(e.lockedUntil());
    }

    private void evict(Instant now) {
        entries.entrySet().removeIf(en -> forgotten(en.getValue(), now));
        if (entries.size() > MAX_KEYS) entries.entrySet().removeIf(en -> !now.isBefore(en.getValue().lockedUntil()));
    }

    private static String userKey(String user) {
        return "u:" + (user == null ? "" : user.strip().toLowerCase(Locale.ROOT));
    }

    private static String sourceKey(String source) {
        return "s:" + (source == null ? "" : source);
    }
}

package com.nasnetconnect.domain.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Counts failed logins per user name and per source address, in a {@link LoginThrottleStore} (system.db in
 * production, so a restart does not reset a lockout; read per key, when a login needs it). Past a number of free failures each
 * further failure locks the key for a period that doubles every time (first lockout, 2×, 4×, … up to a
 * maximum). A success clears the user's count (not the source's, so one valid account cannot launder a
 * source that guesses others). Counts are forgotten after a quiet period. Bounded in size.
 *
 * <p>The store sees only SHA-256 digests of the keys. Only names of existing accounts are counted per user
 * ({@link #failed(String, String)} takes null for an unknown name): a name that matches no account is often a
 * password typed in the wrong field and must not be kept, not even as a digest; its source is counted.
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

    private static final int MAX_KEYS = 100_000;
    private final Policy policy;
    private final LoginThrottleStore store;
    private final Clock clock;

    /** Counts kept in memory only. */
    public LoginThrottle(Policy policy, Clock clock) {
        this(policy, LoginThrottleStore.inMemory(), clock);
    }

    public LoginThrottle(Policy policy, LoginThrottleStore store, Clock clock) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** True while the user name or the source is locked out. */
    public boolean locked(String user, String source) {
        Instant now = clock.instant();
        return lockedNow(userKey(user), now) || lockedNow(sourceKey(source), now);
    }

    /**
     * Counts a failure of the source, and of the user when {@code user} names an existing account.
     *
     * @param user the account's name, or null when the typed name matches no account
     */
    public synchronized void failed(String user, String source) {
        Instant now = clock.instant();
        if (user != null) record(userKey(user), policy.freeUserFailures(), now);
        record(sourceKey(source), policy.freeSourceFailures(), now);
        store.trim(now.minus(policy.forgetAfter()), now, MAX_KEYS);
    }

    public synchronized void succeeded(String user) {
        store.remove(userKey(user));
    }

    private boolean lockedNow(String key, Instant now) {
        Optional<LoginThrottleStore.Failures> e = store.find(key);
        return e.isPresent() && now.isBefore(e.get().lockedUntil());
    }

    private void record(String key, int free, Instant now) {
        LoginThrottleStore.Failures e = store.find(key).orElse(null);
        int failures = e == null || forgotten(e, now) ? 1 : e.failures() + 1;
        Instant until = now;
        if (failures >= free) {
            int doublings = Math.min(failures - free, 30);
            Duration d = policy.firstLockout().multipliedBy(1L << doublings);
            if (d.compareTo(policy.maxLockout()) > 0) d = policy.maxLockout();
            until = now.plus(d);
        }
        store.put(key, new LoginThrottleStore.Failures(failures, now, until));
    }

    private boolean forgotten(LoginThrottleStore.Failures e, Instant now) {
        return e.lastFailure().plus(policy.forgetAfter()).isBefore(now) && !now.isBefore(e.lockedUntil());
    }

    private static String userKey(String user) {
        return Tokens.sha256("u:" + (user == null ? "" : user.strip().toLowerCase(Locale.ROOT)));
    }

    private static String sourceKey(String source) {
        return Tokens.sha256("s:" + (source == null ? "" : source));
    }
}

package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.OutPort;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Out-port: where the {@link LoginThrottle} keeps its counts, so that a lockout survives a restart. Keys are
 * opaque (the throttle hands over digests, never a typed name or address). Read per key, when a login needs it.
 */
@OutPort
public interface LoginThrottleStore {
    /** Failures counted for one key. */
    record Failures(int failures, Instant lastFailure, Instant lockedUntil) {
        public Failures {
            if (failures < 1) throw new IllegalArgumentException("failures < 1: " + failures);
            Objects.requireNonNull(lastFailure, "lastFailure");
            Objects.requireNonNull(lockedUntil, "lockedUntil");
        }
    }

    Optional<Failures> find(String key);

    void put(String key, Failures failures);

    void remove(String key);

    /**
     * Drops every key whose last failure is before {@code quietSince} and whose lockout is over at {@code now};
     * when more than {@code max} keys remain, also every key not locked at {@code now}.
     */
    void trim(Instant quietSince, Instant now, int max);

    /** Counts in memory only: they are lost with the process. */
    static LoginThrottleStore inMemory() {
        Map<String, Failures> entries = new ConcurrentHashMap<>();
        return new LoginThrottleStore() {
            @Override
            public Optional<Failures> find(String key) {
                return Optional.ofNullable(entries.get(key));
            }

            @Override
            public void put(String key, Failures failures) {
                entries.put(key, failures);
            }

            @Override
            public void remove(String key) {
                entries.remove(key);
            }

            @Override
            public void trim(Instant quietSince, Instant now, int max) {
                if (entries.size() <= max) return;
                entries.values().removeIf(f -> f.lastFailure().isBefore(quietSince) && !now.isBefore(f.lockedUntil()));
                if (entries.size() > max) entries.values().removeIf(f -> !now.isBefore(f.lockedUntil()));
            }
        };
    }
}

package com.nasnetconnect.domain.security;

import java.time.Duration;
import java.util.Optional;

/** In-port: UI sessions with idle and absolute timeouts, and "log out everywhere". */
public interface Sessions {
    /**
     * Opens a session for a login.
     *
     * @throws IllegalStateException when the login must change its password first
     */
    SessionTicket open(Login login, String source);

    /**
     * The principal of a live session, with the user's current role; empty for unknown, expired or malformed
     * tokens and for deleted users (all alike). Extends the idle timeout.
     */
    Optional<Principal> resolve(String token);

    /** Logs this session out; unknown tokens are ignored. */
    void close(String token);

    /**
     * Logs a user out everywhere. Users may do it for themselves, admins for anyone.
     *
     * @return how many sessions ended
     */
    int closeAll(Principal actor, String user);

    /** Idle and absolute session timeouts. */
    record Policy(Duration idle, Duration absolute) {
        public static final Policy DEFAULT = new Policy(Duration.ofMinutes(30), Duration.ofHours(12));

        public Policy {
            if (idle.isNegative() || idle.isZero()) throw new IllegalArgumentException("idle timeout <= 0: " + idle);
            if (absolute.compareTo(idle) < 0) throw new IllegalArgumentException("absolute timeout < idle timeout: " + absolute);
        }
    }
}

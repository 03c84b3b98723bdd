package com.nasnetconnect.domain.security;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit trail. Never holds a secret: subjects are user or key names (an unknown user name
 * typed at login is not recorded, as it may be a mistyped password), details are short descriptions.
 *
 * @param id      increasing, assigned by the store (0 before it is stored)
 * @param actor   who did it: a user name, "apikey:<name>", "system", or "anonymous" for failed logins
 * @param subject what it was done to (user name, key name, secret description), may be empty
 * @param source  the client's address, may be empty
 */
public record AuditEvent(long id, Instant at, AuditAction action, String actor, String subject, String source,
                         String detail) {
    /** The severity every audit event carries in the event log. */
    public static final String SEVERITY = "CRITICAL";

    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(action, "action");
        actor = Objects.requireNonNullElse(actor, "");
        subject = Objects.requireNonNullElse(subject, "");
        source = Objects.requireNonNullElse(source, "");
        detail = Objects.requireNonNullElse(detail, "");
    }

    public String severity() {
        return SEVERITY;
    }
}

package com.nasnetconnect.domain.security;

import java.util.List;

/**
 * In-port: records security-relevant events (as critical events) and lists them. Other features record here
 * too, e.g. when a router password is revealed to a user: {@code audit.secretRevealed(principal, "router r1
 * password")}.
 */
public interface AuditTrail {
    /** Records an event now. {@code actor} may be null for anonymous (failed login). */
    AuditEvent record(AuditAction action, Principal actor, String subject, String source, String detail);

    /** Shorthand for {@link AuditAction#SECRET_REVEALED}; {@code what} describes the secret, never contains it. */
    default AuditEvent secretRevealed(Principal who, String what) {
        return record(AuditAction.SECRET_REVEALED, who, what, "", "");
    }

    /**
     * Shorthand for {@link AuditAction#ACCESS_DENIED}: {@code who} was refused {@code what} (an operation or a
     * path); {@code detail} says why (the role needed), never a value from the request.
     */
    default AuditEvent accessDenied(Principal who, String what, String source, String detail) {
        return record(AuditAction.ACCESS_DENIED, who, what, source, detail);
    }

    /**
     * Newest first, for the UI. Admins only.
     *
     * @param beforeId only events older than this id ({@code Long.MAX_VALUE} for the newest)
     * @throws AccessDeniedException for non-admins
     */
    List<AuditEvent> list(Principal who, int limit, long beforeId);

    /** How an actor appears in the trail. */
    static String actorName(Principal p) {
        if (p == null) return "anonymous";
        return p.apiKey() ? "apikey:" + p.name() : p.name();
    }
}

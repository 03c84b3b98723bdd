package com.nasnetconnect.domain.security;

import java.time.Clock;
import java.util.List;
import java.util.Objects;

/** The {@link AuditTrail}: stamps events with the clock and stores them in the {@link AuditLog}. */
public final class AuditService implements AuditTrail {
    public static final int MAX_PAGE = 500;
    private final AuditLog log;
    private final Clock clock;

    public AuditService(AuditLog log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuditEvent record(AuditAction action, Principal actor, String subject, String source, String detail) {
        return log.append(new AuditEvent(0, clock.instant(), action, AuditTrail.actorName(actor), subject, source, detail));
    }

    @Override
    public List<AuditEvent> list(Principal who, int limit, long beforeId) {
        who.require(Role.ADMIN, "read the audit trail");
        if (limit < 1 || limit > MAX_PAGE) throw new IllegalArgumentException("limit must be 1.." + MAX_PAGE + ": " + limit);
        return log.newest(limit, beforeId);
    }
}

package com.nasnetconnect.domain.schema;

import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.domain.security.AuditEvent;
import com.nasnetconnect.domain.security.AuditLog;
import com.nasnetconnect.domain.security.Principal;
import java.time.Instant;
import java.util.Objects;

/**
 * {@link SecretRevealAudit} onto the security audit trail: one {@link AuditAction#SECRET_REVEALED} event per
 * reveal, naming who, which field of which resource, and the reason given. Never the value.
 */
public final class AuditedSecretReveals implements SecretRevealAudit {
    private final AuditLog log;

    public AuditedSecretReveals(AuditLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public void revealed(Principal who, String subject, String field, String reason, Instant at) {
        String actor = who.apiKey() ? "apikey:" + who.name() : who.name();
        log.append(new AuditEvent(0, at, AuditAction.SECRET_REVEALED, actor, field + " of " + subject, "",
                "reason: " + reason));
    }
}

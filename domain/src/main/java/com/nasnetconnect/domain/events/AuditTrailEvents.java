package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.domain.security.AuditEvent;
import com.nasnetconnect.domain.security.AuditLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The audit trail's producer of the event log: an {@link AuditLog} that stores each audit event where it always
 * did, then records it as a CRITICAL server-wide event ({@code auth.login-failed}, {@code admin.user-created}…)
 * with its actor and a summary in the user's terms. Audit events never hold a secret (see {@link AuditEvent}); the
 * journal masks secret-named data besides. A failing journal never fails the audited action.
 */
public final class AuditTrailEvents implements AuditLog {
    private static final System.Logger LOG = System.getLogger(AuditTrailEvents.class.getName());
    private final AuditLog log;
    private final EventJournal journal;

    public AuditTrailEvents(AuditLog log, EventJournal journal) {
        this.log = Objects.requireNonNull(log, "log");
        this.journal = Objects.requireNonNull(journal, "journal");
    }

    @Override
    public AuditEvent append(AuditEvent event) {
        AuditEvent stored = log.append(event);
        try {
            journal.record(of(stored));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "audit event " + stored.id() + " (" + stored.action() + ") not recorded in the event log", e);
        }
        return stored;
    }

    @Override
    public List<AuditEvent> newest(int limit, long beforeId) {
        return log.newest(limit, beforeId);
    }

    /** {@code auth.*} for logins, logouts and refusals; {@code admin.*} for changes of users, keys and secrets. */
    public static String typeOf(AuditAction action) {
        String name = action.name().toLowerCase(Locale.ROOT).replace('_', '-');
        return switch (action) {
            case LOGIN_SUCCEEDED, LOGIN_FAILED, LOGOUT, LOGOUT_EVERYWHERE, PASSWORD_CHANGED, ACCESS_DENIED -> "auth." + name;
            default -> "admin." + name;
        };
    }

    static NewEvent of(AuditEvent a) {
        var data = new LinkedHashMap<String, Object>();
        data.put("action", a.action().name());
        if (!a.subject().isEmpty()) data.put("subject", a.subject());
        if (!a.source().isEmpty()) data.put("source", a.source());
        if (!a.detail().isEmpty()) data.put("detail", a.detail());
        data.put("auditId", a.id());
        String actor = a.actor().isEmpty() ? "anonymous" : a.actor();
        return new NewEvent(Optional.empty(), EventClass.CRITICAL, typeOf(a.action()), actor, summary(a, actor), data);
    }

    private static String summary(AuditEvent a, String actor) {
        String subject = a.subject().isEmpty() ? "" : " '" + a.subject() + "'";
        String from = a.source().isEmpty() ? "" : " from " + a.source();
        String detail = a.detail().isEmpty() ? "" : " (" + a.detail() + ")";
        return switch (a.action()) {
            case LOGIN_SUCCEEDED -> actor + " logged in" + from;
            case LOGIN_FAILED -> "failed login" + (a.subject().isEmpty() ? "" : " as" + subject) + from + detail;
            case LOGOUT -> actor + " logged out";
            case LOGOUT_EVERYWHERE -> actor + " logged out everywhere" + subject;
            case PASSWORD_CHANGED -> actor + " changed the password of" + (a.subject().isEmpty() ? " their account" : subject);
            case FIRST_ADMIN_CREATED -> "first admin" + subject + " created";
            case USER_CREATED -> actor + " created the user" + subject + detail;
            case USER_ROLE_CHANGED -> actor + " changed the role of" + subject + detail;
            case USER_PASSWORD_RESET -> actor + " reset the password of" + subject;
            case USER_DELETED -> actor + " deleted the user" + subject;
            case API_KEY_CREATED -> actor + " created the API key" + subject + detail;
            case API_KEY_REVOKED -> actor + " revoked the API key" + subject;
            case SECRET_REVEALED -> actor + " revealed" + subject;
            case SECRET_KEY_ROTATED -> actor + " rotated the secret key" + detail;
            case ACCESS_DENIED -> actor + " was refused" + subject + from;
        };
    }
}

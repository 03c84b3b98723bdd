package com.nasnetconnect.domain.security;

import java.time.Clock;

/**
 * The security services built over their stores, for the composition root: one call builds them all so
 * they share one audit trail, one login throttle and one clock.
 */
public record SecurityServices(AuthenticationService authenticator, UserService users, ApiKeyService apiKeys,
                               SessionService sessions, AuditService audit) {

    public static SecurityServices create(UserStore userStore, SessionStore sessionStore, ApiKeyStore apiKeyStore,
                                          AuditLog auditLog, LoginThrottleStore throttleStore, PasswordHasher hasher,
                                          LoginThrottle.Policy throttlePolicy, Sessions.Policy sessionPolicy, Clock clock) {
        AuditService audit = new AuditService(auditLog, clock);
        return new SecurityServices(
                new AuthenticationService(userStore, hasher, sessionStore, new LoginThrottle(throttlePolicy, throttleStore, clock), audit),
                new UserService(userStore, hasher, sessionStore, audit, clock),
                new ApiKeyService(apiKeyStore, audit, clock),
                new SessionService(sessionStore, userStore, audit, sessionPolicy, clock),
                audit);
    }
}

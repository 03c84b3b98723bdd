package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.Secret;

import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Authenticator}. Unknown users cost the same hash as known ones, and every refusal is the same
 * {@link AuthenticationFailedException}. Failed attempts are audited; the attempted name is recorded only
 * when such a user exists (an unknown "name" is often a password typed in the wrong field). Attempts refused
 * while locked out are not checked and not audited one by one (a flood must not fill the trail).
 */
public final class AuthenticationService implements Authenticator {
    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionStore sessions;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    /**
     * What an unknown user's password is checked against, so that refusing one takes as long as refusing a wrong
     * password. Hashing it costs as much as a login (Argon2id), so it is made on a thread of its own instead of
     * holding up start-up; every check waits for it, known user or not, so the first login after a start shows no
     * difference either.
     */
    private final java.util.concurrent.CompletableFuture<String> dummyHash;

    public AuthenticationService(UserStore users, PasswordHasher hasher, SessionStore sessions, LoginThrottle throttle,
                                 AuditTrail audit) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.dummyHash = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().name("dummy-password-hash").start(() -> {
            try {
                dummyHash.complete(hasher.hash(Secret.of(Tokens.generate("dummy-"))));
            } catch (RuntimeException | Error e) {
                dummyHash.completeExceptionally(e);
            }
        });
    }

    @Override
    public Login login(String user, Secret password, String source) {
        UserAccount u = check(user, password, source);
        throttle.succeeded(user);
        Principal p = new Principal(u.name(), u.role(), false);
        audit.record(AuditAction.LOGIN_SUCCEEDED, p, u.name(), source, u.mustChangePassword() ? "must change password" : "");
        return new Login(p, u.mustChangePassword());
    }

    @Override
    public Login changePassword(String user, Secret current, Secret next, String source) {
        UserAccount u = check(user, current, source);
        throttle.succeeded(user);
        Objects.requireNonNull(next, "next");
        PasswordPolicy.check(u.name(), next);
        if (next.equals(current)) throw new IllegalArgumentException("the new password must differ from the current one");
        users.update(u.withPassword(hasher.hash(next), false));
        sessions.deleteForUser(u.name());
        Principal p = new Principal(u.name(), u.role(), false);
        audit.record(AuditAction.PASSWORD_CHANGED, p, u.name(), source, "");
        return new Login(p, false);
    }

    /** The user when the password is right; otherwise records the failure and throws the uniform refusal. */
    private UserAccount check(String user, Secret password, String source) {
        if (user == null || password == null || user.length() > 256) throw new AuthenticationFailedException();
        if (throttle.locked(user, source)) throw new AuthenticationFailedException();
        String dummy = dummyHash.join();
        Optional<UserAccount> found = users.find(user);
        boolean ok = found.isPresent()
                ? hasher.verify(password, found.get().passwordHash())
                : hasher.verify(password, dummy) && false;
        if (!ok) {
            throttle.failed(found.map(UserAccount::name).orElse(null), source);
            boolean nowLocked = throttle.locked(user, source);
            audit.record(AuditAction.LOGIN_FAILED, null, found.map(UserAccount::name).orElse(""), source,
                    (found.isPresent() ? "wrong password" : "unknown user") + (nowLocked ? "; locked out" : ""));
            throw new AuthenticationFailedException();
        }
        return found.get();
    }
}

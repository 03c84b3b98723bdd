package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.Secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@link Sessions}: tokens are {@code nncs_} + 256 random bits, stored as SHA-256. A session ends when idle
 * longer than the idle timeout or older than the absolute timeout, whichever comes first. The role is read
 * from the user on every resolve, so a role change or a deleted user takes effect at once.
 */
public final class SessionService implements Sessions {
    public static final String TOKEN_PREFIX = "nncs_";
    /** lastSeen is written at most this often per session, to spare the database a write per request. */
    private static final Duration TOUCH_GRANULARITY = Duration.ofSeconds(15);

    private final SessionStore store;
    private final UserStore users;
    private final AuditTrail audit;
    private final Policy policy;
    private final Clock clock;

    public SessionService(SessionStore store, UserStore users, AuditTrail audit, Policy policy, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.users = Objects.requireNonNull(users, "users");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SessionTicket open(Login login, String source) {
        Objects.requireNonNull(login, "login");
        Principal p = login.principal();
        if (p.apiKey()) throw new IllegalArgumentException("API key '" + p.name() + "' cannot open a UI session");
        if (login.mustChangePassword()) {
            throw new IllegalStateException("'" + p.name() + "' must change the password before a session can be opened");
        }
        Instant now = clock.instant();
        store.deleteExpired(now.minus(policy.idle()), now.minus(policy.absolute()));
        String token = Tokens.generate(TOKEN_PREFIX);
        store.insert(new SessionRecord(Tokens.sha256(token), p.name(), source, now, now));
        return new SessionTicket(Secret.of(token), p, now.plus(policy.absolute()));
    }

    @Override
    public Optional<Principal> resolve(String token) {
        if (!Tokens.wellFormed(TOKEN_PREFIX, token)) return Optional.empty();
        String hash = Tokens.sha256(token);
        Optional<SessionRecord> found = store.find(hash);
        if (found.isEmpty()) return Optional.empty();
        SessionRecord s = found.get();
        Instant now = clock.instant();
        if (!now.isBefore(s.lastSeenAt().plus(policy.idle())) || !now.isBefore(s.createdAt().plus(policy.absolute()))) {
            store.delete(hash);
            return Optional.empty();
        }
        Optional<UserAccount> user = users.find(s.user());
        if (user.isEmpty() || user.get().mustChangePassword()) {
            store.delete(hash);
            return Optional.empty();
        }
        if (!now.isBefore(s.lastSeenAt().plus(TOUCH_GRANULARITY))) store.touch(hash, now);
        return Optional.of(new Principal(user.get().name(), user.get().role(), false));
    }

    @Override
    public void close(String token) {
        if (!Tokens.wellFormed(TOKEN_PREFIX, token)) return;
        String hash = Tokens.sha256(token);
        store.find(hash).ifPresent(s -> {
            store.delete(hash);
            Role role = users.find(s.user()).map(UserAccount::role).orElse(Role.VIEWER);
            audit.record(AuditAction.LOGOUT, new Principal(s.user(), role, false), s.user(), s.source(), "");
        });
    }

    @Override
    public int closeAll(Principal actor, String user) {
        Objects.requireNonNull(actor, "actor");
        if (actor.apiKey() || !actor.name().equalsIgnoreCase(user)) {
            actor.require(Role.ADMIN, "log out user '" + user + "' everywhere");
        }
        int n = store.deleteForUser(user);
        audit.record(AuditAction.LOGOUT_EVERYWHERE, actor, user, "", n + " session(s) ended");
        return n;
    }
}

package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.Secret;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link UserAdministration}, plus creating the first admin at first start. */
public final class UserService implements UserAdministration {
    public static final String FIRST_ADMIN = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserStore users;
    private final PasswordHasher hasher;
    private final SessionStore sessions;
    private final AuditTrail audit;
    private final Clock clock;

    public UserService(UserStore users, PasswordHasher hasher, SessionStore sessions, AuditTrail audit, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.audit = Objects.requireNonNull(audit, "audit");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * When there is no user yet, creates the admin "admin": with {@code configured} (e.g. NNC_ADMIN_PASSWORD) as
     * its password, or with a generated one that must be changed at first login.
     *
     * @return the new admin (print a generated password once), or empty when users exist already
     * @throws IllegalArgumentException when the configured password breaks the {@link PasswordPolicy}
     */
    public synchronized Optional<FirstAdmin> ensureFirstAdmin(Optional<Secret> configured) {
        if (!users.list().isEmpty()) return Optional.empty();
        boolean generated = configured.isEmpty() || configured.get().isEmpty();
        Secret password = generated ? generatePassword() : configured.get();
        try {
            PasswordPolicy.check(FIRST_ADMIN, password);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("NNC_ADMIN_PASSWORD: " + e.getMessage());
        }
        users.insert(new UserAccount(FIRST_ADMIN, Role.ADMIN, hasher.hash(password), generated, clock.instant()));
        audit.record(AuditAction.FIRST_ADMIN_CREATED, Principal.SYSTEM, FIRST_ADMIN, "",
                generated ? "generated password, must change at first login" : "password from configuration");
        return Optional.of(new FirstAdmin(FIRST_ADMIN, password, generated));
    }

    @Override
    public List<UserInfo> list(Principal actor) {
        actor.require(Role.ADMIN, "list users");
        return users.list().stream().map(UserAccount::info).toList();
    }

    @Override
    public synchronized UserInfo create(Principal actor, String name, Role role, Secret initialPassword) {
        actor.require(Role.ADMIN, "create users");
        UserInfo.checkName(name);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(initialPassword, "initialPassword");
        PasswordPolicy.check(name, initialPassword);
        if (users.find(name).isPresent()) throw new IllegalArgumentException("user '" + name + "' already exists");
        UserAccount u = new UserAccount(name, role, hasher.hash(initialPassword), true, clock.instant());
        users.insert(u);
        audit.record(AuditAction.USER_CREATED, actor, name, "", "role " + role.name().toLowerCase());
        return u.info();
    }

    @Override
    public synchronized UserInfo changeRole(Principal actor, String name, Role role) {
        actor.require(Role.ADMIN, "change user roles");
        Objects.requireNonNull(role, "role");
        UserAccount u = existing(name);
        if (u.role() == Role.ADMIN && role != Role.ADMIN && admins() == 1) {
            throw new IllegalArgumentException("'" + u.name() + "' is the last admin and cannot become " + role.name().toLowerCase());
        }
        UserAccount changed = u.withRole(role);
        users.update(changed);
        audit.record(AuditAction.USER_ROLE_CHANGED, actor, u.name(), "",
                u.role().name().toLowerCase() + " -> " + role.name().toLowerCase());
        return changed.info();
    }

    @Override
    public synchronized void resetPassword(Principal actor, String name, Secret temporaryPassword) {
        actor.require(Role.ADMIN, "reset passwords");
        UserAccount u = existing(name);
        Objects.requireNonNull(temporaryPassword, "temporaryPassword");
        PasswordPolicy.check(u.name(), temporaryPassword);
        users.update(u.withPassword(hasher.hash(temporaryPassword), true));
        sessions.deleteForUser(u.name());
        audit.record(AuditAction.USER_PASSWORD_RESET, actor, u.name(), "", "");
    }

    @Override
    public synchronized void delete(Principal actor, String name) {
        actor.require(Role.ADMIN, "delete users");
        UserAccount u = existing(name);
        if (!actor.apiKey() && u.name().equalsIgnoreCase(actor.name())) {
            throw new IllegalArgumentException("'" + u.name() + "' cannot delete itself");
        }
        if (u.role() == Role.ADMIN && admins() == 1) {
            throw new IllegalArgumentException("'" + u.name() + "' is the last admin and cannot be deleted");
        }
        users.delete(u.name());
        sessions.deleteForUser(u.name());
        audit.record(AuditAction.USER_DELETED, actor, u.name(), "", "");
    }

    private UserAccount existing(String name) {
        return users.find(name).orElseThrow(() -> new IllegalArgumentException("no user named '" + name + "'"));
    }

    private long admins() {
        return users.list().stream().filter(u -> u.role() == Role.ADMIN).count();
    }

    private static Secret generatePassword() {
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder(20);
        for (int i = 0; i < 20; i++) sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        return Secret.of(sb.toString());
    }
}

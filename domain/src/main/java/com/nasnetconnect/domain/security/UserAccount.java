package com.nasnetconnect.domain.security;

import java.time.Instant;
import java.util.Objects;

/**
 * A stored user: what the {@link UserStore} keeps. Holds the password hash (a PHC string), so it never leaves
 * the security services; callers get {@link UserInfo} instead.
 *
 * @param mustChangePassword true for generated or admin-set passwords: the user must pick their own at next login
 */
public record UserAccount(String name, Role role, String passwordHash, boolean mustChangePassword, Instant createdAt) {
    public UserAccount {
        UserInfo.checkName(name);
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public UserInfo info() {
        return new UserInfo(name, role, mustChangePassword, createdAt);
    }

    UserAccount withRole(Role r) {
        return new UserAccount(name, r, passwordHash, mustChangePassword, createdAt);
    }

    UserAccount withPassword(String hash, boolean mustChange) {
        return new UserAccount(name, role, hash, mustChange, createdAt);
    }
}

package com.nasnetconnect.domain.security;

import java.util.Objects;

/**
 * A successful login. When {@code mustChangePassword} is set the user must choose a new password
 * ({@link Authenticator#changePassword}) before a session can be opened.
 */
public record Login(Principal principal, boolean mustChangePassword) {
    public Login {
        Objects.requireNonNull(principal, "principal");
    }
}

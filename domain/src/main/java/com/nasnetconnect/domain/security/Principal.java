package com.nasnetconnect.domain.security;

import java.util.Objects;

/**
 * Who is acting: a logged-in user or an API key, with the role that bounds what it may do. Domain services
 * take a Principal and check its role themselves, so every entry point (UI, GraphQL, CLI) is covered.
 *
 * @param name    user name, or the API key's name
 * @param apiKey  true when acting through an API key
 */
public record Principal(String name, Role role, boolean apiKey) {
    public Principal {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }

    /** The server itself (start-up, scheduled jobs); never handed to a caller from outside. */
    public static final Principal SYSTEM = new Principal("system", Role.ADMIN, false);

    /** @throws AccessDeniedException when this principal's role is below {@code needed} */
    public void require(Role needed, String action) {
        if (!role.allows(needed)) throw new AccessDeniedException(this, needed, action);
    }
}

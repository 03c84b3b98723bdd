package com.nasnetconnect.domain.security;

/** A principal tried something its role does not allow. */
public final class AccessDeniedException extends RuntimeException {
    private final Role needed;

    public AccessDeniedException(Principal who, Role needed, String action) {
        super("'" + who.name() + "' (" + who.role().name().toLowerCase() + ") may not " + action
                + ": needs " + needed.name().toLowerCase());
        this.needed = needed;
    }

    public Role needed() {
        return needed;
    }
}

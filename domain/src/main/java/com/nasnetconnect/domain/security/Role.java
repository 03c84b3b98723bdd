package com.nasnetconnect.domain.security;

/**
 * What a user or API key may do. Ordered by power: every role may do what the roles before it may.
 * viewer: read only; operator: change routers and resources; admin: also users, API keys and settings.
 */
public enum Role {
    VIEWER, OPERATOR, ADMIN;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }

    /** Parses "viewer", "OPERATOR", … and names the bad value otherwise. */
    public static Role parse(String text) {
        if (text != null) {
            for (Role r : values()) {
                if (r.name().equalsIgnoreCase(text.trim())) return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "' (expected viewer, operator or admin)");
    }
}

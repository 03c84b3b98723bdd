package com.nasnetconnect.domain.security;

import java.time.Instant;
import java.util.regex.Pattern;

/** A user as callers see it: never the password or its hash. */
public record UserInfo(String name, Role role, boolean mustChangePassword, Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    /** User names: 1-64 of letters, digits, '.', '_', '@', '-', starting with a letter or digit. */
    public static String checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid user name '" + name
                    + "' (1-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit)");
        }
        return name;
    }
}

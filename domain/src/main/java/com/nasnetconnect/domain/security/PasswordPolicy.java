package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.Secret;

/** Minimal password rules. Messages say what is wrong, never the password. */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {}

    /** @throws IllegalArgumentException naming the rule broken */
    public static void check(String user, Secret password) {
        String p = password.reveal();
        int n = p.codePointCount(0, p.length());
        if (n < MIN_LENGTH) {
            throw new IllegalArgumentException("password too short: " + n + " characters, need at least " + MIN_LENGTH);
        }
        if (n > MAX_LENGTH) {
            throw new IllegalArgumentException("password too long: " + n + " characters, at most " + MAX_LENGTH);
        }
        if (p.equalsIgnoreCase(user)) {
            throw new IllegalArgumentException("password must not be the user name '" + user + "'");
        }
    }
}

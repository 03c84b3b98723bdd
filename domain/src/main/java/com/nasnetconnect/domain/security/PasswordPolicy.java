package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.Secret;

/**
 * Minimal password rules. Messages say what is wrong, never the password. The minimum is 10 characters: above
 * NIST SP 800-63B's floor of 8 for chosen passwords, and what the product has always enforced (so no existing
 * password becomes invalid); forms show {@link #hint()}, so what they ask for and what is checked cannot differ.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 1024;

    private PasswordPolicy() {}

    /** What a password form says under the new-password field, e.g. {@code At least 10 characters}. */
    public static String hint() {
        return "At least " + MIN_LENGTH + " characters";
    }

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

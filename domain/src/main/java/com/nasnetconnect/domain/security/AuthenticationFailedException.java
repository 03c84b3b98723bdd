package com.nasnetconnect.domain.security;

/**
 * The uniform refusal: wrong user, wrong password, locked out, expired session, revoked or malformed key all
 * look exactly the same from outside, so a caller learns nothing about which part was wrong.
 */
public final class AuthenticationFailedException extends RuntimeException {
    public static final String MESSAGE = "authentication failed";

    public AuthenticationFailedException() {
        super(MESSAGE, null, false, false);
    }
}

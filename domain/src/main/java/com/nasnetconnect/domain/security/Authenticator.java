package com.nasnetconnect.domain.security;

import com.nasnetconnect.domain.common.Secret;

/**
 * In-port: checks a user's password. Rate-limited per user name and per source address, with a lockout that
 * grows with every further failure. Every refusal is the same {@link AuthenticationFailedException}.
 */
public interface Authenticator {
    /**
     * @param source the client's address (for rate limiting and the audit trail)
     * @throws AuthenticationFailedException for a wrong user or password, or while locked out
     */
    Login login(String user, Secret password, String source);

    /**
     * Changes the user's own password after checking the current one (same rate limit and refusal as login).
     * Clears "must change password" and ends the user's other sessions.
     *
     * @throws IllegalArgumentException when the new password breaks the policy (the message never shows it)
     */
    Login changePassword(String user, Secret current, Secret next, String source);
}

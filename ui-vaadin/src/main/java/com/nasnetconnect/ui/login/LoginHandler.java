package com.nasnetconnect.ui.login;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Principal;
import java.util.Objects;
import java.util.Optional;

/**
 * Signs users in for the UI. Every refusal is an empty result, whichever part was wrong; a password that
 * breaks the policy is an {@link IllegalArgumentException} whose message says why (never the password).
 */
public interface LoginHandler {
    /** @param source where the attempt came from (client address), for rate limiting and audit */
    Optional<SignedIn> login(String username, Secret password, String source);

    /** Changes the user's own password (required after a generated one). */
    Optional<SignedIn> changePassword(String username, Secret current, Secret next, String source);

    /**
     * The principal of a live session (extending its idle timeout), with the user's current role; empty once
     * the session expired, was logged out everywhere, or the user was deleted.
     */
    Optional<Principal> resume(Secret sessionToken);

    /** Ends the session. */
    void logout(Secret sessionToken);

    /**
     * Name of the cookie that carries the session token to the API (the GraphQL console in the same browser);
     * empty when the API should not accept the UI session.
     */
    default java.util.Optional<String> sessionCookieName() {
        return java.util.Optional.empty();
    }

    /**
     * A successful sign-in. When {@code mustChangePassword}, there is no session yet ({@code sessionToken} is
     * empty) until the password changes.
     */
    record SignedIn(Principal principal, boolean mustChangePassword, Optional<Secret> sessionToken) {
        public SignedIn {
            Objects.requireNonNull(principal, "principal");
            Objects.requireNonNull(sessionToken, "sessionToken");
        }
    }
}

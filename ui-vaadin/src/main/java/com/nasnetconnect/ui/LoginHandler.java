package com.nasnetconnect.ui;

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

    /** A successful sign-in; when {@code mustChangePassword}, no session opens until the password changes. */
    record SignedIn(Principal principal, boolean mustChangePassword) {
        public SignedIn {
            Objects.requireNonNull(principal, "principal");
        }
    }
}

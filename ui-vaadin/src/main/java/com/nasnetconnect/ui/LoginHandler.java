package com.nasnetconnect.ui;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Principal;
import java.util.Optional;

/** Checks a user name and password; empty for any refusal, without saying which part was wrong. */
@FunctionalInterface
public interface LoginHandler {
    /**
     * @param source where the attempt came from (client address), for rate limiting and audit
     */
    Optional<Principal> login(String username, Secret password, String source);
}

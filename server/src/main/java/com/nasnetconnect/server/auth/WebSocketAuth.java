package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.security.Principal;
import io.helidon.http.Headers;

import java.util.Objects;
import java.util.Optional;

/**
 * Who is behind a WebSocket upgrade, for a listener's {@code onHttpUpgrade}: an API key in the Authorization
 * header, or a UI session cookie from the same origin (see {@link RequestAuthenticator}). Empty is not a
 * refusal: a GraphQL client may still authenticate in {@code connection_init}. Upgrades whose credentials are
 * bad, or whose session cookie comes from another site, never get here: {@link AuthFilter} refuses them.
 */
public final class WebSocketAuth {
    private final RequestAuthenticator authenticator;

    public WebSocketAuth(RequestAuthenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /** The principal behind the upgrade's headers, or empty for nobody. */
    public Optional<Principal> principal(Headers headers) {
        return authenticator.authenticate(headers);
    }
}

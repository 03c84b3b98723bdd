package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.Principal;
import io.helidon.http.Headers;
import io.helidon.websocket.WsUpgradeException;

import java.util.Objects;

/**
 * Authenticates a WebSocket upgrade from inside a listener, because Helidon hands upgrades to the WebSocket
 * feature before HTTP filters run. Use it in {@code WsListener.onHttpUpgrade}:
 *
 * <pre>{@code
 * public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
 *     this.principal = wsAuth.require(headers);   // refuses the upgrade otherwise
 *     return Optional.empty();
 * }
 * }</pre>
 */
public final class WebSocketAuth {
    private final RequestAuthenticator authenticator;

    public WebSocketAuth(RequestAuthenticator authenticator) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    }

    /** @throws WsUpgradeException (the uniform refusal) when nobody valid is behind the upgrade */
    public Principal require(Headers headers) throws WsUpgradeException {
        return authenticator.authenticate(headers)
                .orElseThrow(() -> new WsUpgradeException(AuthenticationFailedException.MESSAGE));
    }
}

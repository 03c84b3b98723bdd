package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.security.ApiKeys;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Sessions;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Who is behind an HTTP request or WebSocket upgrade: an API key in {@code Authorization: Bearer <key>}, or
 * else a UI session cookie, accepted only from the same origin (a cross-site request or WebSocket carrying the
 * cookie is refused, against CSRF and cross-site WebSocket hijacking). Any other Authorization scheme, and
 * anything malformed, unknown, revoked or expired, is simply "nobody".
 */
public final class RequestAuthenticator {
    private static final int MAX_TOKEN = 512;
    private final ApiKeys apiKeys;
    private final Sessions sessions;
    private final SessionCookies cookies;

    public RequestAuthenticator(ApiKeys apiKeys, Sessions sessions, SessionCookies cookies) {
        this.apiKeys = Objects.requireNonNull(apiKeys, "apiKeys");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.cookies = Objects.requireNonNull(cookies, "cookies");
    }

    public Optional<Principal> authenticate(Headers headers) {
        Optional<String> authorization = headers.first(HeaderNames.AUTHORIZATION);
        if (authorization.isPresent()) {
            String v = authorization.get().strip();
            if (v.length() < 7 || !v.regionMatches(true, 0, "Bearer ", 0, 7)) return Optional.empty();
            String token = v.substring(7).strip();
            if (token.isEmpty() || token.length() > MAX_TOKEN) return Optional.empty();
            return apiKeys.authenticate(token);
        }
        Optional<String> token = headers.first(HeaderNames.COOKIE).flatMap(cookies::token);
        if (token.isEmpty() || !sameOrigin(headers)) return Optional.empty();
        return sessions.resolve(token.get());
    }

    /**
     * True when the request presents credentials of its own: an Authorization header of any scheme, or a session
     * cookie under our name (valid or not, from any origin).
     */
    public boolean carriesCredentials(Headers headers) {
        return headers.contains(HeaderNames.AUTHORIZATION)
                || headers.first(HeaderNames.COOKIE).flatMap(cookies::token).isPresent();
    }

    /** No Origin header (same-origin GET, non-browser) or an Origin whose host:port is the Host header. */
    static boolean sameOrigin(Headers headers) {
        Optional<String> origin = headers.first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) return true;
        Optional<String> host = headers.first(HeaderNames.HOST);
        if (host.isEmpty()) return false;
        try {
            URI o = URI.create(origin.get().strip());
            if (o.getHost() == null) return false;
            int port = o.getPort() != -1 ? o.getPort() : "https".equalsIgnoreCase(o.getScheme()) ? 443 : 80;
            String h = host.get().strip().toLowerCase(Locale.ROOT);
            String originHost = o.getHost().toLowerCase(Locale.ROOT);
            return h.equals(originHost + ":" + port) || (h.equals(originHost) && (port == 80 || port == 443));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

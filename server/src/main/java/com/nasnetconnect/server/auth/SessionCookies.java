package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.security.SessionTicket;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The UI session cookie: HttpOnly, SameSite=Strict, Path=/, and under HTTPS Secure with the {@code __Host-}
 * prefix (which browsers only accept from a secure origin, without Domain). Max-Age follows the session's
 * absolute expiry; the idle timeout is enforced by the server.
 */
public final class SessionCookies {
    public static final String HTTPS_NAME = "__Host-nnc-session";
    public static final String HTTP_NAME = "nnc-session";

    private final boolean https;
    private final Clock clock;

    /** @param https true when the public port serves HTTPS (the cookie is then Secure) */
    public SessionCookies(boolean https, Clock clock) {
        this.https = https;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String name() {
        return https ? HTTPS_NAME : HTTP_NAME;
    }

    /** The {@code Set-Cookie} value for a new session. */
    public String setCookie(SessionTicket ticket) {
        long maxAge = Math.max(0, Duration.between(clock.instant(), ticket.expiresAt()).toSeconds());
        return name() + "=" + ticket.token().reveal() + attributes(maxAge);
    }

    /** The {@code Set-Cookie} value that removes the cookie (log out). */
    public String clearCookie() {
        return name() + "=" + attributes(0);
    }

    /** The session token from a {@code Cookie} request header, if there is one under our name. */
    public Optional<String> token(String cookieHeader) {
        if (cookieHeader == null) return Optional.empty();
        for (String part : cookieHeader.split(";")) {
            String p = part.strip();
            int eq = p.indexOf('=');
            if (eq > 0 && p.substring(0, eq).equals(name())) {
                String v = p.substring(eq + 1).strip();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) v = v.substring(1, v.length() - 1);
                return v.isEmpty() ? Optional.empty() : Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** Applies the same flags to the servlet container's own session cookie (JSESSIONID) for Vaadin. */
    public void configure(jakarta.servlet.SessionCookieConfig config) {
        config.setHttpOnly(true);
        config.setSecure(https);
        config.setPath("/");
        config.setAttribute("SameSite", "Strict");
    }

    private String attributes(long maxAge) {
        return "; Path=/; Max-Age=" + maxAge + "; HttpOnly; SameSite=Strict" + (https ? "; Secure" : "");
    }
}

package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SessionTicket;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SessionCookiesTest {
    final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    final SessionTicket ticket = new SessionTicket(Secret.of("nncs_token"), new Principal("u", Role.VIEWER, false),
            Instant.parse("2026-01-01T08:00:00Z"));

    @Test
    void underHttpsTheCookieIsSecureHostPrefixedHttpOnlyAndStrict() {
        String c = new SessionCookies(true, clock).setCookie(ticket);
        assertThat(c).isEqualTo("__Host-nnc-session=nncs_token; Path=/; Max-Age=28800; HttpOnly; SameSite=Strict; Secure");
    }

    @Test
    void overPlainHttpTheCookieIsNotMarkedSecureSoBrowsersKeepIt() {
        String c = new SessionCookies(false, clock).setCookie(ticket);
        assertThat(c).startsWith("nnc-session=nncs_token;").contains("HttpOnly", "SameSite=Strict").doesNotContain("Secure");
    }

    @Test
    void clearingExpiresTheCookieAtOnce() {
        assertThat(new SessionCookies(true, clock).clearCookie()).startsWith("__Host-nnc-session=;").contains("Max-Age=0");
    }

    @Test
    void readsItsOwnCookieAmongOthers() {
        SessionCookies c = new SessionCookies(false, clock);
        assertThat(c.token("JSESSIONID=abc; nnc-session=nncs_x; other=1")).contains("nncs_x");
        assertThat(c.token("nnc-session=\"nncs_q\"")).contains("nncs_q");
        assertThat(c.token("xnnc-session=nncs_x")).isEmpty();
        assertThat(c.token("nnc-session=")).isEmpty();
        assertThat(c.token(null)).isEmpty();
        assertThat(new SessionCookies(true, clock).token("nnc-session=nncs_x")).as("https only reads its own name").isEmpty();
    }
}

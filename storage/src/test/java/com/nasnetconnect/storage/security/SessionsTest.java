package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Login;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SessionTicket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static com.nasnetconnect.storage.security.SecurityFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionsTest {
    @TempDir Path dir;
    SecurityFixture f;

    @BeforeEach
    void setUp() {
        f = new SecurityFixture(dir);
        f.user("vera", Role.VIEWER, "vera-password-1");
    }

    private SessionTicket open() {
        Login login = f.s.authenticator().login("vera", Secret.of("vera-password-1"), "10.0.0.1");
        return f.s.sessions().open(login, "10.0.0.1");
    }

    @Test
    void resolvesALiveSessionToItsUser() {
        SessionTicket t = open();
        assertThat(t.expiresAt()).isEqualTo(f.clock.instant().plus(Duration.ofHours(8)));
        assertThat(f.s.sessions().resolve(t.token().reveal())).contains(new Principal("vera", Role.VIEWER, false));
    }

    @Test
    void endsASessionIdleLongerThanTheIdleTimeout() {
        SessionTicket t = open();
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(f.s.sessions().resolve(t.token().reveal())).isPresent();
        f.clock.advance(Duration.ofMinutes(29));
        assertThat(f.s.sessions().resolve(t.token().reveal())).as("activity extended the idle timeout").isPresent();
        f.clock.advance(Duration.ofMinutes(30));
        assertThat(f.s.sessions().resolve(t.token().reveal())).isEmpty();
        f.clock.advance(Duration.ofMinutes(-30));
        assertThat(f.s.sessions().resolve(t.token().reveal())).as("an expired session is deleted").isEmpty();
    }

    @Test
    void endsAnActiveSessionAtTheAbsoluteTimeout() {
        SessionTicket t = open();
        for (int i = 0; i < 16; i++) { // 16 × 29 min = 7 h 44 min, never idle for 30 min
            f.clock.advance(Duration.ofMinutes(29));
            assertThat(f.s.sessions().resolve(t.token().reveal())).isPresent();
        }
        f.clock.advance(Duration.ofMinutes(16)); // 8 h 0 min
        assertThat(f.s.sessions().resolve(t.token().reveal())).isEmpty();
    }

    @Test
    void logsOutOneSessionOrEverywhere() {
        SessionTicket a = open();
        SessionTicket b = open();
        SessionTicket c = open();
        f.s.sessions().close(a.token().reveal());
        assertThat(f.s.sessions().resolve(a.token().reveal())).isEmpty();
        assertThat(f.s.sessions().resolve(b.token().reveal())).isPresent();
        Principal vera = new Principal("vera", Role.VIEWER, false);
        assertThat(f.s.sessions().closeAll(vera, "vera")).isEqualTo(2);
        assertThat(f.s.sessions().resolve(b.token().reveal())).isEmpty();
        assertThat(f.s.sessions().resolve(c.token().reveal())).isEmpty();
    }

    @Test
    void seesRoleChangesAtOnceAndEndsWithADeletedUser() {
        SessionTicket t = open();
        f.s.users().changeRole(ADMIN, "vera", Role.OPERATOR);
        assertThat(f.s.sessions().resolve(t.token().reveal()).orElseThrow().role()).isEqualTo(Role.OPERATOR);
        f.user("boss", Role.ADMIN, "boss-password-1");
        f.s.users().delete(ADMIN, "vera");
        assertThat(f.s.sessions().resolve(t.token().reveal())).isEmpty();
    }

    @Test
    void aPasswordResetEndsTheUsersSessions() {
        SessionTicket t = open();
        f.s.users().resetPassword(ADMIN, "vera", Secret.of("temporary-pass-9"));
        assertThat(f.s.sessions().resolve(t.token().reveal())).isEmpty();
        assertThat(f.s.authenticator().login("vera", Secret.of("temporary-pass-9"), "10.0.0.1").mustChangePassword()).isTrue();
    }

    @Test
    void refusesUnknownAndMalformedTokensAlike() {
        SessionTicket t = open();
        String real = t.token().reveal();
        for (String s : new String[]{null, "", "nncs_", real + "A", "nncs_" + "B".repeat(43), real.replace("nncs_", "nnc_x")}) {
            assertThat(f.s.sessions().resolve(s)).as("token %s", s).isEmpty();
        }
    }

    @Test
    void anApiKeyCannotOpenAUiSession() {
        assertThatThrownBy(() -> f.s.sessions().open(new Login(new Principal("ci", Role.ADMIN, true), false), "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ci'");
    }
}

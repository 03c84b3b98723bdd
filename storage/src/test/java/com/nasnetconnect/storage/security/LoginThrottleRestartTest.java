package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SecurityServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The login throttle lives in system.db: a server started again over the same file (here a second set of
 * services over its own connection to the file) still refuses a locked-out user or source.
 */
class LoginThrottleRestartTest {
    @TempDir Path dir;

    @Test
    void aLockoutSurvivesARestartOverTheSameSystemDb() {
        SecurityFixture before = new SecurityFixture(dir);
        before.user("olga", Role.OPERATOR, "olga-password-1");
        for (int i = 0; i < 3; i++) refused(before.s, "olga", "wrong-" + i, "10.0.0." + i);

        SecurityServices after = restarted(before);
        assertThatThrownBy(() -> after.authenticator().login("olga", Secret.of("olga-password-1"), "10.0.0.9"))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
        before.clock.advance(Duration.ofSeconds(31));
        assertThat(after.authenticator().login("olga", Secret.of("olga-password-1"), "10.0.0.9").principal().name())
                .isEqualTo("olga");
    }

    @Test
    void aLockoutGrowsAcrossARestartAndASuccessClearsItForBoth() {
        SecurityFixture before = new SecurityFixture(dir);
        before.user("olga", Role.OPERATOR, "olga-password-1");
        for (int i = 0; i < 3; i++) refused(before.s, "olga", "wrong-" + i, "10.0.0." + i);
        before.clock.advance(Duration.ofSeconds(31));

        SecurityServices after = restarted(before);
        // the fourth failure, counted after the restart, doubles the lockout to 60 s
        refused(after, "olga", "wrong-3", "10.0.0.3");
        before.clock.advance(Duration.ofSeconds(59));
        assertThatThrownBy(() -> before.s.authenticator().login("olga", Secret.of("olga-password-1"), "10.0.0.9"))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
        before.clock.advance(Duration.ofSeconds(2));
        assertThat(after.authenticator().login("olga", Secret.of("olga-password-1"), "10.0.0.9")).isNotNull();
        // the success cleared the user's count in the file: one failure does not lock again, in either
        refused(before.s, "olga", "wrong-4", "10.0.0.4");
        assertThat(before.s.authenticator().login("olga", Secret.of("olga-password-1"), "10.0.0.9")).isNotNull();
    }

    @Test
    void aSourceLockoutSurvivesARestart() {
        SecurityFixture before = new SecurityFixture(dir);
        before.user("olga", Role.OPERATOR, "olga-password-1");
        for (int i = 0; i < 10; i++) refused(before.s, "user" + i, "guess", "192.0.2.66");

        SecurityServices after = restarted(before);
        assertThatThrownBy(() -> after.authenticator().login("olga", Secret.of("olga-password-1"), "192.0.2.66"))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
        assertThat(after.authenticator().login("olga", Secret.of("olga-password-1"), "192.0.2.1")).isNotNull();
    }

    /** New services over a new connection to the same system.db file, sharing the test's clock. */
    private static SecurityServices restarted(SecurityFixture before) {
        SQLiteDataSource again = TestSystemDb.create(Path.of(before.db.getUrl().substring("jdbc:sqlite:".length())));
        return SqliteSecurity.services(again, new Argon2idPasswordHasher(256, 1, 1), SecurityFixture.THROTTLE,
                SecurityFixture.SESSIONS, before.clock);
    }

    private static void refused(SecurityServices s, String user, String password, String source) {
        assertThatThrownBy(() -> s.authenticator().login(user, Secret.of(password), source))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
    }
}

package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.domain.security.AuditEvent;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.FirstAdmin;
import com.nasnetconnect.domain.security.Login;
import com.nasnetconnect.domain.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthenticationTest {
    @TempDir java.nio.file.Path dir;
    SecurityFixture f;

    @BeforeEach
    void setUp() {
        f = new SecurityFixture(dir);
    }

    @Test
    void logsInWithTheRightPasswordAsThatUsersRole() {
        f.user("olga", Role.OPERATOR, "olga-password-1");
        Login login = f.s.authenticator().login("olga", Secret.of("olga-password-1"), "10.0.0.1");
        assertThat(login.principal().name()).isEqualTo("olga");
        assertThat(login.principal().role()).isEqualTo(Role.OPERATOR);
        assertThat(login.principal().apiKey()).isFalse();
        assertThat(login.mustChangePassword()).isFalse();
    }

    @Test
    void refusesWrongPasswordUnknownUserAndNullsAlike() {
        f.user("olga", Role.OPERATOR, "olga-password-1");
        List<Runnable> attempts = List.of(
                () -> f.s.authenticator().login("olga", Secret.of("wrong-password"), "10.0.0.1"),
                () -> f.s.authenticator().login("nobody", Secret.of("olga-password-1"), "10.0.0.2"),
                () -> f.s.authenticator().login(null, Secret.of("x"), "10.0.0.3"),
                () -> f.s.authenticator().login("olga", null, "10.0.0.4"));
        for (Runnable a : attempts) {
            assertThatThrownBy(a::run).isExactlyInstanceOf(AuthenticationFailedException.class)
                    .hasMessage("authentication failed").hasNoCause();
        }
    }

    @Test
    void locksAUserOutAfterRepeatedFailuresWithALockoutThatGrows() {
        f.user("olga", Role.OPERATOR, "olga-password-1");
        for (int i = 0; i < 3; i++) fail("olga", "10.0.0." + i);
        // locked: even the right password is refused, in the same way
        assertThatThrownBy(() -> f.s.authenticator().login("olga", Secret.of("olga-password-1"), "10.0.0.9"))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
        f.clock.advance(Duration.ofSeconds(29));
        assertRefused("olga", "olga-password-1");
        f.clock.advance(Duration.ofSeconds(2));
        // first lockout (30 s) over; one more failure locks for 60 s
        fail("olga", "10.0.0.5");
        f.clock.advance(Duration.ofSeconds(59));
        assertRefused("olga", "olga-password-1");
        f.clock.advance(Duration.ofSeconds(2));
        fail("olga", "10.0.0.6");
        // now 120 s
        f.clock.advance(Duration.ofSeconds(119));
        assertRefused("olga", "olga-password-1");
        f.clock.advance(Duration.ofSeconds(2));
        assertThat(f.s.authenticator().login("olga", Secret.of("olga-password-1"), "10.0.0.7").principal().name())
                .isEqualTo("olga");
        // a success starts the count again
        fail("olga", "10.0.0.8");
        assertThat(f.s.authenticator().login("olga", Secret.of("olga-password-1"), "10.0.0.7")).isNotNull();
    }

    @Test
    void lockoutIsCappedAtTheMaximum() {
        f.user("olga", Role.OPERATOR, "olga-password-1");
        for (int round = 0; round < 8; round++) {
            fail("olga", "10.1.0." + round);
            f.clock.advance(Duration.ofMinutes(10).plusSeconds(1));
        }
        assertThat(f.s.authenticator().login("olga", Secret.of("olga-password-1"), "10.2.0.1")).isNotNull();
    }

    @Test
    void locksOutASourceThatGuessesManyUserNames() {
        f.user("olga", Role.OPERATOR, "olga-password-1");
        for (int i = 0; i < 10; i++) fail("user" + i, "192.0.2.66");
        assertThatThrownBy(() -> f.s.authenticator().login("olga", Secret.of("olga-password-1"), "192.0.2.66"))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
        // another source is not affected
        assertThat(f.s.authenticator().login("olga", Secret.of("olga-password-1"), "192.0.2.1")).isNotNull();
    }

    @Test
    void createsAGeneratedFirstAdminThatMustChangeItsPasswordBeforeASession() {
        Optional<FirstAdmin> first = f.s.users().ensureFirstAdmin(Optional.empty());
        assertThat(first).isPresent();
        assertThat(first.get().generated()).isTrue();
        assertThat(first.get().password().reveal()).hasSize(20);
        assertThat(f.s.users().ensureFirstAdmin(Optional.empty())).isEmpty();

        Login login = f.s.authenticator().login("admin", first.get().password(), "127.0.0.1");
        assertThat(login.mustChangePassword()).isTrue();
        assertThatThrownBy(() -> f.s.sessions().open(login, "127.0.0.1"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must change the password");

        Login changed = f.s.authenticator().changePassword("admin", first.get().password(),
                Secret.of("my-own-admin-password"), "127.0.0.1");
        assertThat(changed.mustChangePassword()).isFalse();
        assertThat(f.s.sessions().open(changed, "127.0.0.1").token().reveal()).startsWith("nncs_");
        assertRefused("admin", first.get().password().reveal());
    }

    @Test
    void createsTheFirstAdminWithTheConfiguredPasswordAndNoForcedChange() {
        FirstAdmin first = f.s.users().ensureFirstAdmin(Optional.of(Secret.of("configured-admin-pw"))).orElseThrow();
        assertThat(first.generated()).isFalse();
        assertThat(f.s.authenticator().login("admin", Secret.of("configured-admin-pw"), "127.0.0.1").mustChangePassword())
                .isFalse();
    }

    @Test
    void refusesATooShortConfiguredAdminPasswordNamingTheSettingNotTheValue() {
        assertThatThrownBy(() -> f.s.users().ensureFirstAdmin(Optional.of(Secret.of("admin12"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NNC_ADMIN_PASSWORD").hasMessageContaining("too short: 7")
                .hasMessageNotContaining("admin12");
        assertThat(f.s.users().ensureFirstAdmin(Optional.empty())).isPresent();
    }

    @Test
    void changingAPasswordChecksTheCurrentOneAndThePolicy() {
        f.user("olga", Role.OPERATOR, "olga-password-1");
        assertThatThrownBy(() -> f.s.authenticator().changePassword("olga", Secret.of("not-current-pw"),
                Secret.of("olga-password-2"), "10.0.0.1")).isExactlyInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> f.s.authenticator().changePassword("olga", Secret.of("olga-password-1"),
                Secret.of("short"), "10.0.0.1")).hasMessageContaining("too short: 5").hasMessageNotContaining("short\"");
        assertThatThrownBy(() -> f.s.authenticator().changePassword("olga", Secret.of("olga-password-1"),
                Secret.of("olga-password-1"), "10.0.0.1")).hasMessageContaining("must differ");
    }

    @Test
    void auditsSuccessAndFailureWithoutRecordingUnknownNamesThatMayBePasswords() {
        f.user("olga", Role.OPERATOR, "olga-password-1");
        f.s.authenticator().login("olga", Secret.of("olga-password-1"), "10.0.0.1");
        fail("olga", "10.0.0.2");
        fail("Hunter2-typed-in-name-field", "10.0.0.3");
        List<AuditEvent> events = f.s.audit().list(SecurityFixture.ADMIN, 3, Long.MAX_VALUE);
        assertThat(events).extracting(AuditEvent::action)
                .containsExactly(AuditAction.LOGIN_FAILED, AuditAction.LOGIN_FAILED, AuditAction.LOGIN_SUCCEEDED);
        assertThat(events.get(0).subject()).isEmpty();
        assertThat(events.get(0).actor()).isEqualTo("anonymous");
        assertThat(events.get(1).subject()).isEqualTo("olga");
        assertThat(events.get(1).source()).isEqualTo("10.0.0.2");
        assertThat(events.get(2).actor()).isEqualTo("olga");
        assertThat(events).allMatch(e -> e.severity().equals("CRITICAL"));
        assertThat(events).noneMatch(e -> e.toString().contains("Hunter2"));
    }

    @Test
    void listedUsersNeverCarryThePasswordOrItsHash() {
        f.user("olga", Role.OPERATOR, "olga-password-1");
        List<com.nasnetconnect.domain.security.UserInfo> users = f.s.users().list(SecurityFixture.ADMIN);
        assertThat(users).extracting(com.nasnetconnect.domain.security.UserInfo::name).containsExactly("olga");
        assertThat(java.util.Arrays.stream(com.nasnetconnect.domain.security.UserInfo.class.getRecordComponents())
                .map(java.lang.reflect.RecordComponent::getName)).containsExactly("name", "role", "mustChangePassword", "createdAt");
        assertThat(users.toString()).doesNotContain("argon2").doesNotContain("olga-password-1");
    }

    @Test
    void theAuditTrailPagesNewestFirstAndRefusesSillyPageSizes() {
        for (int i = 0; i < 5; i++) fail("someone", "10.3.0." + i);
        List<AuditEvent> page1 = f.s.audit().list(SecurityFixture.ADMIN, 2, Long.MAX_VALUE);
        List<AuditEvent> page2 = f.s.audit().list(SecurityFixture.ADMIN, 2, page1.getLast().id());
        assertThat(page1.getFirst().id()).isGreaterThan(page1.getLast().id());
        assertThat(page2.getFirst().id()).isLessThan(page1.getLast().id());
        assertThatThrownBy(() -> f.s.audit().list(SecurityFixture.ADMIN, 0, Long.MAX_VALUE)).hasMessageContaining(": 0");
        assertThatThrownBy(() -> f.s.audit().list(SecurityFixture.ADMIN, 501, Long.MAX_VALUE)).hasMessageContaining(": 501");
    }

    private void fail(String user, String source) {
        assertThatThrownBy(() -> f.s.authenticator().login(user, Secret.of("definitely-wrong"), source))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
    }

    private void assertRefused(String user, String password) {
        assertThatThrownBy(() -> f.s.authenticator().login(user, Secret.of(password), "10.9.9.9"))
                .isExactlyInstanceOf(AuthenticationFailedException.class);
    }
}

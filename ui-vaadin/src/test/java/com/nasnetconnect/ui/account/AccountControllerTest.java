package com.nasnetconnect.ui.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.admin.RealSecurity;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class AccountControllerTest {
    static final String PASSWORD = "Vic-pass-12345";
    static final String NEW_PASSWORD = "Vic-new-pass-678";

    @TempDir
    Path dir;
    RealSecurity security;
    Principal vic;

    @BeforeEach
    void setUp() {
        security = new RealSecurity(dir);
        vic = security.user("vic", Role.VIEWER, PASSWORD);
    }

    @AfterEach
    void tearDown() {
        security.close();
    }

    AccountController controller() {
        return new AccountController(security.s.authenticator(), security.s.sessions(), vic, RealSecurity.SOURCE);
    }

    @Test
    void anyUserChangesTheirOwnPasswordWhichEndsEverySessionOfTheirs() {
        String session = security.session("vic", PASSWORD);
        AccountController c = controller();
        assertThat(c.state().user()).isEqualTo("vic");
        assertThat(c.state().role()).isEqualTo("viewer");

        c.changePassword(Secret.of(PASSWORD), Secret.of(NEW_PASSWORD), Secret.of(NEW_PASSWORD));

        assertThat(c.state().signedOut()).isTrue();
        assertThat(c.state().notice().orElseThrow().isError()).isFalse();
        assertThat(c.state().notice().get().text()).startsWith("Password changed").doesNotContain(NEW_PASSWORD);
        assertThat(security.s.sessions().resolve(session)).isEmpty();
        assertThat(security.s.authenticator().login("vic", Secret.of(NEW_PASSWORD), RealSecurity.SOURCE).mustChangePassword()).isFalse();
        assertThatThrownBy(() -> security.s.authenticator().login("vic", Secret.of(PASSWORD), RealSecurity.SOURCE))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndSaysOnlyThatItWasRefused() {
        String session = security.session("vic", PASSWORD);
        AccountController c = controller();

        c.changePassword(Secret.of("not-my-password"), Secret.of(NEW_PASSWORD), Secret.of(NEW_PASSWORD));

        assertThat(c.state().signedOut()).isFalse();
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("Password not changed: the current password was refused");
        assertThat(security.s.sessions().resolve(session)).isPresent();
        assertThat(security.s.authenticator().login("vic", Secret.of(PASSWORD), RealSecurity.SOURCE).principal().name()).isEqualTo("vic");
    }

    @Test
    void differingNewPasswordsAndPolicyBreachesAreRefusedWithoutShowingThem() {
        AccountController c = controller();
        c.changePassword(Secret.of(PASSWORD), Secret.of(NEW_PASSWORD), Secret.of(NEW_PASSWORD + "x"));
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("The two new passwords differ");

        c.changePassword(Secret.of(PASSWORD), Secret.of("tiny-pw"), Secret.of("tiny-pw"));
        assertThat(c.state().notice().orElseThrow().text()).contains("too short").doesNotContain("tiny-pw");
        assertThat(c.state().signedOut()).isFalse();
        assertThat(security.s.authenticator().login("vic", Secret.of(PASSWORD), RealSecurity.SOURCE).principal().name()).isEqualTo("vic");
    }

    @Test
    void anyUserLogsThemselvesOutEverywhere() {
        String phone = security.session("vic", PASSWORD);
        String laptop = security.session("vic", PASSWORD);
        String admins = security.session("admin", RealSecurity.ADMIN_PASSWORD);
        AccountController c = controller();

        c.logOutEverywhere();

        assertThat(c.state().signedOut()).isTrue();
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("Signed out everywhere: 2 sessions ended.");
        assertThat(security.s.sessions().resolve(phone)).isEmpty();
        assertThat(security.s.sessions().resolve(laptop)).isEmpty();
        assertThat(security.s.sessions().resolve(admins)).isPresent();
    }

    @Test
    void anApiKeyHasNoAccountPage() {
        assertThatThrownBy(() -> new AccountController(security.s.authenticator(), security.s.sessions(),
                new Principal("ci", Role.ADMIN, true), RealSecurity.SOURCE))
                .hasMessage("API key 'ci' has no account page");
    }
}

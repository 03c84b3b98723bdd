package com.nasnetconnect.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.admin.UsersController.UserRow;
import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class UsersControllerTest {
    @TempDir
    Path dir;
    RealSecurity security;

    @BeforeEach
    void setUp() {
        security = new RealSecurity(dir);
    }

    @AfterEach
    void tearDown() {
        security.close();
    }

    UsersController as(Principal p) {
        return new UsersController(security.s.users(), security.s.sessions(), p, ZoneOffset.UTC);
    }

    UserRow row(UsersController c, String name) {
        return c.state().users().stream().filter(u -> u.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void createsAUserWhoMustChooseTheirOwnPasswordAtFirstSignIn() {
        UsersController c = as(security.admin);
        c.create(" olga ", Role.OPERATOR, Secret.of("Initial-pass-1"));

        assertThat(c.state().notice().orElseThrow().isError()).isFalse();
        assertThat(c.state().notice().get().text()).startsWith("Created user 'olga' (operator)");
        UserRow olga = row(c, "olga");
        assertThat(olga.role()).isEqualTo(Role.OPERATOR);
        assertThat(olga.mustChangePassword()).isTrue();
        assertThat(olga.created()).isEqualTo("2026-11-25 22:00:00");
        assertThat(olga.self()).isFalse();
        assertThat(row(c, "admin").self()).isTrue();
        assertThat(security.s.authenticator().login("olga", Secret.of("Initial-pass-1"), RealSecurity.SOURCE)
                .mustChangePassword()).isTrue();
    }

    @Test
    void refusesAPasswordThatBreaksThePolicyWithoutShowingIt() {
        UsersController c = as(security.admin);
        c.create("olga", Role.VIEWER, Secret.of("short-pw"));
        assertThat(c.state().notice().orElseThrow().isError()).isTrue();
        assertThat(c.state().notice().get().text()).contains("too short").doesNotContain("short-pw");
        assertThat(c.state().users()).extracting(UserRow::name).containsExactly("admin");

        c.create("bad name", Role.VIEWER, Secret.of("Long-enough-123"));
        assertThat(c.state().notice().orElseThrow().text()).contains("'bad name'").doesNotContain("Long-enough-123");
    }

    @Test
    void changesARoleAndTheUsersNextSessionCarriesIt() {
        security.user("vic", Role.VIEWER, "Vic-pass-12345");
        String session = security.session("vic", "Vic-pass-12345");
        UsersController c = as(security.admin);

        c.changeRole("vic", Role.OPERATOR);

        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("'vic' is now operator");
        assertThat(row(c, "vic").role()).isEqualTo(Role.OPERATOR);
        assertThat(security.s.sessions().resolve(session)).get().extracting(Principal::role).isEqualTo(Role.OPERATOR);
    }

    @Test
    void refusesToDemoteTheLastAdmin() {
        UsersController c = as(security.admin);
        c.changeRole("admin", Role.VIEWER);
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("'admin' is the last admin and cannot become viewer");
        assertThat(c.state().canManage()).isTrue();
        assertThat(row(c, "admin").role()).isEqualTo(Role.ADMIN);
    }

    @Test
    void anAdminWhoDemotesThemselvesLosesTheManagementAtOnce() {
        Principal ada = security.user("ada", Role.ADMIN, "Ada-pass-12345");
        UsersController c = as(ada);
        c.changeRole("ada", Role.VIEWER);

        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("'ada' is now viewer");
        assertThat(c.state().canManage()).isFalse();
        assertThat(c.state().users()).isEmpty();
        c.delete("admin");
        assertThat(c.state().notice().orElseThrow().text()).contains("may not delete users");
        assertThat(security.s.users().list(security.admin)).extracting(u -> u.name()).contains("admin");
    }

    @Test
    void resettingAPasswordEndsTheUsersSessionsAndForcesAChange() {
        security.user("vic", Role.VIEWER, "Vic-pass-12345");
        String session = security.session("vic", "Vic-pass-12345");
        UsersController c = as(security.admin);

        c.resetPassword("vic", Secret.of("Temporary-pass-1"));

        assertThat(c.state().notice().orElseThrow().isError()).isFalse();
        assertThat(c.state().notice().get().text()).doesNotContain("Temporary-pass-1");
        assertThat(security.s.sessions().resolve(session)).isEmpty();
        assertThat(row(c, "vic").mustChangePassword()).isTrue();
        assertThatThrownBy(() -> security.s.authenticator().login("vic", Secret.of("Vic-pass-12345"), RealSecurity.SOURCE))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThat(security.s.authenticator().login("vic", Secret.of("Temporary-pass-1"), RealSecurity.SOURCE)
                .mustChangePassword()).isTrue();
    }

    @Test
    void deletesAUserAndEndsTheirSessionsButNeverYourself() {
        security.user("vic", Role.VIEWER, "Vic-pass-12345");
        String session = security.session("vic", "Vic-pass-12345");
        UsersController c = as(security.admin);

        c.delete("vic");
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("Deleted user 'vic'");
        assertThat(c.state().users()).extracting(UserRow::name).containsExactly("admin");
        assertThat(security.s.sessions().resolve(session)).isEmpty();

        c.delete("admin");
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("'admin' cannot delete itself");
        c.delete("ghost");
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("no user named 'ghost'");
    }

    @Test
    void logsAUserOutEverywhere() {
        security.user("vic", Role.VIEWER, "Vic-pass-12345");
        String phone = security.session("vic", "Vic-pass-12345");
        String laptop = security.session("vic", "Vic-pass-12345");
        String mine = security.session("admin", RealSecurity.ADMIN_PASSWORD);
        UsersController c = as(security.admin);

        c.logOutEverywhere("vic");

        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("Signed 'vic' out everywhere: 2 sessions ended");
        assertThat(security.s.sessions().resolve(phone)).isEmpty();
        assertThat(security.s.sessions().resolve(laptop)).isEmpty();
        assertThat(security.s.sessions().resolve(mine)).as("other users keep theirs").isPresent();
    }

    @Test
    void viewersSeeNoUserManagementAndTheServicesRefuseThem() {
        Principal vic = security.user("vic", Role.VIEWER, "Vic-pass-12345");
        String adminSession = security.session("admin", RealSecurity.ADMIN_PASSWORD);
        UsersController c = as(vic);

        assertThat(c.state().canManage()).isFalse();
        assertThat(c.state().users()).isEmpty();
        assertThat(c.state().notice().orElseThrow().text()).startsWith("Not allowed: ").contains("may not list users");

        c.create("mallory", Role.ADMIN, Secret.of("Mallory-pass-1"));
        assertThat(c.state().notice().orElseThrow().text()).contains("may not create users");
        c.logOutEverywhere("admin");
        assertThat(c.state().notice().orElseThrow().text()).contains("may not log out user 'admin' everywhere");
        assertThat(security.s.sessions().resolve(adminSession)).isPresent();
        assertThat(security.s.users().list(security.admin)).extracting(u -> u.name()).containsExactlyInAnyOrder("admin", "vic");
    }
}

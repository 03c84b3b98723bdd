package com.nasnetconnect.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.PasswordPolicy;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.ui.login.LoginHandler;
import com.nasnetconnect.ui.account.AccountController;
import com.nasnetconnect.ui.account.AccountView;
import com.nasnetconnect.ui.admin.RealSecurity;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.PasswordField;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every form that asks for a new password says what the policy checks (issue: the hint said 12, the check 10). */
class PasswordHintTest {
    /** The forms are only built, never submitted: a sign-in that refuses everything is enough. */
    static final LoginHandler NO_LOGIN = new LoginHandler() {
        public Optional<SignedIn> login(String u, Secret p, String s) { return Optional.empty(); }
        public Optional<SignedIn> changePassword(String u, Secret c, Secret n, String s) { return Optional.empty(); }
        public Optional<Principal> resume(Secret token) { return Optional.empty(); }
        public void logout(Secret token) { }
    };

    @Test
    void theFirstSignInFormAsksForWhatThePolicyChecks() {
        assertThat(field(new ChangePasswordView(NO_LOGIN), "new-password").getHelperText()).isEqualTo(PasswordPolicy.hint())
                .contains(String.valueOf(PasswordPolicy.MIN_LENGTH));
    }

    @Test
    void theAccountFormAsksForWhatThePolicyChecks(@TempDir Path dir) {
        try (RealSecurity security = new RealSecurity(dir)) {
            var controller = new AccountController(security.s.authenticator(), security.s.sessions(), security.admin, RealSecurity.SOURCE);
            assertThat(field(new AccountView(controller, NO_LOGIN), "own-new-password").getHelperText()).isEqualTo(PasswordPolicy.hint());
        }
    }

    private static PasswordField field(Component root, String id) {
        return all(root).filter(c -> c instanceof PasswordField && c.getId().equals(Optional.of(id)))
                .map(PasswordField.class::cast).findFirst().orElseThrow(() -> new AssertionError("no field #" + id));
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(PasswordHintTest::all));
    }
}

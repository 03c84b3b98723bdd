package com.nasnetconnect.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.security.PasswordPolicy;
import com.nasnetconnect.ui.account.AccountView;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.textfield.PasswordField;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every form that asks for a new password says what the policy checks (issue: the hint said 12, the check 10). */
class PasswordHintTest {

    @Test
    void theFirstSignInFormAsksForWhatThePolicyChecks() {
        assertThat(field(new ChangePasswordView(), "new-password").getHelperText()).isEqualTo(PasswordPolicy.hint())
                .contains(String.valueOf(PasswordPolicy.MIN_LENGTH));
    }

    @Test
    void theAccountFormAsksForWhatThePolicyChecks() {
        assertThat(field(new AccountView(), "own-new-password").getHelperText()).isEqualTo(PasswordPolicy.hint());
    }

    private static PasswordField field(Component root, String id) {
        return all(root).filter(c -> c instanceof PasswordField && c.getId().equals(Optional.of(id)))
                .map(PasswordField.class::cast).findFirst().orElseThrow(() -> new AssertionError("no field #" + id));
    }

    private static Stream<Component> all(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(PasswordHintTest::all));
    }
}

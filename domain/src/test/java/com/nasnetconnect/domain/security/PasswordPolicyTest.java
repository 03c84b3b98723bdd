package com.nasnetconnect.domain.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void theHintNamesTheLengthTheCheckEnforces() {
        assertThat(PasswordPolicy.hint()).isEqualTo("At least " + PasswordPolicy.MIN_LENGTH + " characters");
        assertThatCode(() -> PasswordPolicy.check("olga", Secret.of("x".repeat(PasswordPolicy.MIN_LENGTH)))).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("olga", Secret.of("x".repeat(PasswordPolicy.MIN_LENGTH - 1))))
                .hasMessageContaining("need at least " + PasswordPolicy.MIN_LENGTH);
    }
}

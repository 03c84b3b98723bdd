package com.nasnetconnect.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedactorTest {
    private final List<String> audit = new ArrayList<>();
    private final Instant now = Instant.parse("2026-01-31T12:00:00Z");
    private final Redactor redactor = new Redactor(Map.of("WireguardInterfaceConfig", Set.of("privateKey")),
            (who, subject, field, reason, at) -> audit.add(who.name() + "|" + subject + "|" + field + "|" + reason + "|" + at),
            Clock.fixed(now, ZoneOffset.UTC));

    @Test
    void masksSensitiveValuesAndKeepsTheRest() {
        var out = redactor.redact("WireguardInterfaceConfig", Map.of("name", "wg0", "privateKey", "secret-key"));
        assertThat(out).containsEntry("name", "wg0").containsEntry("privateKey", "******");
        assertThat(out.toString()).doesNotContain("secret-key");
        assertThat(redactor.mask("WireguardInterfaceConfig", "privateKey", null)).isNull();
    }

    @Test
    void revealsToAnAdminAfterAuditing() {
        var admin = new Principal("alice", Role.ADMIN, false);
        String v = redactor.reveal(admin, "uuid-1", "WireguardInterfaceConfig", "privateKey", "rotate", () -> "secret-key");
        assertThat(v).isEqualTo("secret-key");
        assertThat(audit).containsExactly("alice|uuid-1|WireguardInterfaceConfig.privateKey|rotate|" + now);
    }

    @Test
    void refusesToRevealBelowAdminWithoutReadingOrAuditing() {
        var operator = new Principal("bob", Role.OPERATOR, true);
        assertThatThrownBy(() -> redactor.reveal(operator, "uuid-1", "WireguardInterfaceConfig", "privateKey", "why",
                () -> { throw new AssertionError("value must not be read"); }))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(audit).isEmpty();
    }

    @Test
    void refusesToRevealAFieldThatIsNotSensitive() {
        var admin = new Principal("alice", Role.ADMIN, false);
        assertThatThrownBy(() -> redactor.reveal(admin, "u", "WireguardInterfaceConfig", "name", "why", () -> "wg0"))
                .hasMessageContaining("WireguardInterfaceConfig.name is not a sensitive field");
        assertThat(audit).isEmpty();
    }
}

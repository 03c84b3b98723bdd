package com.nasnetconnect.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.domain.security.AuditEvent;
import com.nasnetconnect.domain.security.AuditLog;
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

class AuditedSecretRevealsTest {
    @Test
    void writesOneSecretRevealedEventNamingActorFieldAndReasonButNotTheValue() {
        var events = new ArrayList<AuditEvent>();
        AuditLog log = new AuditLog() {
            @Override
            public AuditEvent append(AuditEvent e) {
                events.add(e);
                return e;
            }

            @Override
            public List<AuditEvent> newest(int limit, long beforeId) {
                return List.copyOf(events);
            }
        };
        var at = Instant.parse("2026-02-01T00:00:00Z");
        var redactor = new Redactor(Map.of("WireguardPeerConfig", Set.of("presharedKey")), new AuditedSecretReveals(log),
                Clock.fixed(at, ZoneOffset.UTC));
        redactor.reveal(new Principal("ci", Role.ADMIN, true), "uuid-9", "WireguardPeerConfig", "presharedKey",
                "peer migration", () -> "the-psk");
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.SECRET_REVEALED);
            assertThat(e.actor()).isEqualTo("apikey:ci");
            assertThat(e.subject()).isEqualTo("WireguardPeerConfig.presharedKey of uuid-9");
            assertThat(e.detail()).isEqualTo("reason: peer migration");
            assertThat(e.at()).isEqualTo(at);
            assertThat(e.toString()).doesNotContain("the-psk");
        });
    }
}

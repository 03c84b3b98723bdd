package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.security.ApiKeyInfo;
import com.nasnetconnect.domain.security.ApiKeys;
import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.domain.security.AuditEvent;
import com.nasnetconnect.domain.security.CreatedApiKey;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static com.nasnetconnect.storage.security.SecurityFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {
    @TempDir Path dir;
    SecurityFixture f;

    @BeforeEach
    void setUp() {
        f = new SecurityFixture(dir);
    }

    @Test
    void createsAKeyThatAuthenticatesWithItsRole() {
        CreatedApiKey key = f.s.apiKeys().create(ADMIN, "grafana", Role.VIEWER);
        assertThat(key.token().reveal()).startsWith("nnc_").hasSize(47);
        assertThat(key.token().toString()).doesNotContain("nnc_");
        Principal p = f.s.apiKeys().authenticate(key.token().reveal()).orElseThrow();
        assertThat(p).isEqualTo(new Principal("grafana", Role.VIEWER, true));
    }

    @Test
    void neverReturnsTheTokenOrItsHashAfterCreation() {
        CreatedApiKey key = f.s.apiKeys().create(ADMIN, "ci", Role.OPERATOR);
        ApiKeyInfo listed = f.s.apiKeys().list(ADMIN).getFirst();
        assertThat(listed.name()).isEqualTo("ci");
        assertThat(listed.role()).isEqualTo(Role.OPERATOR);
        assertThat(listed.createdBy()).isEqualTo("admin");
        assertThat(listed.toString()).doesNotContain(key.token().reveal()).doesNotContain(key.token().reveal().substring(4, 20));
        assertThat(Arrays.stream(ApiKeyInfo.class.getRecordComponents()).map(c -> c.getName()))
                .doesNotContain("token", "tokenHash", "hash");
    }

    @Test
    void recordsTheLastUseAtMostOnceAMinute() {
        CreatedApiKey key = f.s.apiKeys().create(ADMIN, "ci", Role.OPERATOR);
        assertThat(f.s.apiKeys().list(ADMIN).getFirst().lastUsedAt()).isNull();
        Instant t0 = f.clock.instant();
        f.s.apiKeys().authenticate(key.token().reveal());
        assertThat(f.s.apiKeys().list(ADMIN).getFirst().lastUsedAt()).isEqualTo(t0);
        f.clock.advance(Duration.ofSeconds(30));
        f.s.apiKeys().authenticate(key.token().reveal());
        assertThat(f.s.apiKeys().list(ADMIN).getFirst().lastUsedAt()).isEqualTo(t0);
        f.clock.advance(Duration.ofSeconds(31));
        f.s.apiKeys().authenticate(key.token().reveal());
        assertThat(f.s.apiKeys().list(ADMIN).getFirst().lastUsedAt()).isEqualTo(t0.plusSeconds(61));
    }

    @Test
    void aRevokedKeyNoLongerAuthenticatesAndItsNameCanBeReused() {
        CreatedApiKey key = f.s.apiKeys().create(ADMIN, "ci", Role.OPERATOR);
        ApiKeyInfo revoked = f.s.apiKeys().revoke(ADMIN, "ci");
        assertThat(revoked.revokedAt()).isEqualTo(f.clock.instant());
        assertThat(f.s.apiKeys().authenticate(key.token().reveal())).isEmpty();
        assertThatThrownBy(() -> f.s.apiKeys().revoke(ADMIN, "ci")).hasMessage("no active API key named 'ci'");

        CreatedApiKey again = f.s.apiKeys().create(ADMIN, "ci", Role.VIEWER);
        assertThat(f.s.apiKeys().authenticate(again.token().reveal()).orElseThrow().role()).isEqualTo(Role.VIEWER);
        assertThat(f.s.apiKeys().list(ADMIN)).extracting(ApiKeyInfo::active).containsExactly(false, true);
    }

    @Test
    void refusesUnknownMalformedAndRevokedTokensAlike() {
        CreatedApiKey key = f.s.apiKeys().create(ADMIN, "ci", Role.OPERATOR);
        String real = key.token().reveal();
        String unknown = "nnc_" + "A".repeat(43);
        f.s.apiKeys().create(ADMIN, "other", Role.ADMIN);
        f.s.apiKeys().revoke(ADMIN, "other");
        for (String t : new String[]{unknown, "", "nnc_", "Bearer " + real, real + "x", real.substring(0, 46),
                real.replace("nnc_", "nncs_"), "nnc_" + "!".repeat(43), null}) {
            assertThat(f.s.apiKeys().authenticate(t)).as("token %s", t).isEmpty();
        }
    }

    @Test
    void refusesDuplicateAndInvalidNamesNamingTheValue() {
        f.s.apiKeys().create(ADMIN, "ci", Role.OPERATOR);
        assertThatThrownBy(() -> f.s.apiKeys().create(ADMIN, "ci", Role.VIEWER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ci' exists already");
        assertThatThrownBy(() -> f.s.apiKeys().create(ADMIN, "bad name!", Role.VIEWER))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'bad name!'");
    }

    @Test
    void auditsCreationAndRevocation() {
        f.s.apiKeys().create(ADMIN, "ci", Role.OPERATOR);
        f.s.apiKeys().revoke(ADMIN, "ci");
        assertThat(f.s.audit().list(ADMIN, 10, Long.MAX_VALUE)).extracting(AuditEvent::action, AuditEvent::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AuditAction.API_KEY_REVOKED, "ci"),
                        org.assertj.core.groups.Tuple.tuple(AuditAction.API_KEY_CREATED, "ci"));
    }

    @Test
    void anExpiredKeyAuthenticatesNobodyAndIsListedWithItsExpiry() {
        Instant expiry = f.clock.instant().plus(Duration.ofHours(1));
        CreatedApiKey key = f.s.apiKeys().create(ADMIN, "temp", Role.OPERATOR, expiry);
        assertThat(key.info().expiresAt()).isEqualTo(expiry);
        assertThat(f.s.apiKeys().authenticate(key.token().reveal())).isPresent();

        f.clock.advance(Duration.ofMinutes(59));
        assertThat(f.s.apiKeys().authenticate(key.token().reveal())).isPresent();
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.s.apiKeys().authenticate(key.token().reveal())).isEmpty();

        ApiKeyInfo listed = f.s.apiKeys().list(ADMIN).getFirst();
        assertThat(listed.expiresAt()).isEqualTo(expiry);
        assertThat(listed.activeAt(f.clock.instant())).isFalse();
        assertThat(listed.expiredAt(f.clock.instant())).isTrue();
    }

    @Test
    void aKeyWithoutExpiryNeverExpires() {
        CreatedApiKey key = f.s.apiKeys().create(ADMIN, "ci", Role.OPERATOR);
        f.clock.advance(Duration.ofDays(3650));
        assertThat(f.s.apiKeys().authenticate(key.token().reveal())).isPresent();
        assertThat(f.s.apiKeys().list(ADMIN).getFirst().expiresAt()).isNull();
    }

    @Test
    void refusesAnExpiryThatIsNotInTheFutureNamingIt() {
        Instant past = f.clock.instant().minusSeconds(1);
        assertThatThrownBy(() -> f.s.apiKeys().create(ADMIN, "late", Role.VIEWER, past))
                .isInstanceOf(ApiKeys.BadExpiry.class)
                .hasMessage("the expiry 2026-01-01T09:59:59Z is not in the future (now 2026-01-01T10:00:00Z)");
        assertThatThrownBy(() -> f.s.apiKeys().create(ADMIN, "now", Role.VIEWER, f.clock.instant()))
                .isInstanceOf(ApiKeys.BadExpiry.class).hasMessageContaining("2026-01-01T10:00:00Z");
        assertThat(f.s.apiKeys().list(ADMIN)).isEmpty();
    }
}

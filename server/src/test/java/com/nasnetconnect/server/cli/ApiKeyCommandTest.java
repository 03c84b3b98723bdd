package com.nasnetconnect.server.cli;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.domain.security.AuditEvent;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ApiKeyCommandTest {
    @TempDir Path dir;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int apikey(String... args) {
        out.reset();
        err.reset();
        return new ApiKeyCommand(Map.of(), Clock.systemUTC()).execute(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void createPrintsTheKeyOnceAndItAuthenticatesWithItsRole() {
        assertThat(apikey("create", "--name", "ci", "--role", "operator", "--data-dir", dir.toString())).isZero();
        String key = out().lines().findFirst().orElseThrow();
        assertThat(key).startsWith("nnc_").hasSize(47);
        assertThat(out()).contains("not shown again");

        try (CliSecurity s = CliSecurity.open(dir, Clock.systemUTC())) {
            assertThat(s.services.apiKeys().authenticate(key)).contains(new Principal("ci", Role.OPERATOR, true));
        }
        assertThat(apikey("list", "--data-dir", dir.toString())).isZero();
        assertThat(out()).contains("ci").contains("operator").contains("active").doesNotContain(key).doesNotContain(key.substring(4, 16));
    }

    @Test
    void revokeEndsTheKey() {
        apikey("create", "--name", "ci", "--role", "viewer", "--data-dir", dir.toString());
        String key = out().lines().findFirst().orElseThrow();
        assertThat(apikey("revoke", "--name", "ci", "--data-dir=" + dir)).isZero();
        assertThat(out()).contains("revoked");
        try (CliSecurity s = CliSecurity.open(dir, Clock.systemUTC())) {
            assertThat(s.services.apiKeys().authenticate(key)).isEmpty();
            assertThat(s.services.audit().list(CliSecurity.CLI, 5, Long.MAX_VALUE)).extracting(AuditEvent::action, AuditEvent::actor)
                    .contains(org.assertj.core.groups.Tuple.tuple(AuditAction.API_KEY_REVOKED, "cli"));
        }
        apikey("list", "--data-dir", dir.toString());
        assertThat(out()).contains("revoked");
        assertThat(apikey("revoke", "--name", "ci", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("no active API key named 'ci'");
    }

    @Test
    void takesTheDataDirectoryFromTheEnvironmentWhenNotGiven() {
        int code = new ApiKeyCommand(Map.of("NNC_DATA_DIR", dir.toString()), Clock.systemUTC())
                .execute(new String[]{"create", "--name", "env", "--role", "admin"}, new PrintStream(out, true), new PrintStream(err, true));
        assertThat(code).isZero();
        assertThat(dir.resolve("system.db")).exists();
    }

    @Test
    void badInputGetsAClearMessageAndAUsageExitCode() {
        assertThat(apikey("create", "--name", "ci", "--role", "root", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("unknown role 'root'");
        assertThat(apikey("create", "--role", "viewer", "--data-dir", dir.toString())).isEqualTo(1);
        assertThat(err()).contains("needs --name");
        assertThat(apikey("create", "--name")).isEqualTo(2);
        assertThat(err()).contains("--name needs a value");
        assertThat(apikey("create", "--colour", "red")).isEqualTo(2);
        assertThat(err()).contains("unknown option --colour");
        assertThat(apikey("explode")).isEqualTo(2);
        assertThat(err()).contains("unknown sub-command 'explode'");
        assertThat(apikey("list", "--data-dir", dir.resolve("typo").toString())).isEqualTo(1);
        assertThat(err()).contains("typo").contains("does not exist");
        assertThat(dir.resolve("typo")).doesNotExist();
        assertThat(apikey()).isEqualTo(2);
    }

    @Test
    void createWithExpiresGivesAKeyThatEndsAfterThatLongAndTheListShowsWhen() {
        Instant now = Instant.parse("2026-06-01T08:00:00Z");
        assertThat(apikeyAt(now, "create", "--name", "temp", "--role", "viewer", "--expires", "30d", "--data-dir", dir.toString()))
                .as(err()).isZero();
        String key = out().lines().findFirst().orElseThrow();
        assertThat(out()).contains("expires 2026-07-01T08:00:00Z");
        assertThat(apikeyAt(now, "create", "--name", "short", "--role", "viewer", "--expires", "12h", "--data-dir", dir.toString()))
                .isZero();
        assertThat(apikeyAt(now, "create", "--name", "tiny", "--role", "viewer", "--expires", "90s", "--data-dir", dir.toString()))
                .isZero();
        assertThat(apikeyAt(now, "list", "--data-dir", dir.toString())).isZero();
        assertThat(out()).contains("EXPIRES").contains("2026-07-01T08:00:00Z").contains("2026-06-01T20:00:00Z")
                .contains("2026-06-01T08:01:30Z");

        Instant later = now.plus(Duration.ofDays(30));
        try (CliSecurity s = CliSecurity.open(dir, Clock.fixed(later.minusSeconds(1), ZoneOffset.UTC))) {
            assertThat(s.services.apiKeys().authenticate(key)).isPresent();
        }
        try (CliSecurity s = CliSecurity.open(dir, Clock.fixed(later, ZoneOffset.UTC))) {
            assertThat(s.services.apiKeys().authenticate(key)).isEmpty();
        }
        assertThat(apikeyAt(later, "list", "--data-dir", dir.toString())).isZero();
        assertThat(out().lines().filter(l -> l.startsWith("temp ")).findFirst().orElseThrow()).contains("expired");
    }

    @Test
    void refusesAnExpiryThatIsNoDurationOrNotInTheFutureNamingIt() {
        assertThat(apikey("create", "--name", "x", "--role", "viewer", "--expires", "30x", "--data-dir", dir.toString()))
                .isEqualTo(1);
        assertThat(err()).contains("'30x'").contains("90s, 12h, 30d");
        assertThat(apikey("create", "--name", "x", "--role", "viewer", "--expires", "0s", "--data-dir", dir.toString()))
                .isEqualTo(1);
        assertThat(err()).contains("'0s'");
        assertThat(apikey("list", "--data-dir", dir.toString())).isZero();
        assertThat(out().lines().count()).isEqualTo(1);
    }

    int apikeyAt(Instant now, String... args) {
        out.reset();
        err.reset();
        return new ApiKeyCommand(Map.of(), Clock.fixed(now, ZoneOffset.UTC))
                .execute(args, new PrintStream(out, true), new PrintStream(err, true));
    }

    @Test
    void rotateKeyResealsRouterPasswordsAndIsAudited() {
        apikey("list", "--data-dir", dir.toString());
        AesGcmSecretCipher before = AesGcmSecretCipher.fromDataDir(dir, Map.of());
        RouterId id = RouterId.random();
        try (CliSecurity s = CliSecurity.open(dir, Clock.systemUTC())) {
            new SqliteRouterRepository(s.databases, before, Clock.systemUTC()).save(new Router(id, "core",
                    new RouterEndpoint("127.0.0.1", 8728, false, "api", Secret.of("router-pw-1")), false, Clock.systemUTC().instant()));
        }
        int code = new RotateKeyCommand(Map.of(), Clock.systemUTC())
                .execute(new String[]{"--data-dir", dir.toString()}, new PrintStream(out, true), new PrintStream(err, true));
        assertThat(code).as(err()).isZero();
        assertThat(out()).contains("1 secret(s) re-sealed");
        AesGcmSecretCipher after = AesGcmSecretCipher.fromDataDir(dir, Map.of());
        assertThat(after.currentKeyId()).isNotEqualTo(before.currentKeyId());
        try (CliSecurity s = CliSecurity.open(dir, Clock.systemUTC())) {
            Optional<Router> r = new SqliteRouterRepository(s.databases, after, Clock.systemUTC()).find(id);
            assertThat(r.orElseThrow().endpoint().password().reveal()).isEqualTo("router-pw-1");
            assertThat(s.services.audit().list(CliSecurity.CLI, 1, Long.MAX_VALUE).getFirst().action())
                    .isEqualTo(AuditAction.SECRET_KEY_ROTATED);
        }
    }

    @Test
    void rotateKeyIsRefusedForAnEnvironmentKey() throws Exception {
        Files.createDirectories(dir);
        String envKey = Base64.getEncoder().encodeToString(new byte[32]);
        int code = new RotateKeyCommand(Map.of("NNC_SECRET_KEY", envKey), Clock.systemUTC())
                .execute(new String[]{"--data-dir", dir.toString()}, new PrintStream(out, true), new PrintStream(err, true));
        assertThat(code).isEqualTo(1);
        assertThat(err()).contains("NNC_SECRET_KEY").doesNotContain(envKey);
    }
}

package com.nasnetconnect.storage.security;

import com.nasnetconnect.storage.testing.MutableClock;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.CreatedApiKey;
import com.nasnetconnect.domain.security.FirstAdmin;
import com.nasnetconnect.domain.security.Login;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SecurityServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.router.SqliteRouterRepository;

import javax.sql.DataSource;
import java.time.Duration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full security scenario on a real data directory, then a byte search of every file in it (system.db, its
 * WAL and shared-memory files, the key file) for every plaintext secret the scenario used.
 */
class NoPlaintextSecretAtRestTest {
    @TempDir Path dataDir;

    @Test
    void noPlaintextSecretIsFoundInAnyFileOfTheDataDirectory() throws Exception {
        List<String> secrets = new ArrayList<>();
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-01T08:00:00Z"));
        DatabaseManager databases = new DatabaseManager(dataDir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        DataSource db = databases.system();
        SecurityServices s = SqliteSecurity.services(db, new Argon2idPasswordHasher(256, 1, 1),
                SecurityFixture.THROTTLE, SecurityFixture.SESSIONS, clock);
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dataDir, Map.of());
        SqliteRouterRepository routers = new SqliteRouterRepository(databases, cipher, clock);

        String adminPw = remember(secrets, "Adm1n-Initial-Pa55");
        FirstAdmin first = s.users().ensureFirstAdmin(Optional.of(Secret.of(adminPw))).orElseThrow();
        Principal admin = s.authenticator().login(first.name(), Secret.of(adminPw), "127.0.0.1").principal();

        String tempPw = remember(secrets, "Temp0rary-Oper4tor");
        String operPw = remember(secrets, "Oper4tor-Own-Secret");
        s.users().create(admin, "oper", Role.OPERATOR, Secret.of(tempPw));
        Login oper = s.authenticator().changePassword("oper", Secret.of(tempPw), Secret.of(operPw), "10.0.0.2");
        String sessionToken = remember(secrets, s.sessions().open(oper, "10.0.0.2").token().reveal());
        assertThat(s.sessions().resolve(sessionToken)).isPresent();

        String resetPw = remember(secrets, "Res3t-By-The-Admin");
        s.users().resetPassword(admin, "oper", Secret.of(resetPw));

        CreatedApiKey key = s.apiKeys().create(admin, "ci", Role.OPERATOR);
        remember(secrets, key.token().reveal());
        assertThat(s.apiKeys().authenticate(key.token().reveal())).isPresent();
        CreatedApiKey revoked = s.apiKeys().create(admin, "old", Role.VIEWER);
        remember(secrets, revoked.token().reveal());
        s.apiKeys().revoke(admin, "old");

        String wrongPw = remember(secrets, "Wr0ng-Guess-Passw0rd");
        String pwAsName = remember(secrets, "Typed-Pa55word-As-Name");
        assertThatThrownBy(() -> s.authenticator().login("oper", Secret.of(wrongPw), "10.0.0.9"))
                .isInstanceOf(AuthenticationFailedException.class);
        assertThatThrownBy(() -> s.authenticator().login(pwAsName, Secret.of(wrongPw), "10.0.0.9"))
                .isInstanceOf(AuthenticationFailedException.class);

        // a router password stored by the real router repository (sealed), revealed once (audited), then the key rotated
        String routerPw = remember(secrets, "R0uterOS-Api-Passw0rd");
        RouterId r1 = RouterId.random();
        routers.save(new Router(r1, "core", new RouterEndpoint("127.0.0.1", 8728, false, "api", Secret.of(routerPw)),
                false, clock.instant()));
        assertThat(routers.find(r1).orElseThrow().endpoint().password().reveal()).isEqualTo(routerPw);
        s.audit().secretRevealed(admin, "router core password");
        AesGcmSecretCipher.Rotation rotation = cipher.rotate(List.of(SealedValuesResealer.everywhere(databases)));
        assertThat(rotation.resealed()).isEqualTo(1);
        assertThat(routers.find(r1).orElseThrow().endpoint().password().reveal()).isEqualTo(routerPw);
        databases.close();

        assertThat(secrets).hasSize(10);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("system.db", "secret.key");
        for (Path file : files) {
            byte[] content = Files.readAllBytes(file);
            for (String secret : secrets) {
                assertThat(contains(content, secret.getBytes(StandardCharsets.UTF_8))
                        || contains(content, secret.getBytes(StandardCharsets.UTF_16LE)))
                        .as("a plaintext secret of %d chars in %s", secret.length(), file.getFileName()).isFalse();
            }
        }
        // and the search itself can find things: the user names and audit entries are in the files
        byte[] all = readAll(files);
        assertThat(contains(all, "router core password".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(contains(all, "$argon2id$".getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    private static String remember(List<String> secrets, String s) {
        secrets.add(s);
        return s;
    }



    private static byte[] readAll(List<Path> files) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Path p : files) out.write(Files.readAllBytes(p));
        return out.toByteArray();
    }

    static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return true;
        }
        return false;
    }
}

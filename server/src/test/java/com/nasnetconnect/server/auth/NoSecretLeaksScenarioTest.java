package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.Login;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SessionTicket;
import com.nasnetconnect.server.cli.ApiKeyCommand;
import com.nasnetconnect.server.cli.RotateKeyCommand;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A full scenario through the real HTTP front (users, sessions, API keys from the command line, wrong
 * passwords, a router password, a key rotation) with every log record captured down to FINEST, then a
 * search of the data directory's files and of the log for every plaintext secret used. None may be found.
 */
@Timeout(120)
class NoSecretLeaksScenarioTest {
    @TempDir Path dataDir;

    @Test
    void noPlaintextSecretIsInTheDatabaseFilesOrTheLog() throws Exception {
        StringBuilder log = new StringBuilder();
        Handler capture = new Handler() {
            final SimpleFormatter f = new SimpleFormatter();

            @Override
            public void publish(LogRecord r) {
                synchronized (log) {
                    log.append(f.format(r));
                }
            }

            @Override public void flush() { }
            @Override public void close() { }
        };
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.addHandler(capture);
        capture.setLevel(Level.ALL);
        root.setLevel(Level.ALL);
        List<String> secrets = new ArrayList<>();
        ByteArrayOutputStream cliOut = new ByteArrayOutputStream();
        try {
            scenario(secrets, cliOut);
        } finally {
            root.setLevel(before);
            root.removeHandler(capture);
        }

        assertThat(secrets).hasSize(8);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).extracting(p -> p.getFileName().toString()).contains("system.db", "secret.key");
        String logText = log.toString();
        assertThat(logText).as("the log was captured").contains("127.0.0.1");
        for (String secret : secrets) {
            assertThat(logText.contains(secret)).as("a secret of %d chars in the log", secret.length()).isFalse();
            for (Path file : files) {
                byte[] content = Files.readAllBytes(file);
                assertThat(indexOf(content, secret.getBytes(StandardCharsets.UTF_8)))
                        .as("a secret of %d chars in %s", secret.length(), file.getFileName()).isEqualTo(-1);
            }
        }
        // the API key was printed exactly once, on the command's own output, and nowhere else
        String apiKey = secrets.stream().filter(x -> x.startsWith("nnc_")).findFirst().orElseThrow();
        assertThat(cliOut.toString(StandardCharsets.UTF_8).split(apiKey, -1)).hasSize(2);
    }

    private void scenario(List<String> secrets, ByteArrayOutputStream cliOut) throws Exception {
        Clock clock = Clock.systemUTC();
        String adminPw = remember(secrets, "Adm1n-Configured-Pw");
        String newAdminPw = remember(secrets, "Adm1n-Changed-Pw-2");
        String operTemp = remember(secrets, "Oper-Temporary-Pw3");
        String wrongPw = remember(secrets, "Brute-Force-Guess-4");
        String apiKey;
        String routerPw = remember(secrets, "Router-Api-Secret-5");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        try (AuthServer s = new AuthServer(dataDir, clock, Optional.empty())) {
            s.security.users().ensureFirstAdmin(Optional.of(Secret.of(adminPw)));
            s.security.authenticator().changePassword("admin", Secret.of(adminPw), Secret.of(newAdminPw), "127.0.0.1");
            Login login = s.security.authenticator().login("admin", Secret.of(newAdminPw), "127.0.0.1");
            Principal admin = login.principal();
            SessionTicket ticket = s.security.sessions().open(login, "127.0.0.1");
            remember(secrets, ticket.token().reveal());
            s.security.users().create(admin, "oper", Role.OPERATOR, Secret.of(operTemp));

            int code = new ApiKeyCommand(Map.of(), clock).execute(
                    new String[]{"create", "--name", "ci", "--role", "operator", "--data-dir", dataDir.toString()},
                    new PrintStream(cliOut, true), new PrintStream(new ByteArrayOutputStream(), true));
            assertThat(code).isZero();
            apiKey = remember(secrets, cliOut.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());

            String base = "http://127.0.0.1:" + s.port();
            assertThat(send(http, base + "/graphql", "Authorization", "Bearer " + apiKey).body()).isEqualTo("graphql for ci/operator/key");
            assertThat(send(http, base + "/metrics", "Cookie", s.cookies.name() + "=" + ticket.token().reveal()).body())
                    .isEqualTo("metrics for admin/admin");
            assertThat(send(http, base + "/graphql", "Authorization", "Bearer " + apiKey + "X").statusCode()).isEqualTo(401);
            for (int i = 0; i < 8; i++) {
                assertThatThrownBy(() -> s.security.authenticator().login("admin", Secret.of(wrongPw), "127.0.0.1"))
                        .isInstanceOf(AuthenticationFailedException.class);
            }
            String typedAsName = remember(secrets, "Pw-Typed-As-Username-6");
            assertThatThrownBy(() -> s.security.authenticator().login(typedAsName, Secret.of(wrongPw), "127.0.0.2"))
                    .isInstanceOf(AuthenticationFailedException.class);

            AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dataDir, Map.of());
            RouterId id = RouterId.random();
            SqliteRouterRepository routers = new SqliteRouterRepository(s.databases, cipher, clock);
            routers.save(new Router(id, "core", new RouterEndpoint("127.0.0.1", 8728, false, "api", Secret.of(routerPw)), false, clock.instant()));
            s.security.audit().secretRevealed(admin, "router core password");
            assertThat(routers.find(id).orElseThrow().endpoint().password().reveal()).isEqualTo(routerPw);
        }
        ByteArrayOutputStream rotateOut = new ByteArrayOutputStream();
        assertThat(new RotateKeyCommand(Map.of(), clock).execute(new String[]{"--data-dir", dataDir.toString()},
                new PrintStream(rotateOut, true), new PrintStream(rotateOut, true))).as(rotateOut.toString()).isZero();
    }

    private static HttpResponse<String> send(HttpClient http, String url, String... headers) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).headers(headers).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String remember(List<String> secrets, String s) {
        secrets.add(s);
        return s;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }
}

package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.AuditAction;
import com.nasnetconnect.domain.security.AuditEvent;
import com.nasnetconnect.domain.security.CreatedApiKey;
import com.nasnetconnect.domain.security.Login;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SessionTicket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class AuthFilterTest {
    static final Principal ADMIN = new Principal("admin", Role.ADMIN, false);
    @TempDir Path dir;
    AuthServer s;
    HttpClient http;
    CreatedApiKey viewerKey;

    @BeforeEach
    void start() {
        s = new AuthServer(dir, Clock.systemUTC(), Optional.empty());
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        viewerKey = s.security.apiKeys().create(ADMIN, "grafana", Role.VIEWER);
    }

    @AfterEach
    void stop() {
        s.close();
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aValidApiKeyReachesGraphqlAndMetricsAsItsPrincipal() throws Exception {
        String bearer = "Bearer " + viewerKey.token().reveal();
        assertThat(get("/graphql", "Authorization", bearer).body()).isEqualTo("graphql for grafana/viewer/key");
        assertThat(get("/metrics", "Authorization", bearer).body()).isEqualTo("metrics for grafana/viewer/key");
        assertThat(get("/health/ready", "Authorization", bearer).body()).isEqualTo("ready for grafana/viewer/key");
        assertThat(get("/graphql", "Authorization", "bearer   " + viewerKey.token().reveal()).statusCode()).isEqualTo(200);
    }

    @Test
    void everyKindOfBadCredentialGetsTheSameRefusal() throws Exception {
        CreatedApiKey revoked = s.security.apiKeys().create(ADMIN, "old", Role.ADMIN);
        s.security.apiKeys().revoke(ADMIN, "old");
        String real = viewerKey.token().reveal();
        List<String[]> attempts = List.of(
                new String[]{},
                new String[]{"Authorization", "Bearer"},
                new String[]{"Authorization", "Bearer "},
                new String[]{"Authorization", "Basic YWRtaW46YWRtaW4="},
                new String[]{"Authorization", "Bearer not-a-key"},
                new String[]{"Authorization", "Bearer nnc_" + "A".repeat(43)},
                new String[]{"Authorization", "Bearer " + revoked.token().reveal()},
                new String[]{"Authorization", "Bearer " + real + "x"},
                new String[]{"Authorization", "Bearer " + "x".repeat(5000)},
                new String[]{"Cookie", SessionCookies.HTTP_NAME + "=nncs_" + "B".repeat(43)},
                new String[]{"Cookie", SessionCookies.HTTP_NAME + "=" + real});
        List<String> seen = new ArrayList<>();
        for (String path : List.of("/graphql", "/metrics", "/health/ready")) {
            for (String[] h : attempts) {
                HttpResponse<String> r = get(path, h);
                assertThat(r.statusCode()).as("%s with %s", path, String.join(": ", h)).isEqualTo(401);
                assertThat(r.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"nasnetconnect\"");
                assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
                seen.add(r.body() + "|" + r.headers().firstValue("Content-Type").orElse(""));
            }
        }
        assertThat(seen).allMatch(x -> x.equals(AuthFilter.REFUSAL + "|application/json"));
    }

    @Test
    void anExpiredKeyGetsTheSameRefusalAsAnUnknownOne() throws Exception {
        SkewedClock clock = new SkewedClock();
        try (AuthServer expiring = new AuthServer(dir.resolve("expiring"), clock, Optional.empty())) {
            CreatedApiKey key = expiring.security.apiKeys().create(ADMIN, "temp", Role.VIEWER,
                    clock.instant().plus(Duration.ofHours(1)));
            URI graphql = URI.create("http://127.0.0.1:" + expiring.port() + "/graphql");
            HttpResponse<String> before = http.send(HttpRequest.newBuilder(graphql)
                    .header("Authorization", "Bearer " + key.token().reveal()).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(before.body()).isEqualTo("graphql for temp/viewer/key");

            clock.skew = Duration.ofHours(1);
            for (String token : List.of(key.token().reveal(), "nnc_" + "A".repeat(43))) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(graphql).header("Authorization", "Bearer " + token)
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(401);
                assertThat(r.body()).isEqualTo(AuthFilter.REFUSAL);
            }
        }
    }

    /** The system clock moved on by hand: {@code skew} is added to every reading. */
    static final class SkewedClock extends Clock {
        volatile Duration skew = Duration.ZERO;

        @Override
        public java.time.ZoneId getZone() {
            return java.time.ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public java.time.Instant instant() {
            return Clock.systemUTC().instant().plus(skew);
        }
    }

    @Test
    void aRefusedRequestOfAnAuthenticatedCallerIsAuditedOnce() throws Exception {
        HttpResponse<String> r = get("/metrics/admin", "Authorization", "Bearer " + viewerKey.token().reveal());
        assertThat(r.statusCode()).isEqualTo(403);
        List<AuditEvent> trail = s.security.audit().list(ADMIN, 10, Long.MAX_VALUE);
        assertThat(trail).filteredOn(e -> e.action() == AuditAction.ACCESS_DENIED).singleElement().satisfies(e -> {
            assertThat(e.actor()).isEqualTo("apikey:grafana");
            assertThat(e.subject()).isEqualTo("GET /metrics/admin");
            assertThat(e.source()).isEqualTo("127.0.0.1");
        });
        // allowed and unauthenticated requests are not refusals of this kind
        get("/metrics", "Authorization", "Bearer " + viewerKey.token().reveal());
        get("/metrics/admin");
        assertThat(s.security.audit().list(ADMIN, 10, Long.MAX_VALUE)).filteredOn(e -> e.action() == AuditAction.ACCESS_DENIED)
                .hasSize(1);
    }

    @Test
    void livenessStaysOpenAndRevealsNothing() throws Exception {
        for (String path : List.of("/health", "/health/live")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void pathTricksDoNotSlipPastTheFilter() throws Exception {
        for (String path : List.of("/x/../graphql", "/graphql/", "/metrics?x=1", "/graphql;a=b", "/%67raphql", "/./metrics")) {
            int status = rawGetStatus(path);
            assertThat(status).as(path).isIn(400, 401, 404);
        }
    }

    @Test
    void aSameOriginSessionCookieIsAcceptedButNotFromAnotherSite() throws Exception {
        s.security.users().ensureFirstAdmin(Optional.of(Secret.of("admin-password-1")));
        Login login = s.security.authenticator().login("admin", Secret.of("admin-password-1"), "127.0.0.1");
        SessionTicket t = s.security.sessions().open(login, "127.0.0.1");
        String cookie = SessionCookies.HTTP_NAME + "=" + t.token().reveal();
        assertThat(get("/graphql", "Cookie", cookie).body()).isEqualTo("graphql for admin/admin");
        assertThat(get("/graphql", "Cookie", cookie, "Origin", "http://127.0.0.1:" + s.port()).body())
                .isEqualTo("graphql for admin/admin");
        assertThat(get("/graphql", "Cookie", cookie, "Origin", "https://evil.example").statusCode()).isEqualTo(401);
        s.security.sessions().close(t.token().reveal());
        assertThat(get("/graphql", "Cookie", cookie).statusCode()).isEqualTo(401);
    }

    @Test
    void theUiPassesThroughForItsOwnLoginView() throws Exception {
        assertThat(get("/").body()).isEqualTo("ui for nobody");
        assertThat(get("/dashboard", "Authorization", "Bearer " + viewerKey.token().reveal()).body())
                .isEqualTo("ui for grafana/viewer/key");
    }

    @Test
    void aGraphqlWebSocketUpgradePassesWithoutCredentialsButNotWithBadOnes() throws Exception {
        URI ws = URI.create("ws://127.0.0.1:" + s.port() + "/graphql");
        assertThat(echo(http.newWebSocketBuilder().header("Authorization", "Bearer " + viewerKey.token().reveal()), ws))
                .isEqualTo("ws for grafana/viewer/key");
        // a graphql-ws client authenticates in connection_init, after the upgrade
        assertThat(echo(http.newWebSocketBuilder(), ws)).isEqualTo("ws for nobody");
        assertThat(rawUpgradeStatusLine(null)).contains(" 101 ");

        for (String auth : new String[]{"Bearer nnc_" + "C".repeat(43), "Bearer garbage", "Basic YWRtaW46YWRtaW4="}) {
            WebSocket.Builder b = http.newWebSocketBuilder().header("Authorization", auth);
            assertThatThrownBy(() -> b.buildAsync(ws, collector(new CompletableFuture<>())).join())
                    .as("upgrade with %s", auth).isInstanceOf(CompletionException.class);
            assertThat(rawUpgradeStatusLine(auth)).as(auth).contains(" 401 ");
        }
    }

    @Test
    void aPlainRequestDressedAsAnUpgradeIsStillRefused() throws Exception {
        try (Socket sock = new Socket("127.0.0.1", s.port())) {
            sock.setSoTimeout(10_000);
            sock.getOutputStream().write(("GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String line = new BufferedReader(new InputStreamReader(sock.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            assertThat(line).as("Helidon refuses a malformed upgrade (400), or the filter does (401)").matches("HTTP/1.1 40[01] .*");
        }
    }

    @Test
    void aGraphqlWebSocketUpgradeWithASessionCookieFromAnotherSiteIsRefused() throws Exception {
        s.security.users().ensureFirstAdmin(Optional.of(Secret.of("admin-password-1")));
        Login login = s.security.authenticator().login("admin", Secret.of("admin-password-1"), "127.0.0.1");
        String cookie = SessionCookies.HTTP_NAME + "=" + s.security.sessions().open(login, "127.0.0.1").token().reveal();
        URI ws = URI.create("ws://127.0.0.1:" + s.port() + "/graphql");
        assertThat(echo(http.newWebSocketBuilder().header("Cookie", cookie).header("Origin", "http://127.0.0.1:" + s.port()), ws))
                .isEqualTo("ws for admin/admin");
        WebSocket.Builder crossSite = http.newWebSocketBuilder().header("Cookie", cookie).header("Origin", "https://evil.example");
        assertThatThrownBy(() -> crossSite.buildAsync(ws, collector(new CompletableFuture<>())).join())
                .isInstanceOf(CompletionException.class);
    }

    private static String echo(WebSocket.Builder b, URI ws) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket socket = b.buildAsync(ws, collector(reply)).get(10, TimeUnit.SECONDS);
        socket.sendText("hello", true);
        try {
            return reply.get(10, TimeUnit.SECONDS);
        } finally {
            socket.abort();
        }
    }

    private static WebSocket.Listener collector(CompletableFuture<String> reply) {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                reply.complete(data.toString());
                return null;
            }
        };
    }

    /** Sends the path byte-for-byte (HttpClient would normalize some of these). */
    private int rawGetStatus(String path) throws Exception {
        try (Socket sock = new Socket("127.0.0.1", s.port())) {
            sock.setSoTimeout(10_000);
            OutputStream out = sock.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(sock.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private String rawUpgradeStatusLine(String auth) throws Exception {
        try (Socket sock = new Socket("127.0.0.1", s.port())) {
            sock.setSoTimeout(10_000);
            String req = "GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:" + s.port() + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + (auth == null ? "" : "Authorization: " + auth + "\r\n") + "\r\n";
            sock.getOutputStream().write(req.getBytes(StandardCharsets.US_ASCII));
            sock.getOutputStream().flush();
            String line = new BufferedReader(new InputStreamReader(sock.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return line == null ? "(closed)" : line;
        }
    }
}

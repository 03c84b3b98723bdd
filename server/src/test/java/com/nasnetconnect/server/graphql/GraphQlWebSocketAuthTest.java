package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.LoginThrottle;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SecurityServices;
import com.nasnetconnect.domain.security.Sessions;
import com.nasnetconnect.server.auth.AuthFilter;
import com.nasnetconnect.server.auth.RequestAuthenticator;
import com.nasnetconnect.server.auth.SessionCookies;
import com.nasnetconnect.server.auth.WebSocketAuth;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.security.Argon2idPasswordHasher;
import com.nasnetconnect.storage.security.SqliteSecurity;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * GraphQL over WebSocket behind the real front-door security: the auth filter, API keys and UI sessions in a
 * real system.db. A standard graphql-ws client sends its key only in {@code connection_init}; a signed-in
 * browser sends only its session cookie with the upgrade.
 */
@Timeout(30)
class GraphQlWebSocketAuthTest {
    private static final Principal ADMIN = new Principal("admin", Role.ADMIN, false);
    private static final String QUERY = "{ routers { name } }";

    @TempDir Path dir;
    DatabaseManager databases;
    SecurityServices security;
    GraphQlEndpoint endpoint;
    WebServer server;
    String viewerKey;
    String otherKey;

    @BeforeEach
    void start() {
        Clock clock = Clock.systemUTC();
        databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        security = SqliteSecurity.services(databases.system(), new Argon2idPasswordHasher(256, 1, 1),
                LoginThrottle.Policy.DEFAULT, Sessions.Policy.DEFAULT, clock);
        var authenticator = new RequestAuthenticator(security.apiKeys(), security.sessions(), new SessionCookies(false, clock));
        var limits = new Limits(100 * 1024, 12, 5000, 50, 100, Duration.ofMillis(500), 100);
        endpoint = new GraphQlEndpoint(TestServer.directives(), new InMemoryGraphQlBackend(clock), (w, s, f, r, a) -> { },
                token -> security.apiKeys().authenticate(token), new WebSocketAuth(authenticator)::principal, clock, limits,
                LoadLimits.defaults(), WebSocketLimits.defaults(), null);
        server = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .routing(r -> {
                    r.addFilter(new AuthFilter(authenticator));
                    endpoint.routing(r);
                })
                .addRouting(endpoint.wsRouting())
                .build().start();
        viewerKey = security.apiKeys().create(ADMIN, "grafana", Role.VIEWER).token().reveal();
        otherKey = security.apiKeys().create(ADMIN, "backup-job", Role.VIEWER).token().reveal();
    }

    @AfterEach
    void stop() {
        server.stop();
        endpoint.close();
        databases.close();
    }

    String url() {
        return "ws://127.0.0.1:" + server.port() + "/graphql";
    }

    String origin() {
        return "http://127.0.0.1:" + server.port();
    }

    String sessionCookie() {
        security.users().ensureFirstAdmin(java.util.Optional.of(Secret.of("admin-password-1")));
        var login = security.authenticator().login("admin", Secret.of("admin-password-1"), "127.0.0.1");
        return SessionCookies.HTTP_NAME + "=" + security.sessions().open(login, "127.0.0.1").token().reveal();
    }

    /** The HTTP status with which an upgrade was refused. */
    private static int refusal(java.util.concurrent.CompletableFuture<TransportWsClient> opening) {
        Throwable t = catchThrowable(() -> opening.get(10, TimeUnit.SECONDS));
        assertThat(t).as("the upgrade is refused").isNotNull();
        while (t.getCause() != null) t = t.getCause();
        var m = java.util.regex.Pattern.compile("status code (\\d{3})").matcher(String.valueOf(t.getMessage()));
        assertThat(m.find()).as(String.valueOf(t)).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void runsAQuery(TransportWsClient c) throws Exception {
        c.subscribe("q", QUERY);
        JsonNode next = c.next();
        assertThat(next.get("type").asString()).as(next.toString()).isEqualTo("next");
        assertThat(next.at("/payload/data/routers/0/name").asString()).isEqualTo("Lab");
        assertThat(c.next().get("type").asString()).isEqualTo("complete");
    }

    @Test
    void aStandardClientWithTheKeyOnlyInConnectionInitIsAcceptedAndCanSubscribe() throws Exception {
        var c = TransportWsClient.connect(url());
        c.init("{\"Authorization\":\"Bearer " + viewerKey + "\"}");
        c.expectAck();
        runsAQuery(c);
        c.subscribe("s", "subscription { routerStatus { routerId reachable } }");
        JsonNode status = c.next();
        assertThat(status.get("id").asString()).isEqualTo("s");
        assertThat(status.at("/payload/data/routerStatus/routerId").asString()).isNotEmpty();
    }

    @Test
    void theKeyIsFoundUnderAnyCaseOfItsNameInTheConnectionParams() throws Exception {
        for (String params : new String[]{"{\"authorization\":\"Bearer " + viewerKey + "\"}",
                "{\"AUTHORIZATION\":\"bearer " + viewerKey + "\"}", "{\"apiKey\":\"" + viewerKey + "\"}",
                "{\"ApiKey\":\"" + viewerKey + "\"}", "{\"APIKEY\":\"" + viewerKey + "\"}"}) {
            var c = TransportWsClient.connect(url());
            c.init(params);
            assertThat(c.next().get("type").asString()).as(params).isEqualTo("connection_ack");
            c.abort();
        }
    }

    @Test
    void aBadKeyInConnectionInitIsClosedWith4403() throws Exception {
        var c = TransportWsClient.connect(url());
        c.init("{\"Authorization\":\"Bearer nnc_" + "C".repeat(43) + "\"}");
        assertThat(c.awaitClose()).isEqualTo(4403);
    }

    @Test
    void anUnauthenticatedSocketThatNeverInitsIsClosedAtTheTimeout() throws Exception {
        var c = TransportWsClient.connect(url());
        assertThat(c.awaitClose()).isEqualTo(4408);
        assertThat(c.messages).isEmpty();
    }

    @Test
    void anUnauthenticatedSocketNeverReachesAQuery() throws Exception {
        var c = TransportWsClient.connect(url());
        c.subscribe("q", QUERY);
        assertThat(c.awaitClose()).isEqualTo(4401);
        assertThat(c.messages).isEmpty();
    }

    @Test
    void theUpgradeAndThePayloadNamingDifferentPrincipalsIsRefusedWith4403() throws Exception {
        var c = TransportWsClient.connect(url(), "Authorization", "Bearer " + viewerKey);
        c.init("{\"Authorization\":\"Bearer " + otherKey + "\"}");
        assertThat(c.awaitClose()).isEqualTo(4403);
        assertThat(c.messages).isEmpty();
    }

    @Test
    void theUpgradeAndThePayloadNamingTheSamePrincipalIsAccepted() throws Exception {
        var c = TransportWsClient.connect(url(), "Authorization", "Bearer " + viewerKey);
        c.init("{\"apiKey\":\"" + viewerKey + "\"}");
        c.expectAck();
    }

    @Test
    void anInvalidKeyInTheUpgradeHeaderIsStillRefusedAtTheUpgrade() {
        assertThat(refusal(TransportWsClient.open(url(), "Authorization", "Bearer garbage"))).isEqualTo(401);
    }

    @Test
    void aSameOriginBrowserSessionSubscribesWithItsCookieAlone() throws Exception {
        var c = TransportWsClient.connect(url(), "Cookie", sessionCookie(), "Origin", origin());
        c.init("{}");
        c.expectAck();
        runsAQuery(c);
    }

    @Test
    void aBrowserSessionNeedsNoConnectionInitPayload() throws Exception {
        var c = TransportWsClient.connect(url(), "Cookie", sessionCookie(), "Origin", origin());
        c.init(null);
        c.expectAck();
    }

    @Test
    void aSessionCookieFromAnotherSiteIsRefusedAtTheUpgrade() {
        String cookie = sessionCookie();
        // Helidon refuses a cross-origin upgrade itself (403); the auth filter would refuse the cookie (401)
        assertThat(refusal(TransportWsClient.open(url(), "Cookie", cookie, "Origin", "https://evil.example"))).isIn(401, 403);
    }
}

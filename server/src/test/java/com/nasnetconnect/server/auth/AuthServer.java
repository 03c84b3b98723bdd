package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.security.LoginThrottle;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SecurityServices;
import com.nasnetconnect.domain.security.Sessions;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.security.Argon2idPasswordHasher;
import com.nasnetconnect.storage.security.SqliteSecurity;
import io.helidon.common.tls.Tls;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A real Helidon server on 127.0.0.1 (any port) with the auth filter in front of stand-in routes shaped like
 * the product's: /graphql (HTTP and WebSocket), /metrics, /health (+/live, /ready) and a UI catch-all. The
 * stand-ins answer with the principal they were given, so tests can see who got through.
 */
final class AuthServer implements AutoCloseable {
    final DatabaseManager databases;
    final SecurityServices security;
    final SessionCookies cookies;
    final WebServer server;

    AuthServer(Path dataDir, Clock clock, Optional<Tls> tls) {
        databases = new DatabaseManager(dataDir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        security = SqliteSecurity.services(databases.system(), new Argon2idPasswordHasher(256, 1, 1),
                LoginThrottle.Policy.DEFAULT, Sessions.Policy.DEFAULT, clock);
        cookies = new SessionCookies(tls.isPresent(), clock);
        RequestAuthenticator auth = new RequestAuthenticator(security.apiKeys(), security.sessions(), cookies);
        WebSocketAuth wsAuth = new WebSocketAuth(auth);
        WebServerConfig.Builder b = WebServer.builder()
                .host("127.0.0.1").port(0).shutdownHook(false)
                .routing(r -> {
                    if (tls.isPresent()) r.addFilter(TlsSetup.hstsFilter());
                    r.addFilter(new AuthFilter(auth, AuthFilter::protectedByDefault, security.audit()))
                            .get("/health", (req, res) -> res.send("{\"status\":\"UP\"}"))
                            .get("/health/live", (req, res) -> res.send("{\"status\":\"UP\"}"))
                            .get("/health/ready", (req, res) -> res.send("ready for " + who(AuthFilter.principal(req))))
                            .get("/metrics", (req, res) -> res.send("metrics for " + who(AuthFilter.principal(req))))
                            .get("/metrics/admin", (req, res) -> {
                                // a route for admins only: others are refused with 403
                                if (AuthFilter.principal(req).orElseThrow().role() != Role.ADMIN) {
                                    res.status(io.helidon.http.Status.FORBIDDEN_403).send("admins only");
                                } else {
                                    res.send("admin metrics");
                                }
                            })
                            .any("/graphql", (req, res) -> res.send("graphql for " + who(AuthFilter.principal(req))))
                            .any((req, res) -> res.send("ui for " + who(AuthFilter.principal(req))));
                })
                .addRouting(WsRouting.builder().endpoint("/graphql", () -> new EchoPrincipal(wsAuth)));
        tls.ifPresent(b::tls);
        server = b.build().start();
    }

    int port() {
        return server.port();
    }

    static String who(Optional<Principal> p) {
        return p.map(x -> x.name() + "/" + x.role().name().toLowerCase() + (x.apiKey() ? "/key" : "")).orElse("nobody");
    }

    @Override
    public void close() {
        server.stop();
        databases.close();
    }

    /** A GraphQL-WebSocket stand-in: notes who is behind the upgrade, then says who it serves on every message. */
    static final class EchoPrincipal implements WsListener {
        private final WebSocketAuth auth;
        private Principal principal;

        EchoPrincipal(WebSocketAuth auth) {
            this.auth = auth;
        }

        @Override
        public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
            principal = auth.principal(headers).orElse(null);
            return Optional.empty();
        }

        @Override
        public void onMessage(WsSession session, String text, boolean last) {
            session.send("ws for " + who(Optional.ofNullable(principal)), true);
        }
    }
}

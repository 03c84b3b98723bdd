package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import io.helidon.webserver.WebServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** A real Helidon server on an ephemeral loopback port with the GraphQL endpoint over an in-memory backend. */
final class TestServer implements AutoCloseable {
    static final Map<String, Principal> KEYS = Map.of(
            "viewer-key", new Principal("viewer", Role.VIEWER, true),
            "operator-key", new Principal("operator", Role.OPERATOR, true),
            "admin-key", new Principal("admin", Role.ADMIN, true));
    static final Function<String, Optional<Principal>> AUTH = key -> Optional.ofNullable(KEYS.get(key));

    final InMemoryGraphQlBackend backend = new InMemoryGraphQlBackend(Clock.systemUTC());
    final List<String> audit = new CopyOnWriteArrayList<>();
    final GraphQlEngine engine;
    final GraphQlEndpoint endpoint;
    final WebServer server;

    static SchemaDirectives directives() {
        return SchemaDirectives.read(Path.of(System.getProperty("nnc.repo.root", ".."), "schema.graphql"));
    }

    TestServer() {
        this(Limits.defaults());
    }

    TestServer(Limits limits) {
        this(limits, LoadLimits.defaults(), Clock.systemUTC(), WebSocketLimits.defaults());
    }

    TestServer(Limits limits, LoadLimits load, Clock clock) {
        this(limits, load, clock, WebSocketLimits.defaults());
    }

    TestServer(Limits limits, WebSocketLimits wsLimits) {
        this(limits, LoadLimits.defaults(), Clock.systemUTC(), wsLimits);
    }

    /** An upgrade's {@code Authorization: Bearer <key>} header names its principal, as the auth filter would. */
    TestServer(Limits limits, LoadLimits load, Clock clock, WebSocketLimits wsLimits) {
        com.nasnetconnect.domain.schema.SecretRevealAudit reveals =
                (who, subject, field, reason, at) -> audit.add(who.name() + " " + subject + " " + field + " " + reason);
        backend.redactor = new com.nasnetconnect.domain.schema.Redactor(directives().sensitiveFields(), reveals, clock);
        endpoint = new GraphQlEndpoint(directives(), backend, reveals,
                AUTH, headers -> headers.first(io.helidon.http.HeaderNames.AUTHORIZATION)
                        .filter(v -> v.startsWith("Bearer ")).flatMap(v -> AUTH.apply(v.substring(7))),
                clock, limits, load, wsLimits, null);
        engine = endpoint.engine();
        server = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .routing(endpoint::routing)
                .addRouting(endpoint.wsRouting())
                .build()
                .start();
    }

    String url() {
        return "http://127.0.0.1:" + server.port() + "/graphql";
    }

    String wsUrl() {
        return "ws://127.0.0.1:" + server.port() + "/graphql";
    }

    @Override
    public void close() {
        server.stop();
        endpoint.close();
    }
}

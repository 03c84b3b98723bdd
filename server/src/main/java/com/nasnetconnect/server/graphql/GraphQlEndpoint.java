package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.SecretRevealAudit;
import com.nasnetconnect.domain.security.AuditTrail;
import com.nasnetconnect.domain.security.Principal;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsRouting;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything the GraphQL endpoint needs, built in one place for the composition root: the engine, the
 * redactor, the HTTP service and the WebSocket listener factory, all on {@link #PATH}.
 * <pre>{@code
 * var graphql = new GraphQlEndpoint(SchemaDirectives.fromClasspath(), backend, audit, apiKeys::principal, clock, Limits.defaults());
 * WebServer.builder()
 *     .routing(r -> graphql.routing(r))
 *     .addRouting(graphql.wsRouting())
 * }</pre>
 */
public final class GraphQlEndpoint implements AutoCloseable {
    public static final String PATH = "/graphql";

    private final Redactor redactor;
    private final GraphQlEngine engine;
    private final GraphQlHttpService http;
    private final GraphQlWebSocket webSocket;

    public GraphQlEndpoint(SchemaDirectives directives, GraphQlBackend backend, SecretRevealAudit audit,
                           Function<String, Optional<Principal>> authenticator, Clock clock, Limits limits) {
        this(directives, backend, audit, authenticator, clock, limits, null);
    }

    /** @param refusals where operations refused to an authenticated caller (FORBIDDEN) are audited */
    public GraphQlEndpoint(SchemaDirectives directives, GraphQlBackend backend, SecretRevealAudit audit,
                           Function<String, Optional<Principal>> authenticator, Clock clock, Limits limits,
                           AuditTrail refusals) {
        this.redactor = new Redactor(directives.sensitiveFields(), audit, clock);
        this.engine = new GraphQlEngine(directives, backend, redactor, limits, refusals);
        this.http = new GraphQlHttpService(engine, authenticator, clock);
        this.webSocket = new GraphQlWebSocket(engine, authenticator, clock);
    }

    /** Registers GraphQL over HTTP (and the query console) at {@link #PATH}. */
    public void routing(HttpRouting.Builder routing) {
        routing.register(PATH, http);
    }

    /** graphql-transport-ws at {@link #PATH}; add with {@code WebServer.builder().addRouting(...)}. */
    public WsRouting.Builder wsRouting() {
        return WsRouting.builder().endpoint(PATH, webSocket::newListener);
    }

    /** One graphql-transport-ws listener per connection, for a WebSocket routing built elsewhere. */
    public java.util.function.Supplier<io.helidon.websocket.WsListener> wsListeners() {
        return webSocket::newListener;
    }

    /** For other features that mask what they log, export or publish. */
    public Redactor redactor() {
        return redactor;
    }

    public GraphQlEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        webSocket.close();
    }
}

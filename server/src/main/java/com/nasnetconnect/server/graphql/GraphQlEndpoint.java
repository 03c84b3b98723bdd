package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.SecretRevealAudit;
import com.nasnetconnect.domain.security.AuditTrail;
import com.nasnetconnect.domain.security.Principal;
import io.helidon.http.Headers;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.websocket.WsRouting;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
        this(directives, backend, audit, authenticator, headers -> Optional.empty(), clock, limits,
                LoadLimits.defaults(), WebSocketLimits.defaults(), null);
    }

    /** @param refusals where operations refused to an authenticated caller (FORBIDDEN) are audited */
    public GraphQlEndpoint(SchemaDirectives directives, GraphQlBackend backend, SecretRevealAudit audit,
                           Function<String, Optional<Principal>> authenticator, Clock clock, Limits limits,
                           AuditTrail refusals) {
        this(directives, backend, audit, authenticator, headers -> Optional.empty(), clock, limits,
                LoadLimits.defaults(), WebSocketLimits.defaults(), refusals);
    }

    /**
     * @param authenticator        API key -> principal (HTTP requests, and a WebSocket's {@code connection_init})
     * @param upgradeAuthenticator who is behind a WebSocket upgrade's headers (an API key, or a same-origin session
     *                             cookie), empty for nobody: such a socket may authenticate in {@code connection_init}
     * @param load                 cost budget per key and bounds on concurrent executions
     * @param refusals             where operations refused to an authenticated caller (FORBIDDEN) are audited;
     *                             null: not audited
     */
    public GraphQlEndpoint(SchemaDirectives directives, GraphQlBackend backend, SecretRevealAudit audit,
                           Function<String, Optional<Principal>> authenticator,
                           Function<Headers, Optional<Principal>> upgradeAuthenticator, Clock clock, Limits limits,
                           LoadLimits load, WebSocketLimits webSocketLimits, AuditTrail refusals) {
        this(GraphQlEngine.prepare(directives, CompletableFuture.completedFuture(backend), limits), audit, authenticator,
                upgradeAuthenticator, clock, limits, load, webSocketLimits, refusals);
    }

    /** The same, with the schema prepared beforehand ({@link GraphQlEngine#prepare}, alongside the rest of start-up). */
    public GraphQlEndpoint(GraphQlEngine.Prepared prepared, SecretRevealAudit audit,
                           Function<String, Optional<Principal>> authenticator,
                           Function<Headers, Optional<Principal>> upgradeAuthenticator, Clock clock, Limits limits,
                           LoadLimits load, WebSocketLimits webSocketLimits, AuditTrail refusals) {
        this.redactor = new Redactor(prepared.directives().sensitiveFields(), audit, clock);
        this.engine = new GraphQlEngine(prepared, redactor, limits, refusals);
        this.http = new GraphQlHttpService(engine, authenticator, clock, load);
        this.webSocket = new GraphQlWebSocket(engine, authenticator, upgradeAuthenticator, clock, webSocketLimits,
                http.costBudget());
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
        http.close();
        webSocket.close();
    }
}

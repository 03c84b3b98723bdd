package com.nasnetconnect.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import io.helidon.common.tls.Tls;

/**
 * The single public port (Helidon SE). It answers {@code /graphql} (HTTP and WebSocket), {@code /health},
 * {@code /metrics} and the PWA files itself, and forwards everything else to the internal Vaadin server,
 * relaying {@code /VAADIN/push} WebSockets.
 *
 * @param security          adds the authentication (and HSTS) filters, before any route
 * @param graphQl           registers GraphQL over HTTP at /graphql (null: not mounted)
 * @param graphQlWebSocket  one listener per GraphQL WebSocket connection (null while not wired)
 * @param tls               HTTPS for the public port, when configured
 */
public record FrontDoor(HealthService health, MetricsService metrics, RequestCounter requests,
                        Consumer<HttpRouting.Builder> security, Consumer<HttpRouting.Builder> graphQl,
                        Supplier<WsListener> graphQlWebSocket, URI vaadin, String secretHeader, String secret,
                        Optional<Tls> tls) {

    public FrontDoor {
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(vaadin, "vaadin");
        Objects.requireNonNull(tls, "tls");
    }

    /** Starts the server on {@code host:port} (port 0: any free port). */
    public WebServer start(String host, int port) {
        WsRouting.Builder ws = WsRouting.builder()
                .endpoint("/VAADIN/push", () -> new PushRelay(vaadin, secretHeader, secret, PushClient.INSTANCE));
        if (graphQlWebSocket != null) ws.endpoint("/graphql", graphQlWebSocket);
        var builder = WebServer.builder()
                .host(host)
                .port(port)
                .shutdownHook(false)
                .routing(this::routing)
                .addRouting(ws);
        tls.ifPresent(builder::tls);
        return builder.build().start();
    }

    /** The HTTP routes, as a table; tests reuse it. */
    void routing(HttpRouting.Builder r) {
        r.addFilter(requests);
        security.accept(r);
        r.addFilter((chain, req, res) -> {
                    res.header(HeaderNames.X_CONTENT_TYPE_OPTIONS, "nosniff");
                    res.header(HeaderNames.create("Referrer-Policy"), "same-origin");
                    chain.proceed();
                })
                .register("/health", health)
                .register("/metrics", metrics)
                .register(new StaticAssets());
        if (graphQl != null) graphQl.accept(r);
        r.any(new VaadinProxy(vaadin, secretHeader, secret));
    }

    /**
     * The client of every push relay, made when the first browser opens its push connection: its classes and
     * selector thread are not paid for at start-up, nor at all by a server only used over GraphQL.
     */
    private static final class PushClient {
        static final HttpClient INSTANCE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
}

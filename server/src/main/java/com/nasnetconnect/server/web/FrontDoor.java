package com.nasnetconnect.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
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

    /**
     * How long the public port keeps a connection on which its client sends nothing: an HTTP keep-alive connection
     * between requests, or a WebSocket. Each costs ~27 KB of heap while open (two 8 KiB socket buffers and a parked
     * virtual thread), and a browser that loads a page opens up to six, so a short timeout (as Tomcat's 20 s; Helidon's
     * default is 5 min) keeps only the connections pages are using. A request that outlasts it (a long poll) is
     * still answered; WebSockets stay open through pings: the push relay pings every page ({@link PushRelay}), and
     * GraphQL pings its sockets ({@code WebSocketLimits}), at most every half timeout.
     */
    public static final Duration IDLE_CONNECTION_TIMEOUT = Duration.ofSeconds(20);

    /** Starts the server on {@code host:port} (port 0: any free port). */
    public WebServer start(String host, int port) {
        return start(host, port, IDLE_CONNECTION_TIMEOUT);
    }

    /** As {@link #start(String, int)}, closing connections idle for {@code idle} (tests use a short one). */
    WebServer start(String host, int port, Duration idle) {
        // one virtual thread schedules every relay's pings and send timeouts; it ends with the process. A send's
        // timeout is cancelled when the send is done, and a cancelled task leaves the queue at once.
        ScheduledThreadPoolExecutor relayTimer = new ScheduledThreadPoolExecutor(1, Thread.ofVirtual().name("push-relay-timer").factory());
        relayTimer.setRemoveOnCancelPolicy(true);
        Duration pingEvery = idle.dividedBy(2);
        var relayClient = PushRelay.backendClient(vaadin);
        WsRouting.Builder ws = WsRouting.builder()
                .endpoint("/VAADIN/push", () -> new PushRelay(vaadin, relayClient, secretHeader, secret, relayTimer, pingEvery));
        if (graphQlWebSocket != null) ws.endpoint("/graphql", graphQlWebSocket);
        var builder = WebServer.builder()
                .host(host)
                .port(port)
                .shutdownHook(false)
                .idleConnectionTimeout(idle)
                .idleConnectionPeriod(idle.dividedBy(4))
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
}

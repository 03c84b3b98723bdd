package com.nasnetconnect.server.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nasnetconnect.domain.security.Principal;
import graphql.ExecutionResult;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * GraphQL subscriptions (and queries/mutations) over WebSocket with the {@code graphql-transport-ws}
 * protocol. One listener per connection ({@link #newListener()}): the client must send
 * {@code connection_init} with {@code {"Authorization": "Bearer <api key>"}} (or {@code {"apiKey": …}}) in its
 * payload within {@link Limits#initTimeout()}; then {@code subscribe} / {@code next} / {@code error} /
 * {@code complete} and {@code ping} / {@code pong}. Close codes: 4400 bad message, 4401 subscribe before
 * ack or no credentials, 4403 credentials refused, 4408 init timeout, 4409 duplicate subscription id,
 * 4429 second {@code connection_init}. Operations beyond the key's rate limit get an {@code error} message.
 */
public final class GraphQlWebSocket implements AutoCloseable {
    static final String SUBPROTOCOL = "graphql-transport-ws";
    private static final HeaderName SEC_WEBSOCKET_PROTOCOL = HeaderNames.create("Sec-WebSocket-Protocol");
    private static final Logger LOG = Logger.getLogger(GraphQlWebSocket.class.getName());
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GraphQlEngine engine;
    private final Function<String, Optional<Principal>> authenticator;
    private final RateLimiter rateLimiter;
    private final ScheduledExecutorService timers;

    public GraphQlWebSocket(GraphQlEngine engine, Function<String, Optional<Principal>> authenticator, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        Limits l = engine.limits();
        this.rateLimiter = new RateLimiter(l.requestsPerSecond(), l.burst(), clock);
        this.timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "graphql-ws-timers");
            t.setDaemon(true);
            return t;
        });
    }

    /** A listener for one new connection; register with {@code WsRouting.builder().endpoint("/graphql", ws::newListener)}. */
    public WsListener newListener() {
        return new Connection();
    }

    @Override
    public void close() {
        timers.shutdownNow();
    }

    private final class Connection implements WsListener {
        private volatile WsSession session;
        private volatile boolean initReceived;
        private volatile Principal principal;
        private volatile ScheduledFuture<?> initTimeout;
        private final Map<String, Subscription> operations = new ConcurrentHashMap<>();
        private final Object sendLock = new Object();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
            List<String> offered = headers.contains(SEC_WEBSOCKET_PROTOCOL)
                    ? List.of(headers.get(SEC_WEBSOCKET_PROTOCOL).values().split(",")) : List.of();
            if (offered.stream().map(String::trim).noneMatch(SUBPROTOCOL::equals)) {
                throw new WsUpgradeException("subprotocol " + SUBPROTOCOL + " required, offered: " + offered);
            }
            WritableHeaders<?> answer = WritableHeaders.create();
            answer.set(SEC_WEBSOCKET_PROTOCOL, SUBPROTOCOL);
            return Optional.of(answer);
        }

        @Override
        public void onOpen(WsSession session) {
            this.session = session;
            long ms = engine.limits().initTimeout().toMillis();
            initTimeout = timers.schedule(() -> {
                if (principal == null) close(4408, "Connection initialisation timeout");
            }, ms, TimeUnit.MILLISECONDS);
        }

        @Override
        public void onMessage(WsSession session, String text, boolean last) {
            partial.append(text);
            if (!last) return;
            String message = partial.toString();
            partial.setLength(0);
            try {
                handle(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "graphql-transport-ws message failed", e);
                close(4500, "Internal error");
            }
        }

        @Override
        public void onClose(WsSession session, int status, String reason) {
            cleanup();
        }

        @Override
        public void onError(WsSession session, Throwable t) {
            cleanup();
        }

        private void cleanup() {
            var t = initTimeout;
            if (t != null) t.cancel(false);
            operations.values().forEach(Subscription::cancel);
            operations.clear();
        }

        private void handle(String text) {
            JsonNode msg;
            try {
                msg = MAPPER.readTree(text);
            } catch (JsonProcessingException e) {
                close(4400, "Invalid message: not JSON");
                return;
            }
            String type = msg != null && msg.path("type").isTextual() ? msg.get("type").asText() : null;
            if (type == null) {
                close(4400, "Invalid message: missing 'type'");
                return;
            }
            switch (type) {
                case "connection_init" -> init(msg.get("payload"));
                case "ping" -> send(msg.has("payload") ? Map.of("type", "pong", "payload", msg.get("payload")) : Map.of("type", "pong"));
                case "pong" -> { }
                case "subscribe" -> subscribe(msg);
                case "complete" -> {
                    var sub = operations.remove(msg.path("id").asText());
                    if (sub != null) sub.cancel();
                }
                default -> close(4400, "Invalid message type '" + truncate(type) + "'");
            }
        }

        private void init(JsonNode payload) {
            if (initReceived) {
                close(4429, "Too many initialisation requests");
                return;
            }
            initReceived = true;
            Optional<String> key = apiKey(payload);
            if (key.isEmpty()) {
                close(4401, "Unauthorized: connection_init payload needs Authorization: Bearer <api key>");
                return;
            }
            Optional<Principal> who = authenticator.apply(key.get());
            if (who.isEmpty()) {
                close(4403, "Forbidden");
                return;
            }
            principal = who.get();
            var t = initTimeout;
            if (t != null) t.cancel(false);
            send(Map.of("type", "connection_ack"));
        }

        private void subscribe(JsonNode msg) {
            Principal who = principal;
            if (who == null) {
                close(4401, "Unauthorized");
                return;
            }
            JsonNode idNode = msg.get("id");
            JsonNode payload = msg.get("payload");
            if (idNode == null || !idNode.isTextual() || idNode.asText().isEmpty() || payload == null || !payload.isObject()
                    || !payload.path("query").isTextual()) {
                close(4400, "Invalid subscribe message: needs id and payload.query");
                return;
            }
            String id = idNode.asText();
            var placeholder = new Cancellable();
            if (operations.putIfAbsent(id, placeholder) != null) {
                close(4409, "Subscriber for " + truncate(id) + " already exists");
                return;
            }
            if (!rateLimiter.tryAcquire(who.name())) {
                operations.remove(id);
                send(Map.of("type", "error", "id", id, "payload", List.of(Map.of("message",
                        "rate limit exceeded for '" + who.name() + "'"))));
                return;
            }
            JsonNode vars = payload.get("variables");
            JsonNode op = payload.get("operationName");
            @SuppressWarnings("unchecked")
            Map<String, Object> variables = vars == null || !vars.isObject() ? Map.of() : MAPPER.convertValue(vars, Map.class);
            var request = new GraphQlEngine.Request(payload.get("query").asText(),
                    op == null || !op.isTextual() ? null : op.asText(), variables);
            engine.executeAsync(request, who).whenComplete((result, failure) -> {
                if (failure != null) {
                    LOG.log(Level.WARNING, "graphql-transport-ws operation failed", failure);
                    finishWithError(id, "internal error");
                } else {
                    deliver(id, placeholder, result);
                }
            });
        }

        private void deliver(String id, Cancellable placeholder, ExecutionResult result) {
            if (result.getData() instanceof Publisher<?> publisher) {
                @SuppressWarnings("unchecked")
                Publisher<ExecutionResult> stream = (Publisher<ExecutionResult>) publisher;
                stream.subscribe(new Subscriber<>() {
                    @Override
                    public void onSubscribe(Subscription s) {
                        if (!operations.replace(id, placeholder, new Forwarding(s)) || placeholder.cancelled) {
                            s.cancel();
                            return;
                        }
                        s.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(ExecutionResult r) {
                        if (operations.containsKey(id)) send(next(id, r));
                    }

                    @Override
                    public void onError(Throwable t) {
                        finishWithError(id, t instanceof IllegalStateException ? t.getMessage() : "subscription failed");
                    }

                    @Override
                    public void onComplete() {
                        if (operations.remove(id) != null) send(Map.of("type", "complete", "id", id));
                    }
                });
            } else if (!result.isDataPresent() && !result.getErrors().isEmpty()) {
                if (operations.remove(id) != null) {
                    send(Map.of("type", "error", "id", id, "payload", result.toSpecification().get("errors")));
                }
            } else if (operations.remove(id) != null) {
                send(next(id, result));
                send(Map.of("type", "complete", "id", id));
            }
        }

        private void finishWithError(String id, String message) {
            if (operations.remove(id) != null) {
                send(Map.of("type", "error", "id", id, "payload", List.of(Map.of("message", message))));
            }
        }

        private Map<String, Object> next(String id, ExecutionResult r) {
            var m = new LinkedHashMap<String, Object>();
            m.put("id", id);
            m.put("type", "next");
            m.put("payload", r.toSpecification());
            return m;
        }

        private void send(Object message) {
            WsSession s = session;
            if (s == null) return;
            try {
                String text = MAPPER.writeValueAsString(message);
                synchronized (sendLock) {
                    s.send(text, true);
                }
            } catch (JsonProcessingException e) {
                LOG.log(Level.WARNING, "cannot encode graphql-transport-ws message", e);
            } catch (RuntimeException e) {
                cleanup(); // the socket is gone
            }
        }

        private void close(int code, String reason) {
            WsSession s = session;
            cleanup();
            if (s != null) {
                synchronized (sendLock) {
                    try {
                        s.close(code, reason);
                    } catch (RuntimeException ignored) {
                        // already closed
                    }
                }
            }
        }
    }

    /** Reserved id of an operation still being started; cancelling it stops the start. */
    private static final class Cancellable implements Subscription {
        volatile boolean cancelled;

        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
            cancelled = true;
        }
    }

    private record Forwarding(Subscription upstream) implements Subscription {
        @Override
        public void request(long n) {
            upstream.request(n);
        }

        @Override
        public void cancel() {
            upstream.cancel();
        }
    }

    static Optional<String> apiKey(JsonNode payload) {
        if (payload == null || !payload.isObject()) return Optional.empty();
        for (String name : List.of("Authorization", "authorization")) {
            JsonNode h = payload.get(name);
            if (h != null && h.isTextual() && h.asText().regionMatches(true, 0, "Bearer ", 0, 7)) {
                String t = h.asText().substring(7).trim();
                if (!t.isEmpty()) return Optional.of(t);
            }
        }
        JsonNode k = payload.get("apiKey");
        return k != null && k.isTextual() && !k.asText().isBlank() ? Optional.of(k.asText().trim()) : Optional.empty();
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

package com.nasnetconnect.server.graphql;

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
import io.helidon.common.buffers.BufferData;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL subscriptions (and queries/mutations) over WebSocket with the {@code graphql-transport-ws}
 * protocol. One listener per connection ({@link #newListener()}).
 *
 * <p>Authentication: the upgrade needs no credentials. The client must send {@code connection_init} within
 * {@link Limits#initTimeout()}, its payload (graphql-ws {@code connectionParams}) carrying
 * {@code "Authorization": "Bearer <api key>"} or {@code "apiKey": "<api key>"} (names in any case); a signed-in
 * browser may instead rely on the session cookie its upgrade carried (same origin only: the auth filter refuses a
 * cross-site one), with an empty payload. When both the upgrade and the payload carry credentials they must name
 * the same principal. Nothing but {@code connection_init} and {@code ping} is served before the ack.
 *
 * <p>Then {@code subscribe} / {@code next} / {@code error} / {@code complete} and {@code ping} / {@code pong}.
 * Each subscription's updates are sent off the publishing thread, one at a time: the next is taken only once the
 * previous was written, so router status waiting behind a slow client is coalesced to the latest (see
 * {@link ListenerPublisher}).
 *
 * <p>Limits: a message (all its continuation frames) larger than {@link Limits#maxRequestBytes()}, the HTTP
 * body limit, closes the socket with 1009 as soon as it is exceeded, without buffering the rest; the others
 * are in {@link WebSocketLimits}. Close codes: 1000 idle timeout, 1001 ping timeout (no pong), 1009 message
 * too big, 1013 too many connections, 4400 bad message, 4401 subscribe before ack or no credentials, 4403
 * credentials refused or naming two principals, 4408 init timeout, 4409 duplicate subscription id, 4429 second
 * {@code connection_init}. Operations beyond the key's rate limit or its number of running operations get an
 * {@code error} message.
 */
public final class GraphQlWebSocket implements AutoCloseable {
    static final String SUBPROTOCOL = "graphql-transport-ws";
    private static final HeaderName SEC_WEBSOCKET_PROTOCOL = HeaderNames.create("Sec-WebSocket-Protocol");
    private static final Logger LOG = Logger.getLogger(GraphQlWebSocket.class.getName());
    /** Jackson 2's defaults, as before the move to Jackson 3: content after a message's JSON is ignored. */
    private static final ObjectMapper MAPPER = JsonMapper.builderWithJackson2Defaults().build();

    private final GraphQlEngine engine;
    private final Function<String, Optional<Principal>> authenticator;
    private final Function<Headers, Optional<Principal>> upgradeAuthenticator;
    private final WebSocketLimits wsLimits;
    private final RateLimiter rateLimiter;
    private final ScheduledExecutorService timers;
    private final GraphQlEngine.CostBudget costBudget;
    private final AtomicInteger connections = new AtomicInteger();
    /** Running operations per principal, over all its sockets. */
    private final Map<String, AtomicInteger> operationsByPrincipal = new ConcurrentHashMap<>();

    public GraphQlWebSocket(GraphQlEngine engine, Function<String, Optional<Principal>> authenticator,
                            Function<Headers, Optional<Principal>> upgradeAuthenticator, Clock clock, WebSocketLimits wsLimits) {
        this(engine, authenticator, upgradeAuthenticator, clock, wsLimits, (who, cost) -> 0);
    }

    /** @param costBudget what a key's operations cost is charged to (shared with GraphQL over HTTP) */
    public GraphQlWebSocket(GraphQlEngine engine, Function<String, Optional<Principal>> authenticator,
                            Function<Headers, Optional<Principal>> upgradeAuthenticator, Clock clock, WebSocketLimits wsLimits,
                            GraphQlEngine.CostBudget costBudget) {
        this.costBudget = Objects.requireNonNull(costBudget, "costBudget");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.upgradeAuthenticator = Objects.requireNonNull(upgradeAuthenticator, "upgradeAuthenticator");
        this.wsLimits = Objects.requireNonNull(wsLimits, "wsLimits");
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

    private static String principalKey(Principal p) {
        return (p.apiKey() ? "key " : "user ") + p.name();
    }

    private final class Connection implements WsListener {
        private volatile WsSession session;
        private volatile Principal upgradePrincipal;
        private volatile boolean initReceived;
        private volatile Principal principal;
        private volatile boolean closed;
        private volatile long lastClientMessage = System.nanoTime();
        private volatile long lastPong;
        private final List<ScheduledFuture<?>> timersOfThis = new CopyOnWriteArrayList<>();
        private final AtomicBoolean counted = new AtomicBoolean();
        private final Map<String, Subscription> operations = new ConcurrentHashMap<>();
        private final Object sendLock = new Object();
        private final StringBuilder partial = new StringBuilder();
        private long partialBytes;

        @Override
        public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) throws WsUpgradeException {
            List<String> offered = headers.contains(SEC_WEBSOCKET_PROTOCOL)
                    ? List.of(headers.get(SEC_WEBSOCKET_PROTOCOL).values().split(",")) : List.of();
            if (offered.stream().map(String::trim).noneMatch(SUBPROTOCOL::equals)) {
                throw new WsUpgradeException("subprotocol " + SUBPROTOCOL + " required, offered: " + offered);
            }
            upgradePrincipal = upgradeAuthenticator.apply(headers).orElse(null);
            WritableHeaders<?> answer = WritableHeaders.create();
            answer.set(SEC_WEBSOCKET_PROTOCOL, SUBPROTOCOL);
            return Optional.of(answer);
        }

        @Override
        public void onOpen(WsSession session) {
            this.session = session;
            counted.set(true);
            if (connections.incrementAndGet() > wsLimits.maxConnections()) {
                close(1013, "Too many connections: at most " + wsLimits.maxConnections());
                return;
            }
            schedule(() -> {
                if (principal == null) close(4408, "Connection initialisation timeout");
            }, engine.limits().initTimeout());
        }

        @Override
        public void onMessage(WsSession session, String text, boolean last) {
            if (closed) return;
            int max = engine.limits().maxRequestBytes();
            partialBytes += utf8Length(text);
            if (partialBytes > max) {
                partial.setLength(0);
                partial.trimToSize();
                close(1009, "Message too big: more than " + max + " bytes");
                return;
            }
            partial.append(text);
            if (!last) return;
            String message = partial.toString();
            partial.setLength(0);
            partialBytes = 0;
            lastClientMessage = System.nanoTime();
            try {
                handle(message);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "graphql-transport-ws message failed", e);
                close(4500, "Internal error");
            }
        }

        @Override
        public void onMessage(WsSession session, BufferData buffer, boolean last) {
            if (!closed) close(4400, "Invalid message: graphql-transport-ws messages are text");
        }

        @Override
        public void onPong(WsSession session, BufferData buffer) {
            lastPong = System.nanoTime();
        }

        @Override
        public void onClose(WsSession session, int status, String reason) {
            closed = true;
            cleanup();
        }

        @Override
        public void onError(WsSession session, Throwable t) {
            closed = true;
            cleanup();
        }

        private void cleanup() {
            timersOfThis.forEach(t -> t.cancel(false));
            for (String id : List.copyOf(operations.keySet())) {
                Subscription sub = finish(id);
                if (sub != null) sub.cancel();
            }
            if (counted.compareAndSet(true, false)) connections.decrementAndGet();
        }

        private void schedule(Runnable task, Duration delay) {
            try {
                // the timer thread only decides; writing to the socket may block, so that happens elsewhere
                timersOfThis.removeIf(java.util.concurrent.Future::isDone);
                timersOfThis.add(timers.schedule(() -> Thread.startVirtualThread(task), delay.toNanos(), TimeUnit.NANOSECONDS));
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shutting down
            }
        }

        private void handle(String text) {
            JsonNode msg;
            try {
                msg = MAPPER.readTree(text);
            } catch (JacksonException e) {
                close(4400, "Invalid message: not JSON");
                return;
            }
            String type = msg != null && msg.path("type").isString() ? msg.get("type").stringValue() : null;
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
                    var sub = finish(msg.path("id").asString(""));
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
            Principal fromUpgrade = upgradePrincipal;
            Principal who;
            if (hasCredentials(payload)) {
                Optional<Principal> fromPayload = apiKey(payload).flatMap(authenticator);
                if (fromPayload.isEmpty()) {
                    close(4403, "Forbidden");
                    return;
                }
                if (fromUpgrade != null && !fromUpgrade.equals(fromPayload.get())) {
                    close(4403, "Forbidden: the upgrade and connection_init carry credentials of different principals");
                    return;
                }
                who = fromPayload.get();
            } else if (fromUpgrade != null) {
                who = fromUpgrade;
            } else {
                close(4401, "Unauthorized: connection_init payload needs Authorization: Bearer <api key>");
                return;
            }
            principal = who;
            send(Map.of("type", "connection_ack"));
            schedule(this::ping, wsLimits.pingInterval());
            schedule(this::checkIdle, wsLimits.idleTimeout());
        }

        /** Sends a WebSocket ping; the client must answer with a pong within the ping timeout. */
        private void ping() {
            WsSession s = session;
            if (closed || s == null) return;
            long sent = System.nanoTime();
            try {
                s.ping(BufferData.empty());
            } catch (RuntimeException e) {
                close(1001, "Ping failed");
                return;
            }
            schedule(() -> {
                if (lastPong - sent < 0) close(1001, "Ping timeout: no pong within " + wsLimits.pingTimeout().toMillis() + " ms");
            }, wsLimits.pingTimeout());
            schedule(this::ping, wsLimits.pingInterval());
        }

        /** Closes a socket that runs nothing and has heard nothing from its client for the idle timeout. */
        private void checkIdle() {
            if (closed) return;
            long idle = System.nanoTime() - lastClientMessage;
            long limit = wsLimits.idleTimeout().toNanos();
            if (operations.isEmpty() && idle >= limit) {
                close(1000, "Idle timeout");
            } else {
                schedule(this::checkIdle, Duration.ofNanos(operations.isEmpty() ? limit - idle : limit));
            }
        }

        private void subscribe(JsonNode msg) {
            Principal who = principal;
            if (who == null) {
                close(4401, "Unauthorized");
                return;
            }
            JsonNode idNode = msg.get("id");
            JsonNode payload = msg.get("payload");
            if (idNode == null || !idNode.isString() || idNode.stringValue().isEmpty() || payload == null || !payload.isObject()
                    || !payload.path("query").isString()) {
                close(4400, "Invalid subscribe message: needs id and payload.query");
                return;
            }
            String id = idNode.stringValue();
            if (operations.containsKey(id)) {
                close(4409, "Subscriber for " + truncate(id) + " already exists");
                return;
            }
            if (!rateLimiter.tryAcquire(who.name())) {
                send(error(id, "rate limit exceeded for '" + who.name() + "'"));
                return;
            }
            AtomicInteger running = operationsByPrincipal.computeIfAbsent(principalKey(who), k -> new AtomicInteger());
            if (running.incrementAndGet() > wsLimits.maxSubscriptionsPerKey()) {
                running.decrementAndGet();
                send(error(id, "too many subscriptions for '" + who.name() + "': at most "
                        + wsLimits.maxSubscriptionsPerKey() + " at once"));
                return;
            }
            var placeholder = new Cancellable();
            operations.put(id, placeholder);
            JsonNode vars = payload.get("variables");
            JsonNode op = payload.get("operationName");
            @SuppressWarnings("unchecked")
            Map<String, Object> variables = vars == null || !vars.isObject() ? Map.of() : MAPPER.convertValue(vars, Map.class);
            var request = new GraphQlEngine.Request(payload.get("query").stringValue(),
                    op == null || !op.isString() ? null : op.stringValue(), variables);
            engine.executeAsync(request, who, costBudget).whenComplete((result, failure) -> {
                if (failure != null) {
                    LOG.log(Level.WARNING, "graphql-transport-ws operation failed", failure);
                    finishWithError(id, "internal error");
                } else {
                    deliver(id, placeholder, result);
                }
            });
        }

        /** Ends operation {@code id} here (its slot of the principal's operations is freed); null if it had ended. */
        private Subscription finish(String id) {
            Subscription sub = operations.remove(id);
            if (sub != null) {
                Principal who = principal;
                AtomicInteger running = who == null ? null : operationsByPrincipal.get(principalKey(who));
                if (running != null) running.decrementAndGet();
            }
            return sub;
        }

        private void deliver(String id, Cancellable placeholder, ExecutionResult result) {
            if (result.getData() instanceof Publisher<?> publisher) {
                @SuppressWarnings("unchecked")
                Publisher<ExecutionResult> stream = (Publisher<ExecutionResult>) publisher;
                stream.subscribe(new Subscriber<>() {
                    private volatile Subscription upstream;

                    @Override
                    public void onSubscribe(Subscription s) {
                        upstream = s;
                        if (!operations.replace(id, placeholder, new Forwarding(s)) || placeholder.cancelled) {
                            s.cancel();
                            return;
                        }
                        s.request(1);
                    }

                    /** Runs on the subscription's delivery thread: writes, then asks for the next update. */
                    @Override
                    public void onNext(ExecutionResult r) {
                        if (!operations.containsKey(id)) return;
                        send(next(id, r));
                        upstream.request(1);
                    }

                    @Override
                    public void onError(Throwable t) {
                        finishWithError(id, t instanceof IllegalStateException ? t.getMessage() : "subscription failed");
                    }

                    @Override
                    public void onComplete() {
                        if (finish(id) != null) send(Map.of("type", "complete", "id", id));
                    }
                });
            } else if (!result.isDataPresent() && !result.getErrors().isEmpty()) {
                if (finish(id) != null) {
                    send(Map.of("type", "error", "id", id, "payload", result.toSpecification().get("errors")));
                }
            } else if (finish(id) != null) {
                send(next(id, result));
                send(Map.of("type", "complete", "id", id));
            }
        }

        private void finishWithError(String id, String message) {
            if (finish(id) != null) send(error(id, message));
        }

        private Map<String, Object> error(String id, String message) {
            return Map.of("type", "error", "id", id, "payload", List.of(Map.of("message", message)));
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
            if (s == null || closed) return;
            try {
                String text = MAPPER.writeValueAsString(message);
                synchronized (sendLock) {
                    s.send(text, true);
                }
            } catch (JacksonException e) {
                LOG.log(Level.WARNING, "cannot encode graphql-transport-ws message", e);
            } catch (RuntimeException e) {
                closed = true;
                cleanup(); // the socket is gone
            }
        }

        private void close(int code, String reason) {
            WsSession s = session;
            closed = true;
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

    /** True when a {@code connection_init} payload names credentials: an Authorization or apiKey entry, any case. */
    static boolean hasCredentials(JsonNode payload) {
        if (payload == null || !payload.isObject()) return false;
        for (String name : payload.propertyNames()) {
            if (name.equalsIgnoreCase("authorization") || name.equalsIgnoreCase("apiKey")) return true;
        }
        return false;
    }

    /** The API key of a {@code connection_init} payload: {@code Authorization: Bearer <key>} or {@code apiKey}, names in any case. */
    static Optional<String> apiKey(JsonNode payload) {
        if (payload == null || !payload.isObject()) return Optional.empty();
        for (var field : payload.properties()) {
            JsonNode v = field.getValue();
            if (!v.isString()) continue;
            String text = v.stringValue().strip();
            if (field.getKey().equalsIgnoreCase("authorization") && text.regionMatches(true, 0, "Bearer ", 0, 7)) {
                String t = text.substring(7).strip();
                if (!t.isEmpty()) return Optional.of(t);
            } else if (field.getKey().equalsIgnoreCase("apiKey") && !text.isEmpty()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }

    /** Bytes of {@code s} in UTF-8, without encoding it. */
    static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) n += 1;
            else if (c < 0x800) n += 2;
            else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else n += 3;
        }
        return n;
    }

    private static String truncate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}

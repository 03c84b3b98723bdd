package com.nasnetconnect.server.web;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import io.helidon.websocket.WsUpgradeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays one browser WebSocket (Vaadin push at {@code /VAADIN/push}) to the internal Jetty, frame by frame in
 * both directions. One instance per browser connection. The upgrade's query string (push and UI ids) and
 * cookies (the session) are passed on; the front-door secret is added.
 *
 * <p>Memory: every open page holds one relay, so what a relay keeps counts per UI session (issue #16). Text
 * towards the browser goes out in fragments of at most {@value #FRAGMENT_CHARS} characters, because the server
 * side of the browser's WebSocket keeps a send buffer as large as the largest frame it ever sent; and the
 * JDK client's WebSockets to Jetty get small buffers ({@link #client()}).
 *
 * <p>Keep-alive: the browser sends nothing on this socket (Vaadin sends its own messages over HTTP), and the
 * public port closes connections whose client stays silent ({@link FrontDoor#IDLE_CONNECTION_TIMEOUT}), so the
 * relay pings the browser every {@code pingEvery}; the browser's automatic pong keeps the socket open.
 */
public final class PushRelay implements WsListener {
    private static final Logger LOG = Logger.getLogger(PushRelay.class.getName());
    private static final Set<String> PASS = Set.of("cookie", "user-agent", "origin", "accept-language");
    /** Largest text fragment sent to the browser; a longer message goes out as several frames of one message. */
    static final int FRAGMENT_CHARS = 2000;
    /**
     * Bytes of the two buffers the JDK's WebSocket client keeps per connection for what it sends (frame encoding
     * and socket writes; 16 KiB each by default). Towards Jetty a relay sends only the page's few small push
     * messages (Vaadin sends its own messages over HTTP), and a longer one is simply written in several rounds.
     */
    static final int CLIENT_SEND_BUFFER = 1024;

    private final URI backend;
    private final String secretHeader;
    private final String secret;
    private final HttpClient http;
    private final ScheduledExecutorService timer;
    private final Duration pingEvery;
    private volatile ScheduledFuture<?> pings;
    private volatile String pathAndQuery = "/VAADIN/push";
    private volatile List<io.helidon.http.Header> headers = List.of();
    private volatile WebSocket upstream;
    private final CompletableFuture<WebSocket> ready = new CompletableFuture<>();

    /**
     * The HTTP client the relays share. It sets the JDK's WebSocket send buffers to {@value #CLIENT_SEND_BUFFER}
     * bytes unless the JVM was started with them ({@code -Djdk.httpclient.websocket.writeBufferSize},
     * {@code -Djdk.httpclient.websocket.intermediateBufferSize}); the JDK reads them for each new WebSocket.
     */
    public static HttpClient client() {
        for (String p : List.of("jdk.httpclient.websocket.writeBufferSize", "jdk.httpclient.websocket.intermediateBufferSize")) {
            if (System.getProperty(p) == null) System.setProperty(p, String.valueOf(CLIENT_SEND_BUFFER));
        }
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /**
     * @param timer     schedules the pings (shared by every relay; a ping itself is sent from a virtual thread)
     * @param pingEvery time between two pings to the browser
     */
    public PushRelay(URI backend, String secretHeader, String secret, HttpClient http, ScheduledExecutorService timer,
                     Duration pingEvery) {
        if (pingEvery.isNegative() || pingEvery.isZero()) throw new IllegalArgumentException("pingEvery must be positive: " + pingEvery);
        this.backend = backend;
        this.secretHeader = secretHeader;
        this.secret = secret;
        this.http = http;
        this.timer = timer;
        this.pingEvery = pingEvery;
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers requestHeaders) throws WsUpgradeException {
        String q = prologue.query().rawValue();
        pathAndQuery = prologue.uriPath().rawPath() + (q.isEmpty() ? "" : "?" + q);
        headers = requestHeaders.stream().filter(h -> PASS.contains(h.name().toLowerCase(Locale.ROOT))).toList();
        return Optional.empty();
    }

    @Override
    public void onOpen(WsSession browser) {
        URI uri = URI.create(backend.toString().replaceFirst("^http", "ws") + pathAndQuery);
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5)).header(secretHeader, secret);
        for (var h : headers) {
            if (!h.name().equalsIgnoreCase("origin")) b.header(h.name(), h.get());
        }
        long every = pingEvery.toNanos();
        pings = timer.scheduleAtFixedRate(() -> Thread.startVirtualThread(() -> ping(browser)), every, every, TimeUnit.NANOSECONDS);
        b.buildAsync(uri, new Upstream(browser, this::stopPinging)).whenComplete((ws, error) -> {
            if (error != null) {
                LOG.log(Level.FINE, "push relay could not reach the UI backend", error);
                browser.close(1011, "backend unavailable");
                ready.completeExceptionally(error);
            } else {
                upstream = ws;
                ready.complete(ws);
            }
        });
    }

    @Override
    public void onMessage(WsSession browser, String text, boolean last) {
        withUpstream(ws -> ws.sendText(text, last));
    }

    @Override
    public void onMessage(WsSession browser, BufferData buffer, boolean last) {
        byte[] bytes = new byte[buffer.available()];
        buffer.read(bytes);
        withUpstream(ws -> ws.sendBinary(ByteBuffer.wrap(bytes), last));
    }

    private void ping(WsSession browser) {
        try {
            synchronized (browser) {
                browser.ping(BufferData.empty());
            }
        } catch (RuntimeException gone) {
            LOG.log(Level.FINE, "push relay could not ping the browser", gone);
            stopPinging();
        }
    }

    private void stopPinging() {
        ScheduledFuture<?> p = pings;
        if (p != null) p.cancel(false);
    }

    @Override
    public void onClose(WsSession browser, int status, String reason) {
        stopPinging();
        WebSocket ws = upstream;
        if (ws != null && !ws.isOutputClosed()) ws.sendClose(status >= 1000 && status < 5000 && status != 1005 && status != 1006 ? status : 1000, "");
        else ready.thenAccept(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, ""));
    }

    @Override
    public void onError(WsSession browser, Throwable t) {
        stopPinging();
        WebSocket ws = upstream;
        if (ws != null) ws.abort();
    }

    /** Frames are sent in order: each waits for the previous send to complete. */
    private CompletableFuture<?> chain = CompletableFuture.completedFuture(null);

    private synchronized void withUpstream(java.util.function.Function<WebSocket, CompletableFuture<WebSocket>> send) {
        chain = chain.thenCompose(x -> ready).thenCompose(send).orTimeout(30, TimeUnit.SECONDS)
                .exceptionally(e -> {
                    LOG.log(Level.FINE, "push relay send failed", e);
                    return null;
                });
    }

    /**
     * Where the fragment of {@code text} that begins at {@code start} ends: {@value #FRAGMENT_CHARS} characters on,
     * one less if that would split a surrogate pair, or the end of the text.
     */
    static int fragmentEnd(CharSequence text, int start) {
        int end = Math.min(text.length(), start + FRAGMENT_CHARS);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) end--;
        return end;
    }

    /** Frames from Jetty to the browser. */
    private static final class Upstream implements WebSocket.Listener {
        private final WsSession browser;
        private final Runnable closed;

        Upstream(WsSession browser, Runnable closed) {
            this.browser = browser;
            this.closed = closed;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            synchronized (browser) {
                int start = 0;
                do {
                    int end = fragmentEnd(data, start);
                    browser.send(data.subSequence(start, end).toString(), last && end == data.length());
                    start = end;
                } while (start < data.length());
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            synchronized (browser) {
                browser.send(BufferData.create(bytes), last);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            closed.run();
            synchronized (browser) {
                browser.close(statusCode, reason == null ? "" : reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            closed.run();
            synchronized (browser) {
                browser.close(1011, "backend error");
            }
        }
    }
}

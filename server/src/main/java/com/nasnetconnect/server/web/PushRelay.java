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
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays one browser WebSocket (Vaadin push at {@code /VAADIN/push}) to the internal Jetty, frame by frame in
 * both directions. One instance per browser connection. The upgrade's query string (push and UI ids) and
 * cookies (the session) are passed on; the front-door secret is added.
 */
public final class PushRelay implements WsListener {
    private static final Logger LOG = Logger.getLogger(PushRelay.class.getName());
    private static final Set<String> PASS = Set.of("cookie", "user-agent", "origin", "accept-language");

    private final URI backend;
    private final String secretHeader;
    private final String secret;
    private final HttpClient http;
    private volatile String pathAndQuery = "/VAADIN/push";
    private volatile List<io.helidon.http.Header> headers = List.of();
    private volatile WebSocket upstream;
    private final CompletableFuture<WebSocket> ready = new CompletableFuture<>();

    public PushRelay(URI backend, String secretHeader, String secret, HttpClient http) {
        this.backend = backend;
        this.secretHeader = secretHeader;
        this.secret = secret;
        this.http = http;
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
        b.buildAsync(uri, new Upstream(browser)).whenComplete((ws, error) -> {
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

    @Override
    public void onClose(WsSession browser, int status, String reason) {
        WebSocket ws = upstream;
        if (ws != null && !ws.isOutputClosed()) ws.sendClose(status >= 1000 && status < 5000 && status != 1005 && status != 1006 ? status : 1000, "");
        else ready.thenAccept(w -> w.sendClose(WebSocket.NORMAL_CLOSURE, ""));
    }

    @Override
    public void onError(WsSession browser, Throwable t) {
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

    /** Frames from Jetty to the browser. */
    private static final class Upstream implements WebSocket.Listener {
        private final WsSession browser;

        Upstream(WsSession browser) {
            this.browser = browser;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            synchronized (browser) {
                browser.send(data.toString(), last);
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
            synchronized (browser) {
                browser.close(statusCode, reason == null ? "" : reason);
            }
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            synchronized (browser) {
                browser.close(1011, "backend error");
            }
        }
    }
}

package com.nasnetconnect.server.web;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Stands in for Jetty's push endpoint behind a front door: records what arrives through the relay (upgrade
 * request, messages, pongs, the close code) and lets a test send from the backend's side.
 */
final class JettyPushStandIn implements AutoCloseable {
    final List<WsSession> sessions = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<String> pongs = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    final CompletableFuture<Headers> upgradeHeaders = new CompletableFuture<>();
    final CompletableFuture<String> upgradeQuery = new CompletableFuture<>();
    final WebServer backend;
    final WebServer door;

    JettyPushStandIn() {
        this(null);
    }

    /** @param unreachable when not null, the front door relays to this address instead of the stand-in */
    JettyPushStandIn(URI unreachable) {
        backend = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .addRouting(WsRouting.builder().endpoint("/VAADIN/push", () -> new WsListener() {
                    @Override
                    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) {
                        upgradeHeaders.complete(headers);
                        upgradeQuery.complete(prologue.query().rawValue());
                        return Optional.empty();
                    }

                    @Override
                    public void onOpen(WsSession session) {
                        sessions.add(session);
                    }

                    @Override
                    public void onMessage(WsSession session, String text, boolean last) {
                        messages.add(text);
                    }

                    @Override
                    public void onPong(WsSession session, BufferData buffer) {
                        pongs.add(buffer.readString(buffer.available()));
                    }

                    @Override
                    public void onClose(WsSession session, int status, String reason) {
                        closeCode.complete(status);
                    }
                })).build().start();
        URI target = unreachable != null ? unreachable : URI.create("http://127.0.0.1:" + backend.port());
        FrontDoor front = new FrontDoor(new HealthService(List.of()), new MetricsService(List.of(), new RequestCounter()),
                new RequestCounter(), r -> { }, null, null, target, "X-Test-Secret", "s3cret", Optional.empty());
        door = front.start("127.0.0.1", 0, Duration.ofSeconds(20));
    }

    /** The backend's end of the one relayed socket, once the relay has connected. */
    WsSession session() throws InterruptedException {
        for (int i = 0; i < 500 && sessions.isEmpty(); i++) Thread.sleep(10);
        if (sessions.size() != 1) throw new IllegalStateException("relayed sockets at the backend: " + sessions.size());
        return sessions.getFirst();
    }

    @Override
    public void close() {
        door.stop();
        backend.stop();
    }
}

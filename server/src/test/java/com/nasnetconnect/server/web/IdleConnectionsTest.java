package com.nasnetconnect.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.server.graphql.WebSocketLimits;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The public port closes connections that carry nothing (each holds socket buffers and a parked thread, issue #16)
 * but keeps the pages' push WebSockets, which carry only server-to-browser messages, open by pinging the browser;
 * and what the relay sends the browser arrives whole, however long.
 */
@Timeout(60)
class IdleConnectionsTest {
    static final Duration IDLE = Duration.ofMillis(1200);

    WebServer backend;
    WebServer door;
    final List<WsSession> backendSessions = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<String> atBackend = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() {
        // stands in for Jetty's push endpoint: records what the browser sends, and sends when the test says
        backend = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                .addRouting(WsRouting.builder().endpoint("/VAADIN/push", () -> new WsListener() {
                    @Override
                    public void onOpen(WsSession session) {
                        backendSessions.add(session);
                    }

                    @Override
                    public void onMessage(WsSession session, String text, boolean last) {
                        atBackend.add(text);
                    }
                })).build().start();
        FrontDoor front = new FrontDoor(new HealthService(List.of()), new MetricsService(List.of(), new RequestCounter()),
                new RequestCounter(), r -> { }, null, null, URI.create("http://127.0.0.1:" + backend.port()), "X-Test-Secret",
                "s3cret", Optional.empty());
        door = front.start("127.0.0.1", 0, IDLE);
    }

    @AfterEach
    void stop() {
        if (door != null) door.stop();
        if (backend != null) backend.stop();
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (Socket s = new Socket("127.0.0.1", door.port())) {
            // before the request: the server's idle time counts from its last write, which comes before we read it
            long start = System.nanoTime();
            OutputStream out = s.getOutputStream();
            out.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            s.setSoTimeout(5000);
            String head = readHead(in);
            assertThat(head).startsWith("HTTP/1.1 200");
            long length = Long.parseLong(head.replaceAll("(?is).*content-length: *(\\d+).*", "$1"));
            in.readNBytes((int) length);

            s.setSoTimeout((int) IDLE.multipliedBy(4).toMillis());
            int next;
            try {
                next = in.read();
            } catch (SocketTimeoutException stillOpen) {
                next = -2;
            } catch (java.net.SocketException reset) {
                next = -1;
            }
            assertThat(next).as("the server closed the idle keep-alive connection").isEqualTo(-1);
            // Helidon stamps a connection's last request, and measures its idle time, with its cached clock, which
            // ticks once a second (io.helidon.http.DateTime.timestamp()): it may close up to a second early
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(IDLE.minusSeconds(1));
        }
    }

    @Test
    void aPushWebSocketOnWhichTheBrowserSendsNothingStaysOpenBeyondTheIdleTimeout() throws Exception {
        AtomicInteger pings = new AtomicInteger();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        LinkedBlockingQueue<String> atBrowser = new LinkedBlockingQueue<>();
        StringBuilder partial = new StringBuilder();
        WebSocket browser = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + door.port() + "/VAADIN/push?v-uiId=0"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            atBrowser.add(partial.toString());
                            partial.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onPing(WebSocket ws, ByteBuffer message) {
                        pings.incrementAndGet(); // the JDK client answers with a pong by itself
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete(-1);
                    }
                }).get(5, TimeUnit.SECONDS);
        browser.sendText("hello", true);
        assertThat(atBackend.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");

        Thread.sleep(IDLE.multipliedBy(4).toMillis()); // the browser sends nothing meanwhile
        assertThat(closed).as("push WebSocket still open").isNotDone();
        assertThat(pings.get()).as("pings the browser answered").isGreaterThanOrEqualTo(2);

        String update = "x".repeat(3 * PushRelay.FRAGMENT_CHARS + 17) + "é😀" + "y".repeat(PushRelay.FRAGMENT_CHARS);
        for (WsSession s : backendSessions) s.send(update, true);
        assertThat(atBrowser.poll(5, TimeUnit.SECONDS)).as("a long update arrives whole").isEqualTo(update);
        browser.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    @Test
    void graphQlSocketsArePingedWellWithinTheIdleTimeoutSoTheirPongsKeepThemOpen() {
        assertThat(WebSocketLimits.defaults().pingInterval().multipliedBy(2)).isLessThanOrEqualTo(FrontDoor.IDLE_CONNECTION_TIMEOUT);
    }

    @Test
    void aFragmentNeverEndsBetweenTheTwoHalvesOfACharacterOutsideTheBasicPlane() {
        String text = "a".repeat(PushRelay.FRAGMENT_CHARS - 1) + "😀" + "b";
        assertThat(PushRelay.fragmentEnd(text, 0)).isEqualTo(PushRelay.FRAGMENT_CHARS - 1);
        assertThat(PushRelay.fragmentEnd(text, PushRelay.FRAGMENT_CHARS - 1)).isEqualTo(text.length());
        assertThat(PushRelay.fragmentEnd("short", 0)).isEqualTo(5);
    }

    private static String readHead(InputStream in) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) break;
            head.append((char) c);
        }
        return head.toString();
    }
}

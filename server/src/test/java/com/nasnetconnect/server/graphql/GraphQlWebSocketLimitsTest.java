package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import tools.jackson.databind.JsonNode;

/**
 * Denial-of-service limits of GraphQL over WebSocket, each against a real server with small limits: the size
 * of one message (the HTTP body limit, over continuation frames), open connections, operations per key, idle
 * sockets and clients that stop answering pings.
 */
@Timeout(30)
class GraphQlWebSocketLimitsTest {
    private static final Duration LONG = Duration.ofMinutes(5);
    private static final String CHANGES = "subscription { resourceChanged(routerId: \"r1\") { uuid } }";
    private TestServer server;

    private TestServer start(int maxRequestBytes, WebSocketLimits ws) {
        server = new TestServer(new Limits(maxRequestBytes, 12, 5000, 1000, 1000, Duration.ofSeconds(10), 100), ws);
        return server;
    }

    private static WebSocketLimits limits(int connections, int perKey, Duration idle, Duration pingEvery, Duration pingTimeout) {
        return new WebSocketLimits(connections, perKey, idle, pingEvery, pingTimeout);
    }

    @AfterEach
    void stop() {
        if (server != null) server.close();
    }

    private TransportWsClient acknowledged(String key) throws InterruptedException {
        var c = TransportWsClient.connect(server.wsUrl());
        c.init("{\"apiKey\":\"" + key + "\"}");
        c.expectAck();
        return c;
    }

    /** Sends a ping message and waits for the pong: every message sent before it has been handled. */
    private static void roundTrip(TransportWsClient c) throws InterruptedException {
        c.send("{\"type\":\"ping\"}");
        assertThat(c.next().get("type").asString()).isEqualTo("pong");
    }

    @Test
    void aMessageJustUnderTheHttpBodyLimitIsServed() throws Exception {
        start(4096, WebSocketLimits.defaults());
        var c = acknowledged("viewer-key");
        String padded = "{ routers { name } }" + " ".repeat(3900);
        c.subscribe("q", padded);
        assertThat(c.next().at("/payload/data/routers/0/name").asString()).isEqualTo("Lab");
    }

    @Test
    void aMessageGrowingPastTheHttpBodyLimitInContinuationFramesIsClosedWith1009BeforeItEnds() throws Exception {
        start(4096, WebSocketLimits.defaults());
        var c = acknowledged("viewer-key");
        String kib = "x".repeat(1024);
        for (int i = 0; i < 5; i++) c.socket.sendText(kib, false).join(); // 5 KiB, and the message never ends
        assertThat(c.awaitClose()).isEqualTo(1009);
    }

    @Test
    void aSingleFrameOverTheHttpBodyLimitIsClosedWith1009() throws Exception {
        start(4096, WebSocketLimits.defaults());
        var c = TransportWsClient.connect(server.wsUrl());
        c.socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"pad\":\"" + "é".repeat(2100) + "\"}}", true);
        assertThat(c.awaitClose()).isEqualTo(1009);
        assertThat(c.messages).isEmpty();
    }

    @Test
    void connectionsBeyondTheCapAreClosedWith1013UntilOneCloses() throws Exception {
        start(100 * 1024, limits(2, 100, LONG, LONG, LONG));
        var sockets = List.of(TransportWsClient.connect(server.wsUrl()), TransportWsClient.connect(server.wsUrl()),
                TransportWsClient.connect(server.wsUrl()));
        // which one is over the cap is the order in which the server opened them, not the order of the client's calls
        Object refused = java.util.concurrent.CompletableFuture.anyOf(sockets.stream().map(c -> c.closeCode)
                .toArray(java.util.concurrent.CompletableFuture[]::new)).get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(refused).isEqualTo(1013);
        var open = sockets.stream().filter(c -> !c.closeCode.isDone()).toList();
        assertThat(open).hasSize(2);

        open.getFirst().socket.sendClose(1000, "bye").join();
        assertThat(open.getFirst().awaitClose()).isEqualTo(1000);
        var fourth = TransportWsClient.connect(server.wsUrl());
        fourth.init("{\"apiKey\":\"viewer-key\"}");
        fourth.expectAck();
        roundTrip(open.getLast());
    }

    @Test
    void operationsRunningForOneKeyAreCappedOverAllItsSockets() throws Exception {
        start(100 * 1024, limits(100, 2, LONG, LONG, LONG));
        var a = acknowledged("viewer-key");
        var b = acknowledged("viewer-key");
        a.subscribe("1", CHANGES);
        a.subscribe("2", CHANGES);
        roundTrip(a);

        b.subscribe("3", CHANGES);
        JsonNode refused = b.next();
        assertThat(refused.get("type").asString()).isEqualTo("error");
        assertThat(refused.get("id").asString()).isEqualTo("3");
        assertThat(refused.at("/payload/0/message").asString()).isEqualTo("too many subscriptions for 'viewer': at most 2 at once");

        var other = acknowledged("operator-key");
        other.subscribe("4", CHANGES);
        roundTrip(other);
        assertThat(other.messages).isEmpty();

        a.send("{\"id\":\"1\",\"type\":\"complete\"}");
        roundTrip(a);
        b.subscribe("5", CHANGES);
        roundTrip(b);
        assertThat(b.messages).as("no error for the operation that took the freed place").isEmpty();
    }

    @Test
    void anAcknowledgedSocketThatRunsNothingIsClosedWhenIdleButOneWithASubscriptionIsNot() throws Exception {
        start(100 * 1024, limits(100, 100, Duration.ofMillis(300), LONG, LONG));
        var busy = acknowledged("viewer-key");
        busy.subscribe("s", CHANGES);
        roundTrip(busy);
        var idle = acknowledged("viewer-key");

        assertThat(idle.awaitClose()).isEqualTo(1000);
        roundTrip(busy); // its idle check came due first, and found a running subscription
    }

    @Test
    void aClientThatStopsAnsweringPingsIsClosedWith1001WhileOneThatAnswersStaysOpen() throws Exception {
        start(100 * 1024, limits(100, 100, LONG, Duration.ofMillis(100), Duration.ofMillis(300)));
        var answering = acknowledged("viewer-key"); // the JDK WebSocket answers pings by itself
        try (var silent = new SilentClient(server.server.port())) {
            silent.sendText("{\"type\":\"connection_init\",\"payload\":{\"apiKey\":\"viewer-key\"}}");
            assertThat(silent.nextText()).contains("connection_ack");
            assertThat(silent.closeCode()).isEqualTo(1001);
            assertThat(silent.pingsSeen).isGreaterThanOrEqualTo(1);
        }
        roundTrip(answering);
    }

    /**
     * A WebSocket client over a raw socket that never answers a ping (the JDK client always does): it speaks
     * just enough of RFC 6455 to send masked text frames and read the server's frames.
     */
    static final class SilentClient implements AutoCloseable {
        private final Socket socket;
        private final DataInputStream in;
        private final OutputStream out;
        int pingsSeen;
        private int closeCode = -1;

        SilentClient(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(10_000);
            out = socket.getOutputStream();
            out.write(("GET /graphql HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            in = new DataInputStream(socket.getInputStream());
            String status = line(in);
            if (!status.contains(" 101 ")) throw new IOException("upgrade refused: " + status);
            while (!line(in).isEmpty()) {
                // response headers
            }
        }

        void sendText(String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            var frame = new ByteArrayOutputStream();
            frame.write(0x81);
            if (payload.length < 126) {
                frame.write(0x80 | payload.length);
            } else {
                frame.write(0x80 | 126);
                frame.write(payload.length >> 8);
                frame.write(payload.length & 0xff);
            }
            byte[] mask = {1, 2, 3, 4};
            frame.write(mask);
            for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
            out.write(frame.toByteArray());
            out.flush();
        }

        /** The next text frame's payload, counting (and not answering) pings on the way. */
        String nextText() throws IOException {
            while (true) {
                int b0 = in.readUnsignedByte();
                int len = in.readUnsignedByte() & 0x7f;
                if (len == 126) len = in.readUnsignedShort();
                else if (len == 127) len = (int) in.readLong();
                byte[] payload = in.readNBytes(len);
                switch (b0 & 0x0f) {
                    case 0x1 -> {
                        return new String(payload, StandardCharsets.UTF_8);
                    }
                    case 0x9 -> pingsSeen++;
                    case 0x8 -> {
                        closeCode = payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                        return "(closed " + closeCode + ")";
                    }
                    default -> {
                    }
                }
            }
        }

        /** Reads until the server's close frame and returns its code. */
        int closeCode() throws IOException {
            while (closeCode < 0) nextText();
            return closeCode;
        }

        private static String line(InputStream in) throws IOException {
            var b = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (c != '\r') b.append((char) c);
            }
            return b.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}

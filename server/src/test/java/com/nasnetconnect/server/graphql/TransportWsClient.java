package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A graphql-transport-ws client over the JDK WebSocket that behaves as a standard graphql-ws client: it opens
 * the socket with the subprotocol and whatever upgrade headers it is given (none, by default), then sends
 * {@code connection_init} with its {@code connectionParams} as the payload.
 */
final class TransportWsClient implements WebSocket.Listener {
    static final ObjectMapper JSON = JsonMapper.shared();
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    WebSocket socket;

    /** Opens the socket; {@code headers} are name/value pairs sent with the upgrade (Cookie, Origin, Authorization). */
    static CompletableFuture<TransportWsClient> open(String url, String... headers) {
        var c = new TransportWsClient();
        WebSocket.Builder b = CLIENT.newWebSocketBuilder().subprotocols(GraphQlWebSocket.SUBPROTOCOL)
                .connectTimeout(Duration.ofSeconds(5));
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        return b.buildAsync(URI.create(url), c).thenApply(ws -> {
            c.socket = ws;
            return c;
        });
    }

    static TransportWsClient connect(String url, String... headers) {
        return open(url, headers).orTimeout(10, TimeUnit.SECONDS).join();
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    /** Sends {@code connection_init} with this payload (JSON object text, or null for none). */
    void init(String payloadJson) {
        send(payloadJson == null ? "{\"type\":\"connection_init\"}"
                : "{\"type\":\"connection_init\",\"payload\":" + payloadJson + "}");
    }

    void expectAck() throws InterruptedException {
        assertThat(next().get("type").asString()).isEqualTo("connection_ack");
    }

    void subscribe(String id, String query) throws Exception {
        var m = JSON.createObjectNode();
        m.put("id", id).put("type", "subscribe").putObject("payload").put("query", query);
        send(JSON.writeValueAsString(m));
    }

    JsonNode next() throws InterruptedException {
        JsonNode m = messages.poll(5, TimeUnit.SECONDS);
        assertThat(m).as("a message within 5 s").isNotNull();
        return m;
    }

    int awaitClose() throws Exception {
        return closeCode.get(5, TimeUnit.SECONDS);
    }

    void abort() {
        if (socket != null) socket.abort();
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
        closeCode.completeExceptionally(error);
    }
}

package com.nasnetconnect.server.graphql.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;

/** A graphql-transport-ws client over the JDK WebSocket (the protocol integrations speak). */
final class WsClient implements WebSocket.Listener, AutoCloseable {
    final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static WsClient connect(String url, String apiKey) throws InterruptedException {
        var c = new WsClient();
        c.socket = BackendRig.CLIENT.newWebSocketBuilder().subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), c).join();
        c.send("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + apiKey + "\"}}");
        assertThat(c.next().get("type").asString()).isEqualTo("connection_ack");
        return c;
    }

    void subscribe(String id, String query) throws Exception {
        var payload = BackendRig.JSON.createObjectNode();
        payload.put("id", id).put("type", "subscribe").putObject("payload").put("query", query);
        send(BackendRig.JSON.writeValueAsString(payload));
    }

    void send(String json) {
        socket.sendText(json, true).join();
    }

    JsonNode next() throws InterruptedException {
        JsonNode m = messages.poll(10, TimeUnit.SECONDS);
        assertThat(m).as("a message within 10 s").isNotNull();
        return m;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(BackendRig.JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(t -> null).join();
    }
}

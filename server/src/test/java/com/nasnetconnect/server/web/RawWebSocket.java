package com.nasnetconnect.server.web;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A browser's end of a WebSocket over a plain socket, frame by frame: tests see each frame the server sends
 * (fragments, close codes), which a WebSocket client library hides. It uses nothing of the JDK's HTTP client.
 */
final class RawWebSocket implements AutoCloseable {
    static final int CONTINUATION = 0, TEXT = 1, BINARY = 2, CLOSE = 8, PING = 9, PONG = 10;

    /** One frame as it came off the wire. */
    record Frame(int opCode, boolean fin, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length < 2 ? 1005 : (payload[0] & 0xFF) << 8 | payload[1] & 0xFF;
        }

        String closeReason() {
            return payload.length <= 2 ? "" : new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** Opens a WebSocket at {@code pathAndQuery} with {@code headers}; fails unless the server switches protocols. */
    static RawWebSocket open(int port, String pathAndQuery, Map<String, String> headers) throws IOException {
        Socket s = new Socket("127.0.0.1", port);
        s.setSoTimeout(5000);
        RawWebSocket ws = new RawWebSocket(s);
        String key = Base64.getEncoder().encodeToString(new byte[16]);
        StringBuilder request = new StringBuilder("GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        ws.out.write(request.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        ws.out.flush();
        String head = ws.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            s.close();
            throw new IOException("no WebSocket: " + head);
        }
        return ws;
    }

    void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendClose(int code) throws IOException {
        send(CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
    }

    /** A final, masked frame; payloads up to 65535 bytes. */
    void send(int opCode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x80 | opCode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xFF);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) frame.write(payload[i] ^ mask[i % 4]);
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The next frame the server sent (waits at most 5 s). */
    Frame read() throws IOException {
        int b0 = readByte(), b1 = readByte();
        if ((b1 & 0x80) != 0) throw new IOException("the server masked a frame");
        long length = b1 & 0x7F;
        if (length == 126) length = (long) readByte() << 8 | readByte();
        else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) length = length << 8 | readByte();
        }
        return new Frame(b0 & 0x0F, (b0 & 0x80) != 0, in.readNBytes((int) length));
    }

    /** The next frame that is not a ping. */
    Frame readSkippingPings() throws IOException {
        Frame f;
        do {
            f = read();
        } while (f.opCode() == PING);
        return f;
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) throw new EOFException("the server closed the connection");
        return b;
    }

    private String readHead() throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) head.append((char) readByte());
        return head.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

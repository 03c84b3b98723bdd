package com.nasnetconnect.routeros.sim;

import com.nasnetconnect.routeros.protocol.ApiWords;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/** A minimal API client for protocol-level tests: sends raw words, reads raw sentences. */
final class RawApiClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    RawApiClient(int port) throws IOException {
        this(new Socket("127.0.0.1", port));
    }

    RawApiClient(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(5000);
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    void send(String... words) throws IOException {
        ApiWords.writeSentence(out, List.of(words));
    }

    void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one sentence; null at end of stream. */
    List<String> read() throws IOException {
        return ApiWords.readSentence(in, ApiSession.MAX_WORD);
    }

    /** Reads sentences up to and including the first !done (or !fatal). */
    List<List<String>> readUntilDone() throws IOException {
        List<List<String>> out = new ArrayList<>();
        while (true) {
            List<String> s = read();
            if (s == null) {
                return out;
            }
            out.add(s);
            if (s.getFirst().equals("!done") || s.getFirst().equals("!fatal")) {
                return out;
            }
        }
    }

    /** Sends a command and returns its replies up to !done. */
    List<List<String>> call(String... words) throws IOException {
        send(words);
        return readUntilDone();
    }

    void login(String user, String password) throws IOException {
        List<List<String>> r = call("/login", "=name=" + user, "=password=" + password);
        if (!r.getLast().getFirst().equals("!done") || r.size() != 1) {
            throw new IOException("login failed: " + r);
        }
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

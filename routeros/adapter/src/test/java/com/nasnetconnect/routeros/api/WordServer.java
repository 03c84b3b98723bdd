package com.nasnetconnect.routeros.api;

import com.nasnetconnect.routeros.protocol.ApiWords;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;

/**
 * A scripted API peer on loopback for transport-level tests: records every sentence a client sends, and answers
 * each with what the script writes. Real TCP, real word encoding; used where the simulator cannot produce the
 * wire condition under test (exact request words, hand-made reply bytes).
 */
final class WordServer implements AutoCloseable {
    final BlockingQueue<List<String>> received = new LinkedBlockingQueue<>();
    private final ServerSocket server;
    private final List<Socket> clients = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Thread acceptor;

    /** {@code script} gets each request sentence and the output to answer on. */
    WordServer(BiConsumer<List<String>, OutputStream> script) throws IOException {
        this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
    }

    /** Over API-SSL with the given server context (see {@link TestCertificates}). */
    WordServer(javax.net.ssl.SSLContext tls, BiConsumer<List<String>, OutputStream> script) throws IOException {
        this(tls.getServerSocketFactory().createServerSocket(0, 50, InetAddress.getLoopbackAddress()), script);
    }

    private WordServer(ServerSocket server, BiConsumer<List<String>, OutputStream> script) {
        this.server = server;
        acceptor = Thread.ofPlatform().daemon().name("word-server").start(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    clients.add(s);
                    Thread.ofPlatform().daemon().name("word-server-conn").start(() -> serve(s, script));
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    int port() {
        return server.getLocalPort();
    }

    private void serve(Socket s, BiConsumer<List<String>, OutputStream> script) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (true) {
                List<String> sentence = new ArrayList<>();
                while (true) {
                    ApiWords.Word w = ApiWords.read(in);
                    if (w == null) return;
                    if (w.isEnd()) break;
                    sentence.add(w.text());
                }
                received.add(sentence);
                script.accept(sentence, out);
                out.flush();
            }
        } catch (IOException e) {
            // client went away
        }
    }

    /** Drops every client connection (the server keeps listening). */
    void dropClients() throws IOException {
        for (Socket s : clients) s.close();
    }

    static String tagOf(List<String> sentence) {
        return sentence.stream().filter(w -> w.startsWith(".tag=")).map(w -> w.substring(5)).findFirst().orElse("");
    }

    static byte[] sentence(String... words) {
        var out = new ByteArrayOutputStream();
        for (String w : words) ApiWords.write(w, out);
        out.write(0);
        return out.toByteArray();
    }

    static void send(OutputStream out, String... words) {
        try {
            out.write(sentence(words));
        } catch (IOException e) {
            // the client is gone: nothing to answer
        }
    }

    /** A script that answers every command with !done, and /login too. */
    static void doneToAll(List<String> sentence, OutputStream out) {
        send(out, "!done", ".tag=" + tagOf(sentence));
    }

    @Override
    public void close() throws IOException {
        server.close();
        dropClients();
    }
}

package com.nasnetconnect.server.update;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A static file server on 127.0.0.1 (the JDK's HttpServer) over a repository directory, as a CDN would serve it:
 * 200 with Content-Length, 206 for {@code Range: bytes=N-}, 404 for a missing file. A file can be made to misbehave:
 * stall after some bytes (until {@link #close}), break off after some bytes, or be sent chunked (no length).
 */
final class StaticRepositoryServer implements AutoCloseable {
    enum Trick { STALL_AFTER, BREAK_AFTER, CHUNKED }

    record Request(String file, String range) {
    }

    private final Path root;
    private final HttpServer server;
    private final Map<String, Map.Entry<Trick, Long>> tricks = new ConcurrentHashMap<>();
    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    StaticRepositoryServer(Path root) throws IOException {
        this.root = root;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.createContext("/repo/", this::serve);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo/";
    }

    void trick(String file, Trick trick, long afterBytes) {
        tricks.put(file, Map.entry(trick, afterBytes));
    }

    void behave(String file) {
        tricks.remove(file);
    }

    private void serve(HttpExchange ex) throws IOException {
        String name = ex.getRequestURI().getPath().substring("/repo/".length());
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(new Request(name, range));
        Path f = root.resolve(name);
        if (name.contains("/") || !Files.isRegularFile(f)) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        byte[] all = Files.readAllBytes(f);
        int from = 0;
        if (range != null && range.matches("bytes=[0-9]+-")) {
            from = Integer.parseInt(range.substring(6, range.length() - 1));
            if (from >= all.length) {
                ex.sendResponseHeaders(416, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (all.length - 1) + "/" + all.length);
        }
        int length = all.length - from;
        var trick = tricks.get(name);
        boolean chunked = trick != null && trick.getKey() == Trick.CHUNKED;
        ex.sendResponseHeaders(from > 0 ? 206 : 200, chunked ? 0 : length);
        OutputStream out = ex.getResponseBody();
        if (trick == null || chunked) {
            out.write(all, from, length);
            out.close();
            return;
        }
        int first = (int) Math.min(trick.getValue(), length);
        out.write(all, from, first);
        out.flush();
        if (trick.getKey() == Trick.STALL_AFTER) {
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ex.close(); // BREAK_AFTER: the connection ends before Content-Length bytes
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}

package com.nasnetconnect.routeros.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The loopback-only HTTP control endpoint of a simulator (for tests and demos driving a standalone simulator).
 * Every fault route is a POST; answers are plain text.
 * <pre>
 * POST /faults/reject-nth?n=3&amp;message=...      reject the 3rd command from now
 * POST /faults/reject-path?path=/ip/address/add&amp;message=...
 * POST /faults/delay?ms=500                  delay every reply
 * POST /faults/drop-after?sentences=2        drop the connection after 2 more reply sentences
 * POST /faults/garbage                       next reply is garbage
 * POST /faults/stall                         stop answering
 * POST /faults/clear                         disarm everything
 * POST /connections/drop                     close all API connections
 * GET  /faults                               the armed plan
 * GET  /state                                the configuration, one item per line
 * GET  /health                               "ok"
 * </pre>
 */
final class ControlEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final RouterOsSimulator sim;

    ControlEndpoint(RouterOsSimulator sim, int port) throws IOException {
        this.sim = sim;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 10);
        server.createContext("/", this::handle);
        server.setExecutor(null);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            Map<String, String> q = query(ex.getRequestURI().getRawQuery());
            boolean post = ex.getRequestMethod().equals("POST");
            Faults f = sim.faults();
            String body;
            int status = 200;
            try {
                body = switch (path) {
                    case "/health" -> "ok";
                    case "/faults" -> sim.faults().plan().toString();
                    case "/state" -> render(sim.snapshot());
                    default -> {
                        if (!post) {
                            status = 405;
                            yield "use POST for " + path;
                        }
                        yield switch (path) {
                            case "/faults/reject-nth" -> done(f.rejectNth(intParam(q, "n"), q.get("message")));
                            case "/faults/reject-path" -> done(f.rejectPath(required(q, "path"), q.get("message")));
                            case "/faults/delay" -> done(f.delayReplies(Duration.ofMillis(intParam(q, "ms"))));
                            case "/faults/drop-after" -> done(f.dropAfterSentences(intParam(q, "sentences")));
                            case "/faults/garbage" -> done(f.sendGarbage());
                            case "/faults/stall" -> done(f.stallForever());
                            case "/faults/clear" -> done(f.clear());
                            case "/connections/drop" -> {
                                sim.dropConnections();
                                yield "ok";
                            }
                            default -> {
                                status = 404;
                                yield "unknown control route " + path;
                            }
                        };
                    }
                };
            } catch (IllegalArgumentException e) {
                status = 400;
                body = e.getMessage();
            }
            byte[] bytes = (body + "\n").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            ex.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static String done(Faults f) {
        return f.plan().toString();
    }

    private static String render(SimulatorState s) {
        StringBuilder b = new StringBuilder();
        s.menus().forEach((menu, items) -> items.forEach((id, props) -> {
            b.append(menu).append(' ').append(id);
            props.forEach((k, v) -> b.append(' ').append(k).append('=')
                    .append(k.equals("private-key") ? "<hidden>" : v));
            b.append('\n');
        }));
        return b.toString();
    }

    private static String required(Map<String, String> q, String name) {
        String v = q.get(name);
        if (v == null || v.isEmpty()) {
            throw new IllegalArgumentException("missing query parameter " + name);
        }
        return v;
    }

    private static int intParam(Map<String, String> q, String name) {
        String v = required(q, name);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("query parameter " + name + " is not a number: " + v);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

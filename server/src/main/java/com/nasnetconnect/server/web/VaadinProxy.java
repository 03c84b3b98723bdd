package com.nasnetconnect.server.web;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Forwards a request to the internal Vaadin/Jetty server and streams the answer back, both bodies streamed
 * (never held whole in memory). Hop-by-hop headers are dropped both ways; {@code X-Forwarded-For/-Proto/-Host}
 * tell Jetty what the browser really asked for; the front-door secret proves the request came through here.
 */
public final class VaadinProxy implements Handler {
    private static final Logger LOG = Logger.getLogger(VaadinProxy.class.getName());
    /** RFC 9110 §7.6.1 hop-by-hop headers, plus Host (we set our own) and anything claiming to be forwarded. */
    static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host",
            "content-length", "x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port",
            "forwarded");

    private final WebClient client;
    private final URI target;
    private final HeaderName secretHeader;
    private final String secret;

    public VaadinProxy(URI target, String secretHeaderName, String secret) {
        this.target = target;
        this.secretHeader = HeaderNames.create(secretHeaderName);
        this.secret = secret;
        this.client = WebClient.builder()
                .baseUri(target)
                .followRedirects(false)
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofMinutes(6)) // long-polling push holds requests open for minutes
                .sendExpectContinue(false)
                // plain HTTP on loopback: without this the client sets up a TLS context (the JDK's SSL engine and
                // its trust store, ~460 classes and 80 ms at start) that it would never use
                .tls(tls -> tls.enabled(false))
                .build();
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        Method method = req.prologue().method();
        String rawQuery = req.query().rawValue();
        String uri = target + req.path().rawPath() + (rawQuery.isEmpty() ? "" : "?" + rawQuery);
        HttpClientRequest out = client.method(method).uri(uri).skipUriEncoding(true).followRedirects(false);
        for (var header : req.headers()) {
            String name = header.name().toLowerCase(Locale.ROOT);
            if (HOP_BY_HOP.contains(name) || name.equalsIgnoreCase(secretHeader.defaultCase())) continue;
            out.header(header);
        }
        // We are the edge: whatever X-Forwarded-* the browser sent was dropped above; these are the facts.
        out.header(HeaderNames.X_FORWARDED_FOR, req.remotePeer().host());
        out.header(HeaderNames.X_FORWARDED_PROTO, req.isSecure() ? "https" : "http");
        out.header(HeaderNames.X_FORWARDED_HOST, req.authority());
        out.header(secretHeader, secret);

        HttpClientResponse answer;
        try {
            if (req.content().hasEntity()) {
                answer = out.outputStream(body -> {
                    try (InputStream in = req.content().inputStream()) {
                        copy(in, body);
                    }
                    body.close();
                });
            } else {
                answer = out.request();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "UI backend unreachable for " + method.text() + " " + req.path().rawPath(), e);
            res.status(Status.BAD_GATEWAY_502).send("The user interface is not available right now.");
            return;
        }
        try (answer) {
            res.status(answer.status());
            for (var header : answer.headers()) {
                if (!HOP_BY_HOP.contains(header.name().toLowerCase(Locale.ROOT))
                        || header.name().equalsIgnoreCase("content-length")) {
                    res.header(header);
                }
            }
            if (method == Method.HEAD || answer.status().code() == 204 || answer.status().code() == 304) {
                res.send();
                return;
            }
            try (InputStream in = answer.inputStream(); OutputStream body = res.outputStream()) {
                copy(in, body);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies and flushes as data arrives, so streamed and long-polling answers are not held back. */
    private static void copy(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[16 * 1024];
        int n;
        while ((n = in.read(buf)) >= 0) {
            if (n > 0) {
                out.write(buf, 0, n);
                if (in.available() == 0) out.flush();
            }
        }
    }
}

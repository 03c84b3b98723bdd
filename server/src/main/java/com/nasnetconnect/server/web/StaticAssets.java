package com.nasnetconnect.server.web;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The installable-PWA files, served by the front door itself and without authentication (a browser fetches
 * them before anyone signs in; they reveal nothing): web manifest, service worker, offline page, icons; and
 * what browsers and crawlers ask every site for: {@code /favicon.ico} and a {@code /robots.txt} that keeps
 * crawlers out (a private admin app has nothing to index).
 */
public final class StaticAssets implements HttpService {
    private static final Map<String, String> FILES = Map.of(
            "/robots.txt", "text/plain; charset=utf-8",
            "/favicon.ico", "image/x-icon",
            "/manifest.webmanifest", "application/manifest+json",
            "/sw.js", "text/javascript; charset=utf-8",
            "/offline.html", "text/html; charset=utf-8",
            "/icons/icon-192.png", "image/png",
            "/icons/icon-512.png", "image/png",
            "/icons/icon-maskable-512.png", "image/png");
    private final Map<String, byte[]> content;

    public StaticAssets() {
        content = FILES.keySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(p -> p, StaticAssets::load));
    }

    /** Paths this service answers; the auth filter lets exactly these through. */
    public static java.util.Set<String> paths() {
        return FILES.keySet();
    }

    private static byte[] load(String path) {
        try (InputStream in = StaticAssets.class.getResourceAsStream("/web" + path)) {
            if (in == null) throw new IllegalStateException("missing resource /web" + path);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void routing(HttpRules rules) {
        FILES.keySet().forEach(path -> rules.get(path, (req, res) -> serve(path, res)));
    }

    private void serve(String path, ServerResponse res) {
        res.status(Status.OK_200);
        res.header(HeaderNames.CONTENT_TYPE, FILES.get(path));
        // The service worker must be re-checked on every load so updates reach users; icons may be cached.
        res.header(HeaderNames.CACHE_CONTROL, path.startsWith("/icons/") || path.equals("/favicon.ico") ? "public, max-age=86400" : "no-cache");
        if (path.equals("/sw.js")) res.header(HeaderNames.create("Service-Worker-Allowed"), "/");
        res.send(content.get(path));
    }

}

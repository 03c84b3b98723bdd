package com.nasnetconnect.server.graphql;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The query console a browser gets at {@code GET /graphql}: GraphiQL 2.4.7 on React 18.2.0 (UMD builds), read
 * from their webjars on the class path, with {@code console.js} (a fetcher that sends the session cookie, or the
 * key typed into GraphiQL's Headers tab, and speaks graphql-transport-ws for subscriptions on the same path).
 * Everything comes from this server: the page's Content-Security-Policy allows no other origin.
 */
final class GraphiQlConsole {
    /** Where the console's files are served, under the GraphQL path. */
    static final String ASSETS = "/console/";
    /** GraphiQL sets inline styles and embeds its fonts and icons as data: URLs. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";
    private static final String JS = "text/javascript; charset=utf-8";
    private static final String CSS = "text/css; charset=utf-8";
    private static final String WEBJARS = "/META-INF/resources/webjars/";

    private record Asset(String resource, String contentType) {
    }

    /** File name under {@link #ASSETS} -> class path resource. */
    private static final Map<String, Asset> FILES = Map.of(
            "graphiql.min.js", new Asset(WEBJARS + "graphiql/2.4.7/graphiql.min.js", JS),
            "graphiql.min.css", new Asset(WEBJARS + "graphiql/2.4.7/graphiql.min.css", CSS),
            "react.production.min.js", new Asset(WEBJARS + "react/18.2.0/umd/react.production.min.js", JS),
            "react-dom.production.min.js", new Asset(WEBJARS + "react-dom/18.2.0/umd/react-dom.production.min.js", JS),
            "console.js", new Asset("console/console.js", JS),
            "console.css", new Asset("console/console.css", CSS));

    private final byte[] page = read("console.html");
    private final Map<String, byte[]> loaded = new ConcurrentHashMap<>();

    /** The console page. */
    void sendPage(ServerResponse res) {
        res.header(HeaderNames.CONTENT_TYPE, "text/html; charset=utf-8");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.create("Content-Security-Policy"), CONTENT_SECURITY_POLICY);
        res.send(page);
    }

    /** One of the console's files by name, or 404. */
    void sendAsset(String name, ServerResponse res) {
        Asset asset = FILES.get(name);
        if (asset == null) {
            res.status(Status.NOT_FOUND_404).send("no console file '" + name + "'");
            return;
        }
        res.header(HeaderNames.CONTENT_TYPE, asset.contentType());
        res.header(HeaderNames.CACHE_CONTROL, "private, max-age=3600");
        res.send(loaded.computeIfAbsent(name, n -> read(asset.resource())));
    }

    private static byte[] read(String resource) {
        try (InputStream in = GraphiQlConsole.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

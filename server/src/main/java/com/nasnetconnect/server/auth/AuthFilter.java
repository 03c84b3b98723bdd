package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.security.AuditTrail;
import com.nasnetconnect.domain.security.AuthenticationFailedException;
import com.nasnetconnect.domain.security.Principal;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Helidon filter in front of the protected paths: {@code /graphql}, {@code /metrics} and every {@code /health}
 * path except liveness ({@code /health}, {@code /health/live}, which stay open and reveal nothing). Requests
 * without a valid API key or session get the uniform 401; the others carry their {@link Principal} in the
 * request context, read with {@link #principal(ServerRequest)}. Authorization (which role may do what) is the
 * domain services' job.
 *
 * <p>WebSocket upgrades pass through this filter too (Helidon 4.5 routes them). An upgrade to {@code /graphql}
 * without credentials is let through, because graphql-ws clients authenticate in {@code connection_init} (the
 * socket's listener enforces that); one that carries credentials (an Authorization header, or the session
 * cookie) must carry valid ones: a bad key, an ended session, or a session cookie sent from another site
 * (cross-site WebSocket hijacking) gets the uniform 401 at the upgrade.
 *
 * <p>Everything else (the Vaadin UI, its static files) passes: the UI protects itself with its login view.
 */
public final class AuthFilter implements Filter {
    /** The body of every refusal, whatever was wrong (GraphQL-shaped, useful to every client). */
    public static final String REFUSAL = "{\"errors\":[{\"message\":\"" + AuthenticationFailedException.MESSAGE + "\"}]}";

    private static final HeaderName SEC_WEBSOCKET_KEY = HeaderNames.create("Sec-WebSocket-Key");

    private final RequestAuthenticator authenticator;
    private final Predicate<String> protectedPath;
    private final AuditTrail refusals;

    public AuthFilter(RequestAuthenticator authenticator) {
        this(authenticator, AuthFilter::protectedByDefault);
    }

    public AuthFilter(RequestAuthenticator authenticator, Predicate<String> protectedPath) {
        this(authenticator, protectedPath, null);
    }

    /**
     * @param refusals where a 403 answered to an authenticated caller is audited (who, method and path, source),
     *                 one entry per request; null for nowhere
     */
    public AuthFilter(RequestAuthenticator authenticator, Predicate<String> protectedPath, AuditTrail refusals) {
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.protectedPath = Objects.requireNonNull(protectedPath, "protectedPath");
        this.refusals = refusals;
    }

    /** /graphql, /metrics, and /health/* other than liveness; with or without sub-paths. */
    public static boolean protectedByDefault(String path) {
        if (path.equals("/health") || path.equals("/health/") || path.equals("/health/live")) return false;
        return under(path, "/graphql") || under(path, "/metrics") || under(path, "/health");
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String path = normalize(req.path().path());
        if (!protectedPath.test(path)) {
            authenticator.authenticate(req.headers()).ifPresent(p -> req.context().register(p));
            chain.proceed();
            return;
        }
        if (isGraphQlUpgrade(path, req) && !authenticator.carriesCredentials(req.headers())) {
            chain.proceed(); // graphql-transport-ws: the client authenticates in connection_init
            return;
        }
        Optional<Principal> principal = authenticator.authenticate(req.headers());
        if (principal.isEmpty()) {
            refuse(res);
            return;
        }
        req.context().register(principal.get());
        // audited before the 403 leaves: a caller that reads the trail after its answer finds the refusal there
        res.beforeSend(() -> auditIfRefused(req, res, principal.get(), path));
        chain.proceed();
    }

    private void auditIfRefused(RoutingRequest req, RoutingResponse res, Principal who, String path) {
        if (refusals == null || res.status().code() != Status.FORBIDDEN_403.code()) return;
        try {
            refusals.accessDenied(who, req.prologue().method().text() + " " + path, req.remotePeer().host(), "HTTP 403");
        } catch (RuntimeException auditFailed) {
            System.getLogger(AuthFilter.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot audit a refused request", auditFailed);
        }
    }

    /** The authenticated principal of a request that passed this filter. */
    public static Optional<Principal> principal(ServerRequest req) {
        return req.context().get(Principal.class);
    }

    /** The uniform refusal: 401, a Bearer challenge, never cached, always the same body. */
    public static void refuse(ServerResponse res) {
        res.status(Status.UNAUTHORIZED_401);
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"nasnetconnect\"");
        res.header(HeaderNames.CACHE_CONTROL, "no-store");
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(REFUSAL);
    }

    /**
     * A WebSocket upgrade to /graphql. (Were it not a valid one, Helidon routes it as plain HTTP, where the GraphQL
     * service itself answers 401 without a principal.)
     */
    private static boolean isGraphQlUpgrade(String path, RoutingRequest req) {
        return under(path, "/graphql") && req.prologue().method() == Method.GET
                && req.headers().contains(SEC_WEBSOCKET_KEY)
                && req.headers().first(HeaderNames.UPGRADE).map(v -> v.strip().equalsIgnoreCase("websocket")).orElse(false);
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** Collapses "//" and resolves "." and ".." so "/x/../graphql" cannot slip past the prefix check. */
    static String normalize(String decodedPath) {
        String p = decodedPath == null || decodedPath.isEmpty() ? "/" : decodedPath;
        // the usual path ("/graphql") has nothing to collapse or resolve: returned as it is, without splitting
        if (p.length() > 1 && p.charAt(0) == '/' && p.charAt(p.length() - 1) != '/' && !p.contains("//") && !p.contains("/.")) return p;
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (String seg : p.split("/")) {
            if (seg.isEmpty() || seg.equals(".")) continue;
            if (seg.equals("..")) {
                parts.pollLast();
            } else {
                parts.addLast(seg);
            }
        }
        return "/" + String.join("/", parts);
    }
}

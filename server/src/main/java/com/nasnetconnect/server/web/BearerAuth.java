package com.nasnetconnect.server.web;

import com.nasnetconnect.domain.security.Principal;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Optional;
import java.util.function.Function;

/**
 * Checks {@code Authorization: Bearer <api key>}. Every refusal — no header, malformed, unknown, revoked,
 * expired — gets the same 401 and the same body, so a caller learns nothing about which part was wrong.
 */
public final class BearerAuth {
    public static final String REFUSAL = "{\"errors\":[{\"message\":\"authentication required\"}]}";
    private final Function<String, Optional<Principal>> keys;

    public BearerAuth(Function<String, Optional<Principal>> keys) {
        this.keys = keys;
    }

    /** The principal behind the request's bearer token, if valid. */
    public Optional<Principal> principal(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).trim())
                .filter(t -> !t.isEmpty() && t.length() <= 512)
                .flatMap(keys);
    }

    /** The principal, or empty after answering 401. */
    public Optional<Principal> require(ServerRequest req, ServerResponse res) {
        Optional<Principal> p = principal(req);
        if (p.isEmpty()) refuse(res);
        return p;
    }

    public static void refuse(ServerResponse res) {
        res.status(Status.UNAUTHORIZED_401);
        res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"nasnetconnect\"");
        res.header(HeaderNames.CONTENT_TYPE, "application/json");
        res.send(REFUSAL);
    }
}

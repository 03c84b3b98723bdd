package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.security.Principal;
import graphql.ExecutionResult;
import graphql.language.OperationDefinition;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * GraphQL over HTTP (graphql-over-http spec) at the path it is registered on, e.g. {@code /graphql}:
 * <ul>
 *   <li>POST with {@code Content-Type: application/json} body {@code {query, operationName?, variables?}};</li>
 *   <li>GET with {@code ?query=&operationName=&variables=} for queries only (a mutation over GET is 405);</li>
 *   <li>answers {@code application/graphql-response+json} or {@code application/json} as the Accept header
 *       asks (no Accept: {@code application/json}); with graphql-response+json a request that does not
 *       execute (syntax, validation, limits) is 400, with application/json it is 200 as the spec says;</li>
 *   <li>{@code Authorization: Bearer <api key>} is required (401 otherwise), a key is rate limited (429);</li>
 *   <li>a key pays for what it asks: a request whose {@link QueryCost} its budget cannot pay is 429 with
 *       {@code Retry-After} and an error with {@code extensions.code} {@code RATE_LIMITED}; executions run on a
 *       bounded pool of their own, per key and in total ({@link LoadLimits}), and a request that finds it full
 *       for a moment is 503 with {@code Retry-After} and {@code extensions.code} {@code BUSY};</li>
 *   <li>malformed requests get a 4xx with a spec-shaped {@code {"errors":[{"message":…}]}} body, never a
 *       stack trace;</li>
 *   <li>a browser GET with {@code Accept: text/html} and no query gets the query console ({@link GraphiQlConsole}),
 *       its files under {@code console/}.</li>
 * </ul>
 */
public final class GraphQlHttpService implements HttpService, AutoCloseable {
    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String JSON = "application/json";
    /** Jackson 2's defaults, as before the move to Jackson 3: content after a body's JSON is ignored, an emoji is answered as escaped UTF-16 halves. */
    private static final ObjectMapper MAPPER = JsonMapper.builderWithJackson2Defaults().build();

    private final GraphQlEngine engine;
    private final Function<String, Optional<Principal>> authenticator;
    private final RateLimiter rateLimiter;
    private final RateLimiter costBudget;
    private final ExecutionGate gate;
    private final GraphiQlConsole console = new GraphiQlConsole();

    /**
     * @param authenticator API key -> principal (empty for an unknown, revoked or expired key)
     * @param clock         time for rate limiting
     */
    public GraphQlHttpService(GraphQlEngine engine, Function<String, Optional<Principal>> authenticator, Clock clock) {
        this(engine, authenticator, clock, LoadLimits.defaults());
    }

    /** @param load cost budget per key and bounds on concurrent executions */
    public GraphQlHttpService(GraphQlEngine engine, Function<String, Optional<Principal>> authenticator, Clock clock,
                              LoadLimits load) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        Limits l = engine.limits();
        this.rateLimiter = new RateLimiter(l.requestsPerSecond(), l.burst(), clock);
        this.costBudget = new RateLimiter(load.costPerSecond(), load.costBurst(), clock);
        this.gate = new ExecutionGate(load.maxConcurrentPerKey(), load.maxConcurrent(), load.queueWait());
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get(GraphiQlConsole.ASSETS + "{file}", (req, res) -> console.sendAsset(req.path().pathParameters().get("file"), res))
                .get("/", this::get)
                .post("/", this::post)
                .any("/", this::methodNotAllowed);
    }

    private void get(ServerRequest req, ServerResponse res) {
        if (!req.query().contains("query") && wantsHtml(req)) {
            console.sendPage(res);
            return;
        }
        handle(req, res, () -> {
            String raw = req.query().rawValue();
            if (raw != null && raw.length() > engine.limits().maxRequestBytes()) {
                throw new Refusal(Status.REQUEST_URI_TOO_LONG_414, "query string longer than "
                        + engine.limits().maxRequestBytes() + " bytes");
            }
            String query = req.query().first("query").orElseThrow(() -> new Refusal(Status.BAD_REQUEST_400,
                    "missing 'query' parameter"));
            String op = req.query().first("operationName").orElse(null);
            Map<String, Object> variables = req.query().first("variables")
                    .map(v -> variables(parseJson(v, "variables"))).orElse(Map.of());
            if (GraphQlEngine.operationOf(query, op).filter(o -> o != OperationDefinition.Operation.QUERY).isPresent()) {
                throw new Refusal(Status.METHOD_NOT_ALLOWED_405, "only queries may be sent with GET; use POST")
                        .header("Allow", "POST");
            }
            return new GraphQlEngine.Request(query, op, variables);
        });
    }

    private void post(ServerRequest req, ServerResponse res) {
        handle(req, res, () -> {
            String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
            if (!contentType.toLowerCase(Locale.ROOT).split(";")[0].trim().equals(JSON)) {
                throw new Refusal(Status.UNSUPPORTED_MEDIA_TYPE_415,
                        "Content-Type must be application/json, was: '" + contentType + "'");
            }
            JsonNode body = parseJson(readBounded(req), "request body");
            if (!body.isObject()) throw new Refusal(Status.BAD_REQUEST_400, "request body must be a JSON object");
            JsonNode q = body.get("query");
            if (q == null || !q.isString()) throw new Refusal(Status.BAD_REQUEST_400, "'query' must be a string, was: " + q);
            JsonNode op = body.get("operationName");
            if (op != null && !op.isNull() && !op.isString()) {
                throw new Refusal(Status.BAD_REQUEST_400, "'operationName' must be a string, was: " + op);
            }
            JsonNode vars = body.get("variables");
            return new GraphQlEngine.Request(q.stringValue(), op == null || op.isNull() ? null : op.stringValue(),
                    vars == null || vars.isNull() ? Map.of() : variables(vars));
        });
    }

    private void methodNotAllowed(ServerRequest req, ServerResponse res) {
        res.header("Allow", "GET, POST");
        send(res, Status.METHOD_NOT_ALLOWED_405, JSON, errors("method " + req.prologue().method().text() + " not allowed; use GET or POST"));
    }

    private interface RequestReader {
        GraphQlEngine.Request read();
    }

    /** The common path: negotiate, authenticate, rate limit, read, execute, answer. */
    private void handle(ServerRequest req, ServerResponse res, RequestReader reader) {
        String mediaType = negotiate(req);
        if (mediaType == null) {
            send(res, Status.NOT_ACCEPTABLE_406, JSON, errors("Accept must allow " + GRAPHQL_RESPONSE + " or " + JSON
                    + ", was: '" + req.headers().first(HeaderNames.ACCEPT).orElse("") + "'"));
            return;
        }
        // The front door's authentication filter has usually resolved the caller already (API key, or the UI's
        // session cookie from the same origin); otherwise the API key is checked here.
        Optional<Principal> who = req.context().get(Principal.class).or(() -> bearer(req).flatMap(authenticator));
        if (who.isEmpty()) {
            res.header(HeaderNames.WWW_AUTHENTICATE, "Bearer");
            send(res, Status.UNAUTHORIZED_401, mediaType, errors("authentication failed"));
            return;
        }
        if (!rateLimiter.tryAcquire(who.get().name())) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(rateLimiter.retryAfterSeconds()));
            send(res, Status.TOO_MANY_REQUESTS_429, mediaType, errors("rate limit exceeded for '" + who.get().name()
                    + "': at most " + engine.limits().rateText() + (engine.limits().requestsPerSecond() == 1 ? " request" : " requests")
                    + " per second"));
            return;
        }
        GraphQlEngine.Request request;
        try {
            request = reader.read();
        } catch (Refusal r) {
            r.headers.forEach(res::header);
            send(res, r.status, mediaType, errors(r.getMessage()));
            return;
        }
        Principal caller = who.get();
        ExecutionResult result;
        try {
            result = gate.run(caller.name(), () -> engine.execute(request, caller, costBudget()));
        } catch (ExecutionGate.Busy busy) {
            res.header(HeaderNames.RETRY_AFTER, Long.toString(busy.retryAfterSeconds));
            send(res, Status.SERVICE_UNAVAILABLE_503, mediaType, errors(busy.getMessage(), "BUSY"));
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            send(res, Status.SERVICE_UNAVAILABLE_503, mediaType, errors("the server is shutting down", "BUSY"));
            return;
        }
        Optional<Object> retryAfter = result.getErrors().stream().map(e -> e.getExtensions())
                .filter(x -> x != null && GraphQlEngine.RATE_LIMITED.equals(x.get("code")))
                .map(x -> x.get("retryAfterSeconds")).findFirst();
        if (retryAfter.isPresent()) {
            res.header(HeaderNames.RETRY_AFTER, String.valueOf(retryAfter.get()));
            send(res, Status.TOO_MANY_REQUESTS_429, mediaType, result.toSpecification());
            return;
        }
        Status status = mediaType.equals(GRAPHQL_RESPONSE) && !result.isDataPresent() ? Status.BAD_REQUEST_400 : Status.OK_200;
        send(res, status, mediaType, result.toSpecification());
    }

    /** The per-key cost budget this service charges; WebSocket operations are charged to the same one. */
    GraphQlEngine.CostBudget costBudget() {
        return (p, cost) -> costBudget.take(p.name(), cost);
    }

    /** Stops the execution pool. */
    @Override
    public void close() {
        gate.close();
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** A request refused before execution, with its status. */
    private static final class Refusal extends RuntimeException {
        final Status status;
        final Map<String, String> headers = new LinkedHashMap<>();

        Refusal(Status status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        Refusal header(String name, String value) {
            headers.put(name, value);
            return this;
        }
    }

    private byte[] readBounded(ServerRequest req) {
        int max = engine.limits().maxRequestBytes();
        var length = req.headers().contentLength();
        if (length.isPresent() && length.getAsLong() > max) {
            throw new Refusal(Status.REQUEST_ENTITY_TOO_LARGE_413, "request body of " + length.getAsLong()
                    + " bytes is larger than the limit of " + max + " bytes");
        }
        try (InputStream in = req.content().inputStream()) {
            // a declared length is read into an array of that size (readNBytes(max + 1) grows buffers of 8 KiB,
            // and a declared length cannot be exceeded: Helidon ends the body there)
            byte[] bytes = length.isPresent() ? in.readNBytes((int) length.getAsLong()) : in.readNBytes(max + 1);
            if (bytes.length > max) {
                throw new Refusal(Status.REQUEST_ENTITY_TOO_LARGE_413, "request body is larger than the limit of " + max + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new Refusal(Status.BAD_REQUEST_400, "cannot read request body");
        }
    }

    private static JsonNode parseJson(byte[] utf8, String what) {
        try {
            return MAPPER.readTree(utf8);
        } catch (JacksonException e) {
            throw new Refusal(Status.BAD_REQUEST_400, what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static JsonNode parseJson(String text, String what) {
        try {
            return MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new Refusal(Status.BAD_REQUEST_400, what + " is not valid JSON: " + e.getOriginalMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(JsonNode node) {
        if (node.isNull()) return Map.of();
        if (!node.isObject()) throw new Refusal(Status.BAD_REQUEST_400, "'variables' must be a JSON object, was: " + node);
        return MAPPER.convertValue(node, Map.class);
    }

    /** The response media type per the Accept header, or null when neither is acceptable. */
    static String negotiate(ServerRequest req) {
        var accept = req.headers().first(HeaderNames.ACCEPT);
        if (accept.isEmpty() || accept.get().isBlank()) return JSON;
        String best = null;
        double bestQ = 0;
        for (String part : accept.get().split(",")) {
            String[] p = part.trim().split(";");
            String type = p[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < p.length; i++) {
                String param = p[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            String candidate = switch (type) {
                case GRAPHQL_RESPONSE -> GRAPHQL_RESPONSE;
                case JSON, "application/*", "*/*" -> JSON;
                default -> null;
            };
            if (candidate != null && q > 0 && (q > bestQ || (q == bestQ && candidate.equals(GRAPHQL_RESPONSE)))) {
                best = candidate;
                bestQ = q;
            }
        }
        return best;
    }

    private static boolean wantsHtml(ServerRequest req) {
        return req.headers().first(HeaderNames.ACCEPT).map(a -> a.contains("text/html")).orElse(false);
    }

    static Optional<String> bearer(ServerRequest req) {
        return req.headers().first(HeaderNames.AUTHORIZATION)
                .filter(h -> h.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(h -> h.substring(7).trim())
                .filter(t -> !t.isEmpty());
    }

    static Map<String, Object> errors(String message) {
        return Map.of("errors", List.of(Map.of("message", message)));
    }

    static Map<String, Object> errors(String message, String code) {
        return Map.of("errors", List.of(Map.of("message", message, "extensions", Map.of("code", code))));
    }

    private static void send(ServerResponse res, Status status, String mediaType, Object body) {
        byte[] bytes;
        try {
            bytes = MAPPER.writeValueAsBytes(body);
        } catch (JacksonException e) {
            status = Status.INTERNAL_SERVER_ERROR_500;
            bytes = "{\"errors\":[{\"message\":\"cannot encode response\"}]}".getBytes(StandardCharsets.UTF_8);
        }
        res.status(status);
        res.header(HeaderNames.CONTENT_TYPE, mediaType + "; charset=utf-8");
        res.send(bytes);
    }

}

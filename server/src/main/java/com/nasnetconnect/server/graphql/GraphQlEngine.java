package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.Secrets;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.AuditTrail;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.state.StateException;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.CoercedVariables;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The GraphQL engine: schema.graphql wired to the {@link GraphQlBackend}, with depth and cost limits that
 * refuse a query before any fetcher runs, and one place that maps exceptions to GraphQL errors (no stack
 * traces, no internal messages: an unexpected failure is logged with an id and answered with that id).
 * Transports ({@link GraphQlHttpService}, {@link GraphQlWebSocket}) and in-process callers share it.
 */
public final class GraphQlEngine {
    private static final Logger LOG = Logger.getLogger(GraphQlEngine.class.getName());

    private final GraphQL graphQL;
    private final GraphQLSchema schema;
    private final Limits limits;
    private final AuditTrail refusals;
    private final java.util.Set<String> sensitiveNames;
    private final DocumentCache documents = DocumentCache.defaults();
    private final Fetchers fetchers;

    public GraphQlEngine(SchemaDirectives directives, GraphQlBackend backend, Redactor redactor, Limits limits) {
        this(directives, backend, redactor, limits, null);
    }

    /** @param refusals where refused operations (403) are audited, once per request; null for nowhere */
    public GraphQlEngine(SchemaDirectives directives, GraphQlBackend backend, Redactor redactor, Limits limits,
                         AuditTrail refusals) {
        this(prepare(directives, CompletableFuture.completedFuture(backend), limits), redactor, limits, refusals);
    }

    /**
     * The schema made executable before the backend exists: the slow part of building an engine, so that start-up
     * can run it alongside the rest. Its fetchers wait for {@code backend}, which must be complete before the first
     * request.
     */
    public static final class Prepared {
        private final SchemaDirectives directives;
        private final GraphQLSchema plain;
        private final Fetchers fetchers;

        private Prepared(SchemaDirectives directives, GraphQLSchema plain, Fetchers fetchers) {
            this.directives = directives;
            this.plain = plain;
            this.fetchers = fetchers;
        }

        public SchemaDirectives directives() {
            return directives;
        }
    }

    public static Prepared prepare(SchemaDirectives directives, CompletableFuture<GraphQlBackend> backend, Limits limits) {
        Fetchers fetchers = new Fetchers(backend, limits.maxBufferedUpdates());
        return new Prepared(directives, GraphQlWiring.plain(directives, fetchers), fetchers);
    }

    /** @param refusals where refused operations (403) are audited, once per request; null for nowhere */
    public GraphQlEngine(Prepared prepared, Redactor redactor, Limits limits, AuditTrail refusals) {
        this.limits = limits;
        this.refusals = refusals;
        var names = new java.util.HashSet<String>();
        redactor.typesWithSecrets().forEach(t -> names.addAll(redactor.sensitiveFields(t)));
        this.sensitiveNames = java.util.Set.copyOf(names);
        this.fetchers = prepared.fetchers;
        this.schema = GraphQlWiring.secured(prepared.plain, prepared.directives, redactor);
        DataFetcherExceptionHandler errors = this::mapException;
        this.graphQL = GraphQL.newGraphQL(schema)
                .queryExecutionStrategy(new AsyncExecutionStrategy(errors))
                .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(errors))
                .subscriptionExecutionStrategy(new SubscriptionExecutionStrategy(errors))
                .preparsedDocumentProvider(documents)
                .instrumentation(new OperationLimits(limits.maxDepth(), limits.maxCost()))
                .build();
    }

    public GraphQLSchema schema() {
        return schema;
    }

    public Limits limits() {
        return limits;
    }

    /** One request as the GraphQL-over-HTTP spec and graphql-transport-ws carry it. */
    public record Request(String query, String operationName, Map<String, Object> variables) {
        public Request {
            variables = variables == null ? Map.of() : variables;
        }
    }

    /** Executes a request as {@code who}. Never throws for a bad request: errors are in the result. */
    public ExecutionResult execute(Request request, Principal who) {
        return graphQL.execute(input(request, who, null));
    }

    /**
     * Executes a request as {@code who} and, once it is valid and within the cost limit, charges its
     * {@link QueryCost} to {@code budget}; a refused charge ends it unexecuted with one error whose extensions
     * say {@code code: RATE_LIMITED} and {@code retryAfterSeconds}.
     */
    public ExecutionResult execute(Request request, Principal who, CostBudget budget) {
        return graphQL.execute(input(request, who, budget));
    }

    public CompletableFuture<ExecutionResult> executeAsync(Request request, Principal who) {
        return graphQL.executeAsync(input(request, who, null));
    }

    /** {@link #execute(Request, Principal, CostBudget)}, asynchronously (subscriptions over WebSocket). */
    public CompletableFuture<ExecutionResult> executeAsync(Request request, Principal who, CostBudget budget) {
        return graphQL.executeAsync(input(request, who, budget));
    }

    /** The {@link QueryCost} of a valid request, without executing it. */
    public int cost(Request request) {
        return QueryCost.of(schema, Parser.parse(request.query()), request.operationName(),
                CoercedVariables.of(request.variables()));
    }

    /** Pays for an operation: 0 when paid, otherwise the whole seconds until {@code who} could pay. */
    @FunctionalInterface
    public interface CostBudget {
        long charge(Principal who, int cost);
    }

    /** Extension {@code code} of an error that refused a request over its key's cost budget. */
    public static final String RATE_LIMITED = "RATE_LIMITED";

    private static final org.dataloader.DataLoaderRegistry EMPTY_LOADERS = org.dataloader.DataLoaderRegistry.newRegistry().build();

    /**
     * A document that may select a batched field ({@code ServiceInstance.policies}, {@code …resources}) names it in
     * its text; the others (most: {@code routers}, {@code resources} pages…) skip building the request's loaders.
     */
    private static boolean batched(String query) {
        return query != null && (query.contains("policies") || query.contains("resources"));
    }

    private ExecutionInput input(Request request, Principal who, CostBudget budget) {
        Map<Object, Object> context = new HashMap<>();
        context.put(Principal.class, who);
        context.put(RefusalAudited.class, new RefusalAudited());
        if (budget != null) context.put(CostBudget.class, budget);
        return ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .graphQLContext(context)
                .dataLoaderRegistry(batched(request.query()) ? fetchers.loaders(who) : EMPTY_LOADERS)
                .build();
    }

    /** The operation a document would run, or empty when it does not parse or names no such operation. */
    public static Optional<OperationDefinition.Operation> operationOf(String query, String operationName) {
        try {
            Document doc = Parser.parse(query);
            var ops = doc.getDefinitionsOfType(OperationDefinition.class);
            return ops.stream()
                    .filter(o -> operationName == null ? ops.size() == 1 : operationName.equals(o.getName()))
                    .map(OperationDefinition::getOperation).findFirst();
        } catch (InvalidSyntaxException e) {
            return Optional.empty();
        }
    }

    /** Set once the request's first refusal is audited: a request that is refused many fields is one entry. */
    private static final class RefusalAudited extends java.util.concurrent.atomic.AtomicBoolean {}

    private CompletableFuture<DataFetcherExceptionHandlerResult> mapException(
            graphql.execution.DataFetcherExceptionHandlerParameters p) {
        Throwable t = p.getException() instanceof java.util.concurrent.CompletionException ce && ce.getCause() != null
                ? ce.getCause() : p.getException();
        GraphqlErrorBuilder<?> b = GraphqlErrorBuilder.newError().path(p.getPath()).location(p.getSourceLocation());
        // the @sensitive values of this field's arguments never reach an error message or the log
        var secrets = new java.util.ArrayList<String>();
        if (p.getDataFetchingEnvironment() != null) collectSecrets(p.getDataFetchingEnvironment().getArguments(), secrets);
        GraphQLError error = switch (t) {
            case AccessDeniedException e -> {
                auditRefusal(p, e);
                yield b.message(Secrets.scrub(e.getMessage(), secrets)).extensions(Map.of("code", "FORBIDDEN")).build();
            }
            case StateException.Quarantined e -> b.message(Secrets.scrub(e.getMessage(), secrets)).extensions(Map.of("code", "QUARANTINED",
                    "routerId", e.database().routerId(), "since", e.database().at().toString())).build();
            case IllegalArgumentException e -> b.message(Secrets.scrub(String.valueOf(e.getMessage()), secrets))
                    .extensions(Map.of("code", "BAD_USER_INPUT")).build();
            default -> {
                String id = UUID.randomUUID().toString();
                LOG.log(Level.WARNING, "GraphQL fetcher failed at " + p.getPath() + " [error id " + id + "]", scrubbed(t, secrets));
                yield b.message("internal error (id " + id + ")").extensions(Map.of("code", "INTERNAL")).build();
            }
        };
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult().error(error).build());
    }

    /** The values of {@code @sensitive} fields (by name, at any depth) in a field's arguments. */
    private void collectSecrets(Object value, List<String> out) {
        switch (value) {
            case Map<?, ?> m -> m.forEach((k, v) -> {
                if (v instanceof String s && sensitiveNames.contains(String.valueOf(k))) out.add(s);
                else collectSecrets(v, out);
            });
            case List<?> l -> l.forEach(v -> collectSecrets(v, out));
            case null, default -> { }
        }
    }

    /** {@code t} for the log: when it may quote a secret, a copy whose messages are scrubbed (same stack). */
    private static Throwable scrubbed(Throwable t, List<String> secrets) {
        if (secrets.isEmpty()) return t;
        var copy = new RuntimeException(Secrets.scrub(t.toString(), secrets),
                t.getCause() == null ? null : scrubbed(t.getCause(), secrets));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Audits the request's first refused field, e.g. "GraphQL mutation a (createApiKey)", with the reason. */
    private void auditRefusal(graphql.execution.DataFetcherExceptionHandlerParameters p, AccessDeniedException e) {
        var env = p.getDataFetchingEnvironment();
        if (refusals == null || env == null) return;
        RefusalAudited audited = env.getGraphQlContext().get(RefusalAudited.class);
        Principal who = env.getGraphQlContext().get(Principal.class);
        if (who == null || audited == null || !audited.compareAndSet(false, true)) return;
        String path = p.getPath().toString().replaceFirst("^/", "");
        String field = env.getField().getName();
        String operation = env.getOperationDefinition() == null ? "operation"
                : env.getOperationDefinition().getOperation().name().toLowerCase(java.util.Locale.ROOT);
        try {
            refusals.accessDenied(who, "GraphQL " + operation + " " + path + (path.equals(field) ? "" : " (" + field + ")"),
                    "", e.getMessage());
        } catch (RuntimeException auditFailed) {
            LOG.log(Level.WARNING, "cannot audit a refused GraphQL operation", auditFailed);
        }
    }

    /**
     * Refuses, before any fetcher runs, an operation nested deeper than {@code maxDepth} or whose {@link QueryCost} is
     * above {@code maxCost}, and charges the caller's budget (when the transport gave one) for the others.
     *
     * <p>An introspection query (only {@code __schema}, {@code __type} and {@code __typename} at its root, as GraphiQL
     * and other tools send, type references nested 13 deep) is exempt from the depth limit: graphql-java's good-faith
     * introspection check bounds those. The depth is counted as graphql-java's {@code MaxQueryDepthInstrumentation}
     * counts it (a root field is depth 1).
     *
     * <p>One instrumentation, not a chain of two: graphql-java then skips its per-field instrumentation calls. Depth
     * and cost of an operation without variables depend only on its document, so they are measured once per document
     * ({@link DocumentCache} hands out the same document for the same text) and remembered while it is in use.
     */
    static final class OperationLimits extends SimplePerformantInstrumentation {
        private final int maxDepth;
        private final int maxCost;
        /** Document (by identity, weakly) -> operation name ("" for the only one) -> its measure. */
        private final com.github.benmanes.caffeine.cache.Cache<Document, java.util.concurrent.ConcurrentHashMap<String, Measure>> measured =
                com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().maximumSize(1_000).build();

        OperationLimits(int maxDepth, int maxCost) {
            this.maxDepth = maxDepth;
            this.maxCost = maxCost;
        }

        record Measure(int depth, int cost) {
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                             InstrumentationState state) {
            var ec = parameters.getExecutionContext();
            Measure m = measure(ec);
            if (m.depth() > maxDepth && !introspectionOnly(ec.getOperationDefinition())) {
                throw new AbortExecutionException("query too deep: depth " + m.depth() + " exceeds the limit of " + maxDepth);
            }
            if (m.cost() > maxCost) {
                throw new AbortExecutionException("query too costly: estimated cost " + m.cost() + " exceeds the limit of " + maxCost
                        + " (time travel, events and impact cost 25 each, other fields 1; a connection's fields count"
                        + " once per requested item, an alias once per use)");
            }
            CostBudget budget = ec.getGraphQLContext().get(CostBudget.class);
            Principal who = ec.getGraphQLContext().get(Principal.class);
            long wait = budget == null ? 0 : budget.charge(who, m.cost());
            if (wait > 0) {
                throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                        .message("rate limit exceeded for '" + who.name() + "': this request costs " + m.cost()
                                + "; try again in " + wait + " s")
                        .extensions(Map.of("code", RATE_LIMITED, "cost", m.cost(), "retryAfterSeconds", wait)).build()));
            }
            return SimpleInstrumentationContext.noOp();
        }

        private Measure measure(graphql.execution.ExecutionContext ec) {
            if (!ec.getCoercedVariables().toMap().isEmpty()) return measureNow(ec);
            String operation = java.util.Objects.requireNonNullElse(ec.getExecutionInput().getOperationName(), "");
            return measured.get(ec.getDocument(), d -> new java.util.concurrent.ConcurrentHashMap<>())
                    .computeIfAbsent(operation, o -> measureNow(ec));
        }

        private static Measure measureNow(graphql.execution.ExecutionContext ec) {
            String operation = ec.getExecutionInput().getOperationName();
            int depth = graphql.analysis.QueryTraverser.newQueryTraverser().schema(ec.getGraphQLSchema())
                    .document(ec.getDocument()).operationName(operation).coercedVariables(ec.getCoercedVariables()).build()
                    .reducePreOrder((field, deepest) -> Math.max(pathLength(field.getParentEnvironment()), deepest), 0);
            int cost = QueryCost.of(ec.getGraphQLSchema(), ec.getDocument(), operation, ec.getCoercedVariables());
            return new Measure(depth, cost);
        }

        /** 1 + the fields above: a root field's parent is null, so a root field is depth 1. */
        private static int pathLength(graphql.analysis.QueryVisitorFieldEnvironment parent) {
            int length = 1;
            for (var p = parent; p != null; p = p.getParentEnvironment()) length++;
            return length;
        }

        private static boolean introspectionOnly(OperationDefinition operation) {
            return operation.getSelectionSet().getSelections().stream()
                    .allMatch(s -> s instanceof graphql.language.Field f && f.getName().startsWith("__"));
        }
    }
}

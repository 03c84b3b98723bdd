package com.nasnetconnect.server.graphql;

import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.AuditTrail;
import com.nasnetconnect.domain.security.Principal;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.AsyncExecutionStrategy;
import graphql.execution.AsyncSerialExecutionStrategy;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.DataFetcherExceptionHandlerResult;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
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

    public GraphQlEngine(SchemaDirectives directives, GraphQlBackend backend, Redactor redactor, Limits limits) {
        this(directives, backend, redactor, limits, null);
    }

    /** @param refusals where refused operations (403) are audited, once per request; null for nowhere */
    public GraphQlEngine(SchemaDirectives directives, GraphQlBackend backend, Redactor redactor, Limits limits,
                         AuditTrail refusals) {
        this.limits = limits;
        this.refusals = refusals;
        this.schema = GraphQlWiring.schema(directives, new Fetchers(backend, redactor, limits.maxBufferedUpdates()), redactor);
        DataFetcherExceptionHandler errors = this::mapException;
        this.graphQL = GraphQL.newGraphQL(schema)
                .queryExecutionStrategy(new AsyncExecutionStrategy(errors))
                .mutationExecutionStrategy(new AsyncSerialExecutionStrategy(errors))
                .subscriptionExecutionStrategy(new SubscriptionExecutionStrategy(errors))
                .instrumentation(new ChainedInstrumentation(List.of(
                        new DepthLimit(limits.maxDepth()), new CostLimit(limits.maxCost()))))
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
        return graphQL.execute(input(request, who));
    }

    public CompletableFuture<ExecutionResult> executeAsync(Request request, Principal who) {
        return graphQL.executeAsync(input(request, who));
    }

    private static ExecutionInput input(Request request, Principal who) {
        return ExecutionInput.newExecutionInput()
                .query(request.query())
                .operationName(request.operationName())
                .variables(request.variables())
                .graphQLContext(Map.of(Principal.class, who, RefusalAudited.class, new RefusalAudited()))
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
        GraphQLError error = switch (t) {
            case AccessDeniedException e -> {
                auditRefusal(p, e);
                yield b.message(e.getMessage()).extensions(Map.of("code", "FORBIDDEN")).build();
            }
            case IllegalArgumentException e -> b.message(String.valueOf(e.getMessage()))
                    .extensions(Map.of("code", "BAD_USER_INPUT")).build();
            default -> {
                String id = UUID.randomUUID().toString();
                LOG.log(Level.WARNING, "GraphQL fetcher failed at " + p.getPath() + " [error id " + id + "]", t);
                yield b.message("internal error (id " + id + ")").extensions(Map.of("code", "INTERNAL")).build();
            }
        };
        return CompletableFuture.completedFuture(DataFetcherExceptionHandlerResult.newResult().error(error).build());
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

    /** Refuses a query nested deeper than the limit, before execution. */
    private static final class DepthLimit extends MaxQueryDepthInstrumentation {
        DepthLimit(int max) {
            super(max);
        }

        @Override
        protected AbortExecutionException mkAbortException(int depth, int max) {
            return new AbortExecutionException("query too deep: depth " + depth + " exceeds the limit of " + max);
        }
    }

    /** Refuses a query whose estimated cost is above the limit, before execution. */
    private static final class CostLimit extends MaxQueryComplexityInstrumentation {
        CostLimit(int max) {
            super(max, COST);
        }

        @Override
        protected AbortExecutionException mkAbortException(int cost, int max) {
            return new AbortExecutionException("query too costly: estimated cost " + cost + " exceeds the limit of " + max
                    + " (each field costs 1; a connection's fields count once per requested item)");
        }
    }

    /** 1 per field; the children of a field with a {@code first} argument count {@code first} times. */
    static final FieldComplexityCalculator COST = (env, childCost) -> {
        Object first = env.getArguments().get("first");
        int times = first instanceof Integer n && n > 0 ? n : 1;
        long cost = 1L + (long) childCost * times;
        return (int) Math.min(Integer.MAX_VALUE, cost);
    };
}

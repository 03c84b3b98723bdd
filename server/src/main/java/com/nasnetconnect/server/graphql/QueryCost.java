package com.nasnetconnect.server.graphql;

import static java.util.Map.entry;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import java.util.Map;

/**
 * The estimated cost of a GraphQL operation, in units of about one field read from memory. A field costs its
 * {@link #WEIGHTS weight} (1 when not listed) plus the cost of its selections, and the selections of a field
 * with a {@code first} argument (its default included) count {@code first} times. Aliases count every time:
 * {@code a: resourceAt(…) b: resourceAt(…)} costs two time travels.
 *
 * <p>The weights follow what the fields do: a time travel replays a resource's event history from its router
 * database, {@code events} reads the whole window of a router's event log, {@code impact} walks the dependency
 * graph; a mutation that changes a router talks to it over the network. The cost is checked against
 * {@link Limits#maxCost()} for one operation and charged to the key's {@link LoadLimits cost budget}.
 */
final class QueryCost {
    /** {@code Type.field} -> weight; any other field costs 1. */
    static final Map<String, Integer> WEIGHTS = Map.ofEntries(
            entry("Query.resourceAt", 25),
            entry("Query.events", 25),
            entry("Query.impact", 25),
            entry("Query.resources", 5),
            entry("Query.resource", 3),
            entry("Query.router", 2),
            entry("Query.routers", 2),
            entry("Query.apiKeys", 2),
            entry("Query.serviceInstances", 5),
            // a page of the event log merges up to three tiers' pages; the storage counts rows of each tier
            entry("Query.eventLog", 25),
            entry("Query.eventStorage", 10),
            entry("Mutation.adoptRouter", 100),
            entry("Mutation.applyPlan", 100),
            // a service's install reads the router and applies a plan of about 20 objects; its uninstall removes them
            entry("Mutation.installService", 100),
            entry("Mutation.uninstallService", 100),
            entry("Mutation.addRouter", 20),
            entry("Mutation.removeRouter", 20),
            entry("Mutation.deleteResource", 50),
            entry("Mutation.revealSecret", 5),
            entry("Mutation.createApiKey", 10),
            entry("Mutation.revokeApiKey", 5),
            // a check fetches a few small files from the update repository; an apply downloads a release
            entry("Mutation.checkForUpdates", 20),
            entry("Mutation.applyUpdate", 100),
            entry("Subscription.resourceChanged", 10),
            entry("Subscription.serviceInstanceChanged", 10),
            entry("Subscription.routerStatus", 10),
            entry("Subscription.events", 10));
    /** A mutation not listed above (create and update of a resource: an apply-confirm-merge on the router). */
    static final int OTHER_MUTATION = 50;

    private QueryCost() {
    }

    static int weight(String type, String field) {
        Integer w = WEIGHTS.get(type + "." + field);
        if (w != null) return w;
        return type.equals("Mutation") ? OTHER_MUTATION : 1;
    }

    static final FieldComplexityCalculator CALCULATOR = (env, childCost) -> {
        Object first = env.getArguments().get("first");
        int times = first instanceof Integer n && n > 0 ? n : 1;
        long cost = weight(env.getParentType().getName(), env.getField().getName()) + (long) childCost * times;
        return (int) Math.min(Integer.MAX_VALUE, cost);
    };

    /** The cost of the named operation (null: the only one) of a valid document. */
    static int of(GraphQLSchema schema, Document document, String operationName, CoercedVariables variables) {
        return QueryComplexityCalculator.newCalculator()
                .schema(schema)
                .document(document)
                .operationName(operationName)
                .variables(variables)
                .fieldComplexityCalculator(CALCULATOR)
                .build()
                .calculate();
    }
}

/**
 * The GraphQL front door, schema first: {@code /schema.graphql} (repository root, packaged at the classpath
 * root) is read by {@link com.nasnetconnect.server.graphql.SchemaDirectives} for the engine; what its directives
 * say ({@code ValidationRules}, {@code PlatformFieldMap}, sensitive fields) was generated from the same file at
 * build time ({@code SchemaTables}).
 * {@link com.nasnetconnect.server.graphql.GraphQlEngine} wires it (one table in {@code GraphQlWiring}) to a
 * {@link com.nasnetconnect.server.graphql.GraphQlBackend}; {@code backend.DomainGraphQlBackend}
 * is the implementation over the domain's in-ports (never an out-port: {@code DependencyRuleTest}). Transports: {@link com.nasnetconnect.server.graphql.GraphQlHttpService}
 * (GraphQL over HTTP, query console) and {@link com.nasnetconnect.server.graphql.GraphQlWebSocket}
 * (graphql-transport-ws). {@link com.nasnetconnect.server.graphql.GraphQlEndpoint} builds all of it:
 * <pre>{@code
 * SchemaDirectives schema = SchemaDirectives.fromClasspath();
 * var backend = new backend.DomainGraphQlBackend(routerRegistration, resourceQueries, resourceChanges, routerMonitor,
 *         apiKeys, clock);   // see Wiring
 * var graphql = new GraphQlEndpoint(schema, backend, new AuditedSecretReveals(auditLog), apiKeyService::authenticate,
 *         clock, Limits.defaults());
 * WebServer.builder().routing(graphql::routing).addRouting(graphql.wsRouting());
 * }</pre>
 */
package com.nasnetconnect.server.graphql;

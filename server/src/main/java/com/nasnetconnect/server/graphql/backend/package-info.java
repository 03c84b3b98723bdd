/**
 * The GraphQL API over the real domain: {@link com.nasnetconnect.server.graphql.backend.DomainGraphQlBackend}
 * implements {@link com.nasnetconnect.server.graphql.GraphQlBackend} over routers, resource state, the event log,
 * impact analysis, apply-confirm-merge and adopt; {@code GraphQlMapper} is the one place that turns domain values
 * into the schema's generated types; {@link com.nasnetconnect.server.graphql.backend.SchemaFieldMapping} gives
 * the apply services the schema's {@code @mikrotik} field table.
 *
 * <p>Wiring (composition root), after the router repository, gateway, monitor and security are built:
 * <pre>{@code
 * SchemaDirectives schema = SchemaDirectives.fromClasspath();
 * SqliteResourceStore store = new SqliteResourceStore(databases);
 * ResourceEventBus bus = new ResourceEventBus();
 * ResourceKindSpecs specs = ResourceKindSpecs.defaults(new SchemaFieldMapping(schema));
 * BasicSchemaRules rules = new BasicSchemaRules(specs);
 * StateApplyLedger ledger = new StateApplyLedger(store, bus, specs, clock);
 * ApplyConfirmMergeService apply = new ApplyConfirmMergeService(gateway, ledger, specs, rules,
 *         new PreferSafeModeGuard(gateway, specs, Duration.ofSeconds(30)), clock);
 * AdoptService adopt = new AdoptService(gateway, ledger, specs, rules, clock);
 * ResourceService resources = new ResourceService(store, bus, clock);
 * DomainGraphQlBackend backend = app.own(new DomainGraphQlBackend(routers, monitor, gateway, resources, store, store,
 *         bus, apply, adopt, clock));
 * Redactor redactor = new Redactor(schema.sensitiveFields(), (who, subject, field, reason, at) ->
 *         security.services().audit().record(AuditAction.SECRET_REVEALED, who, subject + " " + field, "graphql", reason), clock);
 * GraphQlEngine graphQl = new GraphQlEngine(schema, backend, redactor, Limits.defaults());
 * GraphQlHttpService graphQlHttp = new GraphQlHttpService(graphQl, security.services().apiKeys()::authenticate, clock);
 * GraphQlWebSocket graphQlWs = app.own(new GraphQlWebSocket(graphQl, security.services().apiKeys()::authenticate, clock));
 * // FrontDoor(..., security::addFilters, graphQlHttp, graphQlWs::newListener, vaadin.uri(), ...)
 * }</pre>
 */
package com.nasnetconnect.server.graphql.backend;

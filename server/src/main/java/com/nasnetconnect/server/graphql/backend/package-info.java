/**
 * The GraphQL API over the real domain: {@link com.nasnetconnect.server.graphql.backend.DomainGraphQlBackend}
 * implements {@link com.nasnetconnect.server.graphql.GraphQlBackend} over routers, resource state, the event log,
 * impact analysis, apply-confirm-merge and adopt; {@code GraphQlMapper} is the one place that turns domain values
 * into the schema's generated types (and typed inputs into the apply services' router-ready text).
 *
 * <p>Wiring (composition root), with the state, apply and adopt services built as in {@code Wiring}:
 * <pre>{@code
 * DomainGraphQlBackend backend = app.own(new DomainGraphQlBackend(routers, monitor, gateway,
 *         new ResourceService(store, bus, clock), store, store, bus, apply, adopt, apiKeys, clock,
 *         new ResourceChanges(apply, routers, store, bus)));
 * GraphQlEndpoint graphQl = app.own(new GraphQlEndpoint(schema, backend, reveals,
 *         token -> security.services().apiKeys().authenticate(token), clock, Limits.defaults()));
 * // FrontDoor(..., security::addFilters, graphQl::routing, graphQl.wsListeners(), vaadin.uri(), ...)
 * }</pre>
 */
package com.nasnetconnect.server.graphql.backend;

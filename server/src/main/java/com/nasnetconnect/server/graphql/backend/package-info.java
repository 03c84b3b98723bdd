/**
 * The GraphQL API over the real domain: {@link com.nasnetconnect.server.graphql.backend.DomainGraphQlBackend}
 * implements {@link com.nasnetconnect.server.graphql.GraphQlBackend} over the domain's in-ports (the same ones the
 * UI calls: {@code RouterRegistration}, {@code ResourceQueries}, {@code ResourceChanges}), never an out-port;
 * {@code GraphQlMapper} is the one place that turns domain values into the schema's generated types (and typed
 * inputs into configuration fields).
 *
 * <p>Wiring (composition root), with the state, apply and adopt services built as in {@code Wiring}:
 * <pre>{@code
 * ResourceLocator locator = app.own(new ResourceLocator(routers, store, bus));
 * DomainGraphQlBackend backend = new DomainGraphQlBackend(
 *         new RouterRegistration(routers, gateway, monitor, adopt, specs, store, clock),
 *         new ResourceQueries(routers, store, store, locator, bus),
 *         new ResourceChanges(apply, routers, store, bus, locator), monitor, apiKeys, clock);
 * GraphQlEndpoint graphQl = app.own(new GraphQlEndpoint(schema, backend, reveals,
 *         token -> security.services().apiKeys().authenticate(token), clock, Limits.defaults()));
 * // FrontDoor(..., security::addFilters, graphQl::routing, graphQl.wsListeners(), vaadin.uri(), ...)
 * }</pre>
 */
package com.nasnetconnect.server.graphql.backend;

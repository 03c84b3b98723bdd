package com.nasnetconnect.domain.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a domain interface as an out-port: what the domain needs from the outside world (a store, a router, a
 * cipher, an audit sink), implemented by an adapter or by another domain service. Only domain services and the
 * composition root may use one; the GraphQL adapter, the web handlers and the UI reach the domain through
 * in-ports (the services that check roles), never through an out-port. {@code DependencyRuleTest} enforces it.
 *
 * <p>Every new out-port interface carries this annotation, and {@code DependencyRuleTest} fails when an adapter
 * implements a domain interface without it. Not out-ports: the interfaces adapters call (in-ports such as
 * {@code RouterStatusFeed}, {@code ApiKeys}, {@code Sessions}, {@code Authenticator}, {@code UserAdministration},
 * {@code AuditTrail}), and the strategies the domain implements for itself and nobody outside sees
 * ({@code LinkLossGuard}, {@code SchemaRules}, {@code FieldMapping}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OutPort {
}

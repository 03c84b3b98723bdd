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
 * <p>Every new out-port interface carries this annotation; an interface the adapters call (an in-port such as
 * {@code RouterStatusFeed} or {@code ApiKeys}) does not.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OutPort {
}

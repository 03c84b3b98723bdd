package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.List;
import java.util.Optional;

/**
 * Which RouterOS attribute holds which domain field, per resource kind. The one seam through which the
 * field table is read; the table itself is generated from the schema's {@code @mikrotik} directives
 * ({@code SchemaFieldMapping.generated()}).
 */
public interface FieldMapping {

    /**
     * This mapping as a router of the given RouterOS version names its attributes (some were renamed between
     * versions); the same mapping when nothing differs.
     */
    default FieldMapping on(String routerVersion) {
        return this;
    }

    /** The bindings of a kind in the order fields are sent to the router; empty if the kind is unknown. */
    List<FieldBinding> bindings(ResourceKind kind);

    default Optional<FieldBinding> byDomainField(ResourceKind kind, String domainField) {
        return bindings(kind).stream().filter(b -> b.domainField().equals(domainField)).findFirst();
    }

    default Optional<FieldBinding> byRouterAttribute(ResourceKind kind, String routerAttribute) {
        return bindings(kind).stream().filter(b -> b.routerAttribute().equals(routerAttribute)).findFirst();
    }

    /** The RouterOS attribute of a domain field; throws naming both if the field is not mapped. */
    default String attribute(ResourceKind kind, String domainField) {
        return byDomainField(kind, domainField).map(FieldBinding::routerAttribute).orElseThrow(
                () -> new IllegalArgumentException(kind + " has no field '" + domainField + "'"));
    }
}

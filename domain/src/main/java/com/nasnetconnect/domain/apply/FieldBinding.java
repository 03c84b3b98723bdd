package com.nasnetconnect.domain.apply;

import java.util.Objects;

/**
 * One domain field of a resource kind and the RouterOS attribute that holds it, e.g. {@code vlanId} and
 * {@code vlan-id}. {@code secret} marks values that must never appear in messages (private keys, passwords).
 */
public record FieldBinding(String domainField, String routerAttribute, boolean secret) {
    public FieldBinding {
        Objects.requireNonNull(domainField, "domainField");
        Objects.requireNonNull(routerAttribute, "routerAttribute");
        if (domainField.isBlank() || routerAttribute.isBlank()) {
            throw new IllegalArgumentException("blank field binding: '" + domainField + "' -> '" + routerAttribute + "'");
        }
    }

    public static FieldBinding of(String domainField, String routerAttribute) {
        return new FieldBinding(domainField, routerAttribute, false);
    }
}

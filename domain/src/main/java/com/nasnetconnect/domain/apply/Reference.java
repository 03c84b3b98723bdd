package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A domain field whose value names another object, e.g. {@code IP_ADDRESS.interface} names a VLAN or bridge.
 * The target is found among managed resources of {@code targets} by their {@code targetField}, or, when
 * {@code routerMenu} is present, among objects already on the router (e.g. {@code ether1} in {@code /interface}).
 * A reference makes the referring resource depend on the referred one: it is applied after it.
 *
 * @param builtins values that always exist without being listed anywhere (e.g. routing table {@code main})
 */
public record Reference(String field, Set<ResourceKind> targets, String targetField, Optional<String> routerMenu,
                        Set<String> builtins) {
    public Reference {
        Objects.requireNonNull(field, "field");
        targets = Set.copyOf(targets);
        Objects.requireNonNull(targetField, "targetField");
        Objects.requireNonNull(routerMenu, "routerMenu");
        builtins = Set.copyOf(builtins);
    }
}

package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What NasNetConnect knows about one resource kind on RouterOS.
 *
 * @param menu            the RouterOS menu, e.g. {@code /interface/vlan}
 * @param identity        domain fields that together identify one object on the router (its natural key);
 *                        used to find an object without its {@code .id} (adopt, revert scripts, conflicts)
 * @param required        domain fields a configuration must have
 * @param unique          domain fields whose value must be unique per router (e.g. a VLAN's {@code name})
 * @param references      fields naming other resources: they give the dependency order
 * @param generated       router attributes the router fills in itself (read back into the deployment layer,
 *                        never sent), e.g. {@code public-key}, {@code mac-address}
 * @param requiredPackage a RouterOS package the kind needs (platform capability), e.g. {@code container}
 * @param applyRank       tie-breaker for ordering kinds with no reference between them (lower first)
 */
public record ResourceKindSpec(ResourceKind kind, String menu, List<String> identity, List<String> required,
                               List<String> unique, List<Reference> references, Set<String> generated,
                               Optional<String> requiredPackage, int applyRank) {
    public ResourceKindSpec {
        Objects.requireNonNull(kind, "kind");
        if (!menu.startsWith("/")) throw new IllegalArgumentException("menu must start with '/': " + menu);
        identity = List.copyOf(identity);
        required = List.copyOf(required);
        unique = List.copyOf(unique);
        references = List.copyOf(references);
        generated = Set.copyOf(generated);
        Objects.requireNonNull(requiredPackage, "requiredPackage");
        if (identity.isEmpty()) throw new IllegalArgumentException(kind + " needs at least one identity field");
    }

    public String path(String verb) {
        return menu + "/" + verb;
    }
}

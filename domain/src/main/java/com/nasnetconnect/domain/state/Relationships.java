package com.nasnetconnect.domain.state;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Layer 7: {@code dependsOn} is what this resource needs (a VLAN needs its bridge or interface; an IP address
 * its interface); it is stored. {@code dependents} is the reverse, derived by the store from every other
 * resource's {@code dependsOn} when reading; a value given on write is ignored.
 */
public record Relationships(Set<ResourceId> dependsOn, Set<ResourceId> dependents) {
    public static final Relationships NONE = new Relationships(Set.of(), Set.of());

    public Relationships {
        dependsOn = Collections.unmodifiableSet(new LinkedHashSet<>(dependsOn));
        dependents = Collections.unmodifiableSet(new LinkedHashSet<>(dependents));
    }

    public static Relationships dependsOn(ResourceId... ids) {
        return new Relationships(new LinkedHashSet<>(java.util.List.of(ids)), Set.of());
    }
}

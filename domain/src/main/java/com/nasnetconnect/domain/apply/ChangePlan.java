package com.nasnetconnect.domain.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A change set applied as one unit: all of it reaches the router and the store, or none of it does.
 * The order given does not matter; the plan is reordered by dependencies. Each resource appears once.
 *
 * @param appliedBy who asked (user name or API key name), recorded in the deployment layer and the event
 */
public record ChangePlan(List<Change> changes, String appliedBy) {
    public ChangePlan {
        changes = List.copyOf(changes);
        Objects.requireNonNull(appliedBy, "appliedBy");
        if (changes.isEmpty()) throw new IllegalArgumentException("change plan is empty");
        var seen = new HashSet<String>();
        for (Change c : changes) {
            if (!seen.add(c.resourceId())) {
                throw new IllegalArgumentException("resource appears twice in one plan: " + c.resourceId());
            }
        }
    }

    public static ChangePlan of(String appliedBy, Change... changes) {
        return new ChangePlan(List.of(changes), appliedBy);
    }
}

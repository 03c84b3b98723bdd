package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.router.RouterId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Objects;

/**
 * Answers "what breaks if I delete X" by walking dependents breadth-first. Cycles are fine: each resource is
 * listed once, at its smallest depth, and the target itself is never listed.
 */
public final class ImpactAnalysis {
    private final ResourceStore store;

    public ImpactAnalysis(ResourceStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** @throws StateException.NotFound when the target does not exist */
    public Impact ofDeleting(RouterId router, ResourceId target) {
        if (store.find(router, target).isEmpty()) {
            throw new StateException.NotFound("no resource " + target + " on router " + router);
        }
        var seen = new HashSet<ResourceId>();
        seen.add(target);
        var out = new ArrayList<ImpactedResource>();
        record Step(ResourceId id, int depth) {}
        var queue = new ArrayDeque<Step>();
        queue.add(new Step(target, 0));
        while (!queue.isEmpty()) {
            Step s = queue.poll();
            for (ResourceId d : store.dependents(router, s.id())) {
                if (!seen.add(d)) continue;
                var r = store.find(router, d);
                if (r.isEmpty()) continue; // deleted concurrently
                out.add(new ImpactedResource(d, r.get().kind(), r.get().displayName(), s.depth() + 1, s.id()));
                queue.add(new Step(d, s.depth() + 1));
            }
        }
        return new Impact(target, out);
    }
}

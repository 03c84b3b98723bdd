package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.RouterId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** In-memory {@link ApplyLedger}: a map per router, replaced wholesale per commit (all or nothing). */
final class FakeLedger implements ApplyLedger {
    final Map<RouterId, Map<String, ManagedResource>> data = new LinkedHashMap<>();
    final List<DriftReport> drift = new ArrayList<>();
    final List<List<MergedChange>> commits = new ArrayList<>();
    RuntimeException failNextCommit;

    @Override
    public List<ManagedResource> resources(RouterId router) {
        return List.copyOf(data.getOrDefault(router, Map.of()).values());
    }

    @Override
    public void commit(RouterId router, List<MergedChange> changes) {
        if (failNextCommit != null) {
            var e = failNextCommit;
            failNextCommit = null;
            throw e;
        }
        var copy = new LinkedHashMap<>(data.getOrDefault(router, Map.of()));
        for (MergedChange c : changes) {
            if (c.change() == MergedChange.Kind.DELETED) copy.remove(c.resource().id());
            else copy.put(c.resource().id(), new ManagedResource(c.resource(), c.deployment()));
        }
        data.put(router, copy);
        commits.add(changes);
    }

    void put(RouterId router, DesiredResource r, Optional<Confirmation> d) {
        data.computeIfAbsent(router, k -> new LinkedHashMap<>()).put(r.id(), new ManagedResource(r, d));
    }

    @Override
    public void recordDrift(RouterId router, List<DriftReport> drifts) {
        drift.addAll(drifts);
    }
}

package com.nasnetconnect.routeros.apply;

import com.nasnetconnect.domain.apply.ApplyLedger;
import com.nasnetconnect.domain.apply.DriftReport;
import com.nasnetconnect.domain.apply.ManagedResource;
import com.nasnetconnect.domain.apply.MergedChange;
import com.nasnetconnect.domain.router.RouterId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Minimal in-memory ledger for wire smoke tests. */
final class MemoryLedger implements ApplyLedger {
    final Map<RouterId, Map<String, ManagedResource>> data = new LinkedHashMap<>();
    final List<DriftReport> drift = new ArrayList<>();

    @Override
    public synchronized List<ManagedResource> resources(RouterId router) {
        return List.copyOf(data.getOrDefault(router, Map.of()).values());
    }

    @Override
    public synchronized void commit(RouterId router, List<MergedChange> changes) {
        var copy = new LinkedHashMap<>(data.getOrDefault(router, Map.of()));
        for (MergedChange c : changes) {
            if (c.change() == MergedChange.Kind.DELETED) copy.remove(c.resource().id());
            else copy.put(c.resource().id(), new ManagedResource(c.resource(), c.deployment()));
        }
        data.put(router, copy);
    }

    @Override
    public synchronized void recordDrift(RouterId router, List<DriftReport> drifts) {
        drift.addAll(drifts);
    }
}

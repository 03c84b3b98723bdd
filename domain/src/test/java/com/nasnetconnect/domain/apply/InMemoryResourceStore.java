package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Page;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceChange;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceStore;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.domain.state.TelemetrySample;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Test double of the state store: version checks and all-or-nothing commits, in memory. */
public final class InMemoryResourceStore implements ResourceStore {
    final Map<RouterId, Map<ResourceId, Resource>> rows = new LinkedHashMap<>();
    final List<ResourceEvent> events = new ArrayList<>();

    @Override
    public synchronized Optional<Resource> find(RouterId router, ResourceId id) {
        return Optional.ofNullable(rows.getOrDefault(router, Map.of()).get(id));
    }

    @Override
    public synchronized Optional<Resource> findByNativeId(RouterId router, ResourceKind kind, String nativeId) {
        return rows.getOrDefault(router, Map.of()).values().stream().filter(r -> r.kind() == kind
                && r.deployment().map(d -> d.nativeId().equals(nativeId)).orElse(false)).findFirst();
    }

    @Override
    public synchronized Page<Resource> list(RouterId router, Optional<ResourceKind> kind, PageRequest page) {
        var items = rows.getOrDefault(router, Map.of()).values().stream().filter(r -> kind.map(k -> k == r.kind()).orElse(true)).toList();
        return new Page<>(items, Optional.empty(), false);
    }

    @Override
    public Set<ResourceId> dependents(RouterId router, ResourceId id) {
        return Set.of();
    }

    @Override
    public synchronized List<ResourceEvent> commit(ChangeSet set) {
        var copy = new LinkedHashMap<>(rows.getOrDefault(set.routerId(), Map.of()));
        var out = new ArrayList<ResourceEvent>();
        for (ResourceChange c : set.changes()) {
            switch (c) {
                case ResourceChange.Put p -> {
                    var old = copy.get(p.id());
                    long expected = old == null ? 1 : old.metadata().version() + 1;
                    if (p.resource().metadata().version() != expected) throw new StateException.Conflict("version of " + p.id());
                    copy.put(p.id(), p.resource());
                    out.add(new ResourceEvent(events.size() + out.size() + 1, set.routerId(), p.id(), p.resource().kind(), p.type(),
                            set.at(), set.actor(), expected, (old == null ? Fields.EMPTY : old.configuration()).diff(p.resource().configuration()),
                            Optional.of(p.resource())));
                }
                case ResourceChange.Delete d -> {
                    var old = copy.remove(d.id());
                    if (old == null) throw new StateException.NotFound("no " + d.id());
                    out.add(new ResourceEvent(events.size() + out.size() + 1, set.routerId(), d.id(), old.kind(),
                            com.nasnetconnect.domain.state.ChangeType.DELETED, set.at(), set.actor(), old.metadata().version(),
                            List.of(), Optional.empty()));
                }
            }
        }
        rows.put(set.routerId(), copy);
        events.addAll(out);
        return out;
    }

    @Override
    public void observe(RouterId router, ResourceId id, RuntimeState runtime, Optional<TelemetrySample> sample) {
    }
}

package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.router.RouterId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test double of the policy store: like the SQLite one, a policy is gone once its instance is (the cascade). */
final class InMemoryPolicies implements RoutingPolicyStore {
    final Map<String, RoutingPolicy> rows = new LinkedHashMap<>();
    private final InMemoryInstances instances;

    InMemoryPolicies(InMemoryInstances instances) {
        this.instances = instances;
    }

    @Override
    public synchronized void save(RoutingPolicy policy) {
        if (instances.find(policy.routerId(), policy.instanceId()).isEmpty()) {
            throw new IllegalStateException("no instance " + policy.instanceId() + " for policy " + policy.id());
        }
        rows.put(policy.id(), policy);
    }

    @Override
    public synchronized Optional<RoutingPolicy> find(RouterId router, String id) {
        return Optional.ofNullable(rows.get(id)).filter(p -> p.routerId().equals(router) && alive(p));
    }

    @Override
    public synchronized List<RoutingPolicy> list(RouterId router) {
        return new ArrayList<>(rows.values().stream().filter(p -> p.routerId().equals(router) && alive(p)).toList());
    }

    @Override
    public synchronized void delete(RouterId router, String id) {
        rows.remove(id);
    }

    @Override
    public synchronized Optional<RouterId> routerOf(String policyId) {
        return Optional.ofNullable(rows.get(policyId)).map(RoutingPolicy::routerId);
    }

    private boolean alive(RoutingPolicy p) {
        return instances.find(p.routerId(), p.instanceId()).isPresent();
    }
}

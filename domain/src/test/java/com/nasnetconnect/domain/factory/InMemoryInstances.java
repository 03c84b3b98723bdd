package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.router.RouterId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test double of the instance store, with the same reservation rule as the SQLite one. */
final class InMemoryInstances implements ServiceInstanceStore {
    final Map<String, ServiceInstance> rows = new LinkedHashMap<>();

    @Override
    public synchronized void reserve(ServiceInstance instance) {
        for (ServiceInstance other : rows.values()) {
            if (!other.routerId().equals(instance.routerId())) continue;
            if (other.vlanId() == instance.vlanId()) throw new Taken("VLAN id " + instance.vlanId() + " is held by " + other.interfaceName());
            if (other.interfaceName().equals(instance.interfaceName())) throw new Taken("interface " + instance.interfaceName() + " is taken");
        }
        rows.put(instance.id(), instance);
    }

    @Override public synchronized void update(ServiceInstance instance) { rows.replace(instance.id(), instance); }

    @Override
    public synchronized Optional<ServiceInstance> find(RouterId router, String id) {
        return Optional.ofNullable(rows.get(id)).filter(i -> i.routerId().equals(router));
    }

    @Override
    public synchronized List<ServiceInstance> list(RouterId router) {
        return new ArrayList<>(rows.values().stream().filter(i -> i.routerId().equals(router)).toList());
    }

    @Override public synchronized void delete(RouterId router, String id) { rows.remove(id); }

    @Override
    public synchronized Optional<RouterId> routerOf(String instanceId) {
        return Optional.ofNullable(rows.get(instanceId)).map(ServiceInstance::routerId);
    }

    @Override
    public synchronized java.util.Set<RouterId> routersWithInstances() {
        return rows.values().stream().map(ServiceInstance::routerId).collect(java.util.stream.Collectors.toSet());
    }
}

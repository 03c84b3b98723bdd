package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.router.RouterId;
import java.util.List;
import java.util.Optional;

/**
 * Out-port: the service instances of each router, kept with the router's resources (one database per router).
 * {@link #reserve} is how an install claims its VLAN id and interface name before anything reaches the router.
 */
@OutPort
public interface ServiceInstanceStore {

    /**
     * Records a new instance; it fails when another instance of the router holds its VLAN id or interface name
     * (two installs racing for one allocation).
     *
     * @throws Taken naming what is held, and by which instance
     */
    void reserve(ServiceInstance instance);

    /** Replaces the stored state, progress, health and resources of an instance that exists. */
    void update(ServiceInstance instance);

    Optional<ServiceInstance> find(RouterId router, String id);

    /** The router's instances, oldest first. */
    List<ServiceInstance> list(RouterId router);

    /**
     * The router whose database holds the instance: one lookup, whatever the number of routers. May name a router
     * that no longer holds it (check with {@link #find}); never misses one that does.
     */
    Optional<RouterId> routerOf(String instanceId);

    /** The routers that hold at least one instance (maybe a few more that held one). */
    java.util.Set<RouterId> routersWithInstances();

    /** Forgets the instance; forgetting an unknown one does nothing. */
    void delete(RouterId router, String id);

    /** A VLAN id or interface name already held by another instance of the router. */
    final class Taken extends RuntimeException {
        public Taken(String message) {
            super(message);
        }
    }
}

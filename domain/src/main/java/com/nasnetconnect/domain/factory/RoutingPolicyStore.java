package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.router.RouterId;
import java.util.List;
import java.util.Optional;

/** Out-port: the routing policies of each router, kept in the router's database next to its service instances. */
@OutPort
public interface RoutingPolicyStore {

    void save(RoutingPolicy policy);

    Optional<RoutingPolicy> find(RouterId router, String id);

    /** The router's policies, oldest first. */
    List<RoutingPolicy> list(RouterId router);

    /** The router whose database holds the policy (may name one that no longer does; never misses one that does). */
    Optional<RouterId> routerOf(String policyId);

    /** Forgets the policy; forgetting an unknown one does nothing. */
    void delete(RouterId router, String id);
}

package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ResourceId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * "Route this network / device / domain through that instance": the router objects it created (mangle rule,
 * address-list entry…, each tagged with the instance's comment so an uninstall removes them too) are ordinary
 * managed resources.
 *
 * @param id        a uuid
 * @param resources the resources the policy created, in plan order (what removing it deletes)
 */
public record RoutingPolicy(String id, RouterId routerId, String instanceId, PolicyMatch match,
                            List<ResourceId> resources, Instant createdAt) {
    public RoutingPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(match, "match");
        resources = List.copyOf(resources);
        Objects.requireNonNull(createdAt, "createdAt");
    }
}

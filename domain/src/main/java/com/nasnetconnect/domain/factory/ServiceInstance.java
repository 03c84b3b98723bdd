package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ResourceId;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An installed service on one router: what was allocated to it, where it is in its life, and the resources its
 * install created (what an uninstall removes).
 *
 * @param id        a uuid; every object the install creates carries the comment {@code nnc:<id>}
 * @param options   the option values given (and defaults), secrets excluded
 * @param secrets   the secret option values (sealed at rest, never shown)
 * @param progress  0–100 while {@link InstanceState#PULLING}, else 0 or 100
 * @param health    whether its gateway works, as last checked
 * @param resources the resources the install created, in plan order
 */
public record ServiceInstance(String id, RouterId routerId, String template, String name, String interfaceName,
                              int vlanId, String subnet, InstanceState state, int progress, InstanceHealth health,
                              List<ResourceId> resources, Map<String, String> options, Map<String, Secret> secrets,
                              Instant createdAt) {
    public ServiceInstance {
        UUID.fromString(Objects.requireNonNull(id, "id"));
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(state, "state");
        if (progress < 0 || progress > 100) throw new IllegalArgumentException("progress out of 0-100: " + progress);
        Objects.requireNonNull(health, "health");
        resources = List.copyOf(resources);
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        secrets = Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The comment every object of this instance carries on the router. */
    public String tag() {
        return tag(id);
    }

    public static String tag(String instanceId) {
        return "nnc:" + instanceId;
    }

    public ServiceInstance with(InstanceState newState, int newProgress) {
        return new ServiceInstance(id, routerId, template, name, interfaceName, vlanId, subnet, newState, newProgress,
                health, resources, options, secrets, createdAt);
    }

    public ServiceInstance with(InstanceHealth newHealth) {
        return new ServiceInstance(id, routerId, template, name, interfaceName, vlanId, subnet, state, progress,
                newHealth, resources, options, secrets, createdAt);
    }

    public ServiceInstance withResources(List<ResourceId> created) {
        return new ServiceInstance(id, routerId, template, name, interfaceName, vlanId, subnet, state, progress,
                health, created, options, secrets, createdAt);
    }
}

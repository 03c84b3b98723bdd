package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.state.ResourceId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link InstallPlanner} made of an install: the plan (every object tagged {@code nnc:<instance-id>}), the
 * resources it creates in plan order, and what the plan cannot express yet because the schema lacks it.
 *
 * @param environments the environment each container gets (as CONTAINER_ENV resources), by role, for display:
 *                     secret values appear as {@code (secret <option>)}, never in clear
 * @param notApplied   parts of a complete install that the plan leaves out, each saying which schema addition
 *                     would carry it
 */
public record PlannedInstall(ChangePlan plan, List<ResourceId> resources,
                             Map<ContainerSpec.Role, Map<String, String>> environments, List<String> notApplied) {
    public PlannedInstall {
        Objects.requireNonNull(plan, "plan");
        resources = List.copyOf(resources);
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
        notApplied = List.copyOf(notApplied);
    }
}

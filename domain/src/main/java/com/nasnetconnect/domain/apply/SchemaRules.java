package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.state.ResourceKind;
import java.util.List;

/**
 * Field-level rules of a resource kind (the schema's {@code @validate} rules implement this). Returns every
 * problem found, each naming the field and the bad value; an empty list means the configuration is well formed.
 */
@FunctionalInterface
public interface SchemaRules {
    List<ValidationIssue> check(String resourceId, ResourceKind kind, java.util.Map<String, String> configuration);

    /** Runs this and then {@code other}, concatenating their findings. */
    default SchemaRules and(SchemaRules other) {
        return (id, kind, cfg) -> {
            var all = new java.util.ArrayList<>(check(id, kind, cfg));
            all.addAll(other.check(id, kind, cfg));
            return all;
        };
    }
}

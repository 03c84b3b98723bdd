package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.List;

/**
 * Field-level rules of a resource kind (the schema's {@code @validate} rules implement this). Returns every
 * problem found, each naming the field and the bad value; an empty list means the configuration is well formed.
 */
@FunctionalInterface
public interface SchemaRules {
    List<ValidationIssue> check(String resourceId, ResourceKind kind, java.util.Map<String, String> configuration);

    /**
     * Runs this and then {@code other}; a finding of {@code other} about a field this one already found fault
     * with is dropped, so one bad value gets one message.
     */
    default SchemaRules and(SchemaRules other) {
        return (id, kind, cfg) -> {
            var all = new java.util.ArrayList<>(check(id, kind, cfg));
            var seen = new java.util.HashSet<String>();
            all.forEach(i -> seen.add(i.field()));
            for (ValidationIssue i : other.check(id, kind, cfg)) {
                if (!seen.contains(i.field())) all.add(i);
            }
            return all;
        };
    }
}

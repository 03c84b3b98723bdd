package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.time.Instant;
import java.util.List;

/**
 * How one resource's deployment layer differs from the router now.
 *
 * @param missing true when the object is gone from the router
 * @param fields  the differing fields (empty and not missing: in sync)
 */
public record DriftReport(String resourceId, ResourceKind kind, String nativeId, boolean missing, List<FieldDrift> fields,
                    Instant checkedAt) {
    public DriftReport {
        fields = List.copyOf(fields);
    }

    public boolean drifted() {
        return missing || !fields.isEmpty();
    }

    /** One differing field: what the deployment layer says versus what the router reports (null if absent). */
    public record FieldDrift(String field, String deployed, String actual) { }
}

package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The configuration layer of one resource as the user wants it: its id (the resource's uuid), its kind and
 * its ordered domain fields. Values are RouterOS-ready strings; an empty string clears a field.
 */
public record DesiredResource(String id, ResourceKind kind, Map<String, String> configuration) {
    public DesiredResource {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank()) throw new IllegalArgumentException("resource id is blank: '" + id + "'");
        var copy = new LinkedHashMap<String, String>();
        configuration.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "field name"),
                Objects.requireNonNull(v, "value of " + k)));
        configuration = Collections.unmodifiableMap(copy);
    }

    /**
     * The intent of a Universal State resource: its configuration layer, values as RouterOS text (booleans
     * {@code yes}/{@code no}, lists comma-joined).
     */
    public static DesiredResource of(com.nasnetconnect.domain.state.ResourceId id, ResourceKind kind,
                                     com.nasnetconnect.domain.state.Fields configuration) {
        var cfg = new LinkedHashMap<String, String>();
        configuration.values().forEach((k, v) -> cfg.put(k, StateApplyLedger.routerText(v)));
        return new DesiredResource(id.toString(), kind, cfg);
    }

    /** The intent of a stored resource (its configuration layer). */
    public static DesiredResource of(com.nasnetconnect.domain.state.Resource resource) {
        return of(resource.id(), resource.kind(), resource.configuration());
    }

    public String field(String name) {
        return configuration.get(name);
    }

    @Override
    public String toString() {
        return kind + " " + id;
    }
}

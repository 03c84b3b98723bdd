package com.nasnetconnect.domain.apply;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The deployment layer: what the router reported after an apply, never what was sent.
 *
 * @param nativeId  the router's {@code .id} of the object, e.g. {@code *1A}
 * @param confirmed domain fields as the router reports them (mapped back through the field mapping)
 * @param generated router-generated attributes by RouterOS name, e.g. {@code public-key}
 */
public record Confirmation(String nativeId, Map<String, String> confirmed, Map<String, String> generated,
                         Instant appliedAt, String appliedBy) {
    public Confirmation {
        Objects.requireNonNull(nativeId, "nativeId");
        confirmed = Collections.unmodifiableMap(new LinkedHashMap<>(confirmed));
        generated = Collections.unmodifiableMap(new LinkedHashMap<>(generated));
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(appliedBy, "appliedBy");
    }
}

package com.nasnetconnect.domain.state;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Layer 3: the router's reality after apply, as the router reported it on read-back (never what was sent).
 *
 * @param nativeId  the router's own id for the object (RouterOS {@code .id}, e.g. {@code *1A})
 * @param confirmed the fields the router reported, in domain names, including generated ones
 *                  (a WireGuard interface's {@code publicKey}, a dynamic flag, …)
 * @param appliedBy who applied it (user name, API key name, or {@code system})
 * @param drift     the last drift check, if one ran since the apply
 */
public record Deployment(String nativeId, Fields confirmed, Instant appliedAt, String appliedBy, Optional<Drift> drift) {
    public Deployment {
        Objects.requireNonNull(confirmed, "confirmed");
        Objects.requireNonNull(appliedAt, "appliedAt");
        Objects.requireNonNull(appliedBy, "appliedBy");
        Objects.requireNonNull(drift, "drift");
        if (nativeId == null || nativeId.isBlank()) {
            throw new IllegalArgumentException("deployment needs the router's id (.id), got '" + nativeId + "'");
        }
    }

    public Deployment(String nativeId, Fields confirmed, Instant appliedAt, String appliedBy) {
        this(nativeId, confirmed, appliedAt, appliedBy, Optional.empty());
    }

    public Deployment withDrift(Drift d) {
        return new Deployment(nativeId, confirmed, appliedAt, appliedBy, Optional.of(d));
    }
}

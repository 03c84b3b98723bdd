package com.nasnetconnect.domain.router;

import java.time.Instant;
import java.util.Objects;

/**
 * A router that NasNetConnect manages: its id, the name the owner gave it, and how to reach it.
 *
 * @param demo true for the embedded simulated router the server starts by default
 */
public record Router(RouterId id, String name, RouterEndpoint endpoint, boolean demo, Instant addedAt) {
    public Router {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(addedAt, "addedAt");
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("router name must be 1..100 characters: '" + name + "'");
        }
    }
}

package com.nasnetconnect.domain.state;

import java.util.Objects;
import java.util.Set;

/**
 * Layer 8: which platform the resource currently lives on ({@code mikrotik}; later {@code openwrt}, …) and
 * the capabilities that matter for it (e.g. {@code routeros>=7.18}, {@code package:container}).
 */
public record Platform(String current, Set<String> capabilities) {
    public static final Platform MIKROTIK = new Platform("mikrotik", Set.of());

    public Platform {
        Objects.requireNonNull(current, "current");
        if (!current.matches("[a-z][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("platform name must be lower-case [a-z0-9-]: '" + current + "'");
        }
        capabilities = Set.copyOf(capabilities);
    }
}

package com.nasnetconnect.routeros.api;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link RouterOsGateway} talks to routers.
 *
 * @param commandTimeout          default deadline of one call (connecting included when no connection is idle)
 * @param connectTimeout          TCP connect plus TLS handshake
 * @param maxConnectionsPerRouter pooled connections per router address and user, 1..16
 * @param backoffInitial          after a failed connect, no new attempt for this long; doubles per failure
 * @param backoffMax              the ceiling of that doubling
 */
public record GatewaySettings(Duration commandTimeout, Duration connectTimeout, int maxConnectionsPerRouter,
                              Duration backoffInitial, Duration backoffMax) {
    public GatewaySettings {
        positive("commandTimeout", commandTimeout);
        positive("connectTimeout", connectTimeout);
        positive("backoffInitial", backoffInitial);
        positive("backoffMax", backoffMax);
        if (maxConnectionsPerRouter < 1 || maxConnectionsPerRouter > 16) {
            throw new IllegalArgumentException("maxConnectionsPerRouter out of range 1..16: " + maxConnectionsPerRouter);
        }
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMax " + backoffMax + " < backoffInitial " + backoffInitial);
        }
    }

    /** 10 s per command, 5 s to connect, 2 connections per router, backoff 1 s doubling up to 60 s. */
    public static GatewaySettings defaults() {
        return new GatewaySettings(Duration.ofSeconds(10), Duration.ofSeconds(5), 2, Duration.ofSeconds(1),
                Duration.ofSeconds(60));
    }

    private static void positive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive: " + d);
    }
}

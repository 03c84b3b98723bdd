package com.nasnetconnect.domain.telemetry;

import java.time.Instant;
import java.util.Objects;

/**
 * One of a router's interfaces as last polled, managed or not (ether1, bridge1, a VLAN, a WireGuard interface).
 *
 * @param type       RouterOS' type ("ether", "bridge", "vlan", "wg"); empty when the router did not say
 * @param running    link up (RouterOS' {@code running})
 * @param disabled   switched off by configuration
 * @param observedAt when the poll that read it answered
 */
public record InterfaceState(String name, String type, boolean running, boolean disabled, Instant observedAt) {
    public InterfaceState {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("interface name must not be blank: '" + name + "'");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}

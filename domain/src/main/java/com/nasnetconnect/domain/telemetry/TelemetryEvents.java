package com.nasnetconnect.domain.telemetry;

/**
 * The LOW event types the {@link RuntimePoller} records, one of each per poll: {@link #ROUTER} (cpuLoad,
 * freeMemory, totalMemory), {@link #INTERFACE} per router interface (interface, rxBytes, txBytes, and once two
 * polls are known rxBps, txBps) and {@link #RESOURCE} per managed resource it found on the router (resource, kind
 * and that resource's numeric runtime values).
 */
public final class TelemetryEvents {
    public static final String ROUTER = "telemetry.router";
    public static final String INTERFACE = "telemetry.interface";
    public static final String RESOURCE = "telemetry.resource";
    /** Who recorded them. */
    public static final String ACTOR = "telemetry";

    private TelemetryEvents() {
    }
}

package com.nasnetconnect.domain.events;

/**
 * How much an event matters, which decides where it is kept (see {@link EventRetention}).
 *
 * <ul>
 *   <li>{@link #CRITICAL}: anything that changed a router or access (apply-confirm-merge commits, deletions,
 *       service installs, auth and admin actions). Written to the warm tier in the transaction of the change.</li>
 *   <li>{@link #NORMAL}: lifecycle (drift checks, validation, service state changes, reachability changes).
 *       Written to the warm tier in batches.</li>
 *   <li>{@link #LOW}: telemetry samples, status polls, logs. Hot tier only by default.</li>
 * </ul>
 */
public enum EventClass {
    CRITICAL, NORMAL, LOW
}

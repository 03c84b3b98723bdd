package com.nasnetconnect.domain.state;

import java.time.Instant;
import java.util.Objects;

/**
 * Layer 4: what is happening now on the router (polled or streamed): running, counters ({@code rxBytes},
 * {@code txBytes}), a WireGuard peer's {@code lastHandshake}, … Observations are not intent: they are stored
 * as the latest value and in telemetry, but do not create events (see {@link ResourceStore#observe}).
 */
public record RuntimeState(boolean running, Fields values, Instant observedAt) {
    public RuntimeState {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(observedAt, "observedAt");
    }
}

package com.nasnetconnect.domain.telemetry;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.state.Telemetry;
import com.nasnetconnect.domain.state.TelemetrySample;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * In-port: read the telemetry the {@link RuntimePoller} recorded, from the event log's hot tier (LOW events of
 * the types in {@link TelemetryEvents}).
 */
public interface TelemetryQueries {
    /** The latest runtime polled since the server started (fresher than the stored runtime layer), if any. */
    Optional<RuntimeState> runtime(ResourceId resource);

    /** A resource's recent counters and rates, oldest first (the telemetry layer). */
    Telemetry ofResource(RouterId router, ResourceId resource);

    /**
     * One router-level series since {@code since}, oldest first: {@code cpuLoad}, {@code freeMemory},
     * {@code totalMemory}, or {@code interface/<name>/rxBps} (also {@code txBps}, {@code rxBytes}, {@code txBytes}).
     *
     * @throws IllegalArgumentException naming the metric when it is none of these
     */
    List<TelemetrySample> series(RouterId router, String metric, Instant since);
}

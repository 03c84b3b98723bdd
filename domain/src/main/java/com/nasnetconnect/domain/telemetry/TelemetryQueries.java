package com.nasnetconnect.domain.telemetry;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.state.Telemetry;
import com.nasnetconnect.domain.state.TelemetrySample;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /**
     * Every interface of the router (managed or not) with its state, in the router's order, as the latest poll since
     * the server started read them; empty before the first answer. The states keep their {@code observedAt}, so
     * an unreachable router's list is recognisably old.
     */
    List<InterfaceState> interfaces(RouterId router);

    /**
     * The traffic of every interface since {@code since} in one read (a chart page needs all of them): by interface
     * name, in the order the names first appear, each interface's samples oldest first with the metrics
     * {@code rxBps} and {@code txBps} (a sample lacks them when it had no earlier reading to compare with).
     */
    Map<String, List<TelemetrySample>> traffic(RouterId router, Instant since);
}

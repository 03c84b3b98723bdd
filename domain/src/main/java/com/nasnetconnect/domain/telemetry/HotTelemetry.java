package com.nasnetconnect.domain.telemetry;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventLogQueries;
import com.nasnetconnect.domain.events.EventPage;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.state.Telemetry;
import com.nasnetconnect.domain.state.TelemetrySample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * {@link TelemetryQueries} over the event log: the LOW events the poller recorded, which the hot tier serves
 * (and the warm tier, for types whose retention keeps them warm). A resource's telemetry is its samples of the last
 * {@code window} among the router's newest {@value #RESOURCE_SCAN} resource events; a series reads at most
 * {@value #MAX_POINTS} points.
 */
public final class HotTelemetry implements TelemetryQueries {
    static final int RESOURCE_SCAN = 2000;
    static final int MAX_POINTS = 20_000;
    private static final Set<String> ROUTER_METRICS = Set.of("cpuLoad", "freeMemory", "totalMemory");
    private static final Set<String> INTERFACE_METRICS = Set.of("rxBps", "txBps", "rxBytes", "txBytes", "rxPackets", "txPackets");

    private final EventLogQueries events;
    private final RuntimePoller poller;
    private final Clock clock;
    private final Duration window;

    public HotTelemetry(EventLogQueries events, RuntimePoller poller, Clock clock, Duration window) {
        this.events = Objects.requireNonNull(events, "events");
        this.poller = Objects.requireNonNull(poller, "poller");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (window.isNegative() || window.isZero()) throw new IllegalArgumentException("window must be positive: " + window);
        this.window = window;
    }

    @Override
    public Optional<RuntimeState> runtime(ResourceId resource) {
        return poller.runtime(resource);
    }

    @Override
    public List<InterfaceState> interfaces(RouterId router) {
        return poller.interfaces(router);
    }

    @Override
    public Telemetry ofResource(RouterId router, ResourceId resource) {
        String uuid = resource.toString();
        var samples = new ArrayList<TelemetrySample>();
        for (LoggedEvent e : read(router, TelemetryEvents.RESOURCE, clock.instant().minus(window), RESOURCE_SCAN)) {
            if (!uuid.equals(e.data().get("resource"))) continue;
            var metrics = new LinkedHashMap<String, Double>();
            e.data().forEach((k, v) -> {
                if (v instanceof Number n) metrics.put(k, n.doubleValue());
            });
            samples.add(new TelemetrySample(e.at(), metrics));
        }
        return new Telemetry(samples);
    }

    @Override
    public List<TelemetrySample> series(RouterId router, String metric, Instant since) {
        Objects.requireNonNull(metric, "metric");
        String type;
        String iface = null;
        String field;
        if (ROUTER_METRICS.contains(metric)) {
            type = TelemetryEvents.ROUTER;
            field = metric;
        } else if (metric.startsWith("interface/") && metric.lastIndexOf('/') > "interface/".length()
                && INTERFACE_METRICS.contains(metric.substring(metric.lastIndexOf('/') + 1))) {
            type = TelemetryEvents.INTERFACE;
            iface = metric.substring("interface/".length(), metric.lastIndexOf('/'));
            field = metric.substring(metric.lastIndexOf('/') + 1);
        } else {
            throw new IllegalArgumentException("unknown telemetry metric (expected cpuLoad, freeMemory, totalMemory or "
                    + "interface/<name>/rxBps|txBps|rxBytes|txBytes|rxPackets|txPackets): '" + metric + "'");
        }
        var points = new ArrayList<TelemetrySample>();
        for (LoggedEvent e : read(router, type, since, MAX_POINTS)) {
            if (iface != null && !iface.equals(e.data().get("interface"))) continue;
            if (e.data().get(field) instanceof Number n) points.add(new TelemetrySample(e.at(), Map.of(metric, n.doubleValue())));
        }
        return points.reversed();
    }

    @Override
    public Map<String, List<TelemetrySample>> traffic(RouterId router, Instant since) {
        var byInterface = new LinkedHashMap<String, List<TelemetrySample>>();
        List<LoggedEvent> newestFirst = read(router, TelemetryEvents.INTERFACE, since, MAX_POINTS);
        for (LoggedEvent e : newestFirst.reversed()) {
            if (!(e.data().get("interface") instanceof String name)) continue;
            var metrics = new LinkedHashMap<String, Double>();
            for (String key : List.of("rxBps", "txBps")) {
                if (e.data().get(key) instanceof Number n) metrics.put(key, n.doubleValue());
            }
            byInterface.computeIfAbsent(name, k -> new ArrayList<>()).add(new TelemetrySample(e.at(), metrics));
        }
        var out = new LinkedHashMap<String, List<TelemetrySample>>();
        byInterface.forEach((name, samples) -> out.put(name, List.copyOf(samples)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** The newest events of one type and router since {@code since}, at most {@code max}, newest first. */
    private List<LoggedEvent> read(RouterId router, String type, Instant since, int max) {
        Instant now = clock.instant();
        if (!since.isBefore(now)) return List.of();
        EventQuery q = EventQuery.all(EventQuery.MAX_FIRST).forRouter(router).withClasses(Set.of(EventClass.LOW))
                .withTypes(Set.of(type)).between(since, now.plusNanos(1));
        var out = new ArrayList<LoggedEvent>();
        while (out.size() < max) {
            EventPage page = events.query(q);
            out.addAll(page.events());
            if (!page.hasNextPage() || page.endCursor().isEmpty()) break;
            q = q.after(page.endCursor().get());
        }
        return out;
    }
}

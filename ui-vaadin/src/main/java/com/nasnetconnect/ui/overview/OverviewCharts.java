package com.nasnetconnect.ui.overview;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.TelemetrySample;
import com.nasnetconnect.domain.telemetry.InterfaceState;
import com.nasnetconnect.domain.telemetry.TelemetryQueries;
import com.nasnetconnect.ui.charts.ChartUnit;
import com.nasnetconnect.ui.charts.LineChart;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The router overview's charts (CPU, memory, traffic per interface, the last hour) as SVG markup, ONE set per
 * router shared by every open overview: built from {@link TelemetryQueries} at most once per {@code reuse} and
 * handed out as the same immutable strings, so twenty sessions of one router's overview cost one chart set of
 * memory and one read of the hot tier per interval. Thread-safe; built once by the composition root.
 *
 * <p>Traffic charts are drawn for at most {@value #MAX_TRAFFIC} interfaces with samples, running ones first, in the
 * router's order.
 */
public final class OverviewCharts {
    static final int MAX_TRAFFIC = 8;
    public static final Duration WINDOW = Duration.ofHours(1);

    /** One interface's traffic chart. */
    public record Traffic(String interfaceName, String svg) {
    }

    /** A router's chart set; {@code asOf} is the label old values carry (empty: current). */
    public record Charts(String cpu, String memory, List<Traffic> traffic, Optional<String> asOf) {
        public Charts {
            traffic = List.copyOf(traffic);
        }

        public static final Charts NONE = new Charts("", "", List.of(), Optional.empty());
    }

    private record Key(RouterId router, Optional<String> asOf) {
    }

    private record Built(Instant at, Charts charts) {
    }

    private final TelemetryQueries telemetry;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration reuse;
    private final Map<Key, Built> built = new HashMap<>();

    /** @param reuse how long one chart set is handed out before it is built again */
    public OverviewCharts(TelemetryQueries telemetry, Clock clock, ZoneId zone, Duration reuse) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.reuse = Objects.requireNonNull(reuse, "reuse");
    }

    public OverviewCharts(TelemetryQueries telemetry, Clock clock, ZoneId zone) {
        this(telemetry, clock, zone, Duration.ofSeconds(5));
    }

    /**
     * The router's charts of the last hour; with {@code asOf} (e.g. "as of 06:12") they are greyed and labelled as
     * old values.
     */
    public synchronized Charts of(RouterId router, Optional<String> asOf) {
        Instant now = clock.instant();
        var key = new Key(router, asOf);
        Built b = built.get(key);
        if (b != null && Duration.between(b.at(), now).compareTo(reuse) < 0 && !now.isBefore(b.at())) return b.charts();
        built.keySet().removeIf(k -> k.router().equals(router)); // one set per router: the old label's set goes
        Charts charts = build(router, asOf, now);
        built.put(key, new Built(now, charts));
        return charts;
    }

    /** Drops every chart set of routers not in {@code open} (no overview of them is open any more). */
    public synchronized void retain(java.util.Set<RouterId> open) {
        built.keySet().removeIf(k -> !open.contains(k.router()));
    }

    private Charts build(RouterId router, Optional<String> asOf, Instant now) {
        Instant from = now.minus(WINDOW);
        String cpu = LineChart.of(ChartUnit.PERCENT, from, now).zone(zone).title("CPU load, last hour").area()
                .series("CPU", points(telemetry.series(router, "cpuLoad", from), "cpuLoad"))
                .emptyText("No CPU samples in the last hour").asOf(asOf).svg();
        List<LineChart.Point> free = points(telemetry.series(router, "freeMemory", from), "freeMemory");
        List<LineChart.Point> total = points(telemetry.series(router, "totalMemory", from), "totalMemory");
        var used = new ArrayList<LineChart.Point>();
        Map<Instant, Double> totals = new HashMap<>();
        total.forEach(p -> totals.put(p.at(), p.value()));
        free.forEach(p -> {
            Double t = totals.get(p.at());
            if (t != null) used.add(new LineChart.Point(p.at(), t - p.value()));
        });
        String memory = LineChart.of(ChartUnit.BYTES, from, now).zone(zone).title("Memory in use, last hour").area()
                .series("used", used).emptyText("No memory samples in the last hour").asOf(asOf).svg();

        Map<String, List<TelemetrySample>> traffic = telemetry.traffic(router, from);
        List<String> order = new ArrayList<>();
        List<InterfaceState> interfaces = telemetry.interfaces(router);
        interfaces.stream().filter(InterfaceState::running).map(InterfaceState::name).forEach(order::add);
        interfaces.stream().filter(i -> !i.running()).map(InterfaceState::name).forEach(order::add);
        traffic.keySet().stream().filter(n -> !order.contains(n)).forEach(order::add);
        var charts = new ArrayList<Traffic>();
        for (String name : order) {
            if (charts.size() == MAX_TRAFFIC) break;
            List<TelemetrySample> samples = traffic.getOrDefault(name, List.of());
            List<LineChart.Point> rx = points(samples, "rxBps");
            List<LineChart.Point> tx = points(samples, "txBps");
            if (rx.isEmpty() && tx.isEmpty()) continue;
            charts.add(new Traffic(name, LineChart.of(ChartUnit.BITS_PER_SECOND, from, now).zone(zone)
                    .title("Traffic of " + name + ", last hour").series("rx", rx).series("tx", tx)
                    .emptyText("No traffic samples in the last hour").asOf(asOf).svg()));
        }
        return new Charts(cpu, memory, charts, asOf);
    }

    private static List<LineChart.Point> points(List<TelemetrySample> samples, String metric) {
        var out = new ArrayList<LineChart.Point>(samples.size());
        for (TelemetrySample s : samples) {
            Double v = s.metrics().get(metric);
            if (v != null) out.add(new LineChart.Point(s.at(), v));
        }
        return out;
    }
}

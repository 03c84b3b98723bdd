package com.nasnetconnect.domain.update;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.TelemetrySample;
import com.nasnetconnect.domain.telemetry.TelemetryQueries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * {@link TrafficWatch} from the telemetry layer, over the last {@code window}: a metered interface
 * ({@code NNC_UPDATE_METERED_INTERFACES}) with any traffic, or a watched interface ({@code NNC_UPDATE_BUSY_INTERFACES})
 * whose receive plus transmit rate reached {@code busyBitsPerSecond}, on any managed router.
 */
public final class TelemetryTrafficWatch implements TrafficWatch {
    private final TelemetryQueries telemetry;
    private final Supplier<Map<RouterId, String>> routers;
    private final List<String> metered;
    private final List<String> watched;
    private final double busyBitsPerSecond;
    private final Duration window;

    /** @param routers the managed routers by id, with the name a person knows each by */
    public TelemetryTrafficWatch(TelemetryQueries telemetry, Supplier<Map<RouterId, String>> routers, List<String> metered,
                                 List<String> watched, double busyBitsPerSecond, Duration window) {
        this.telemetry = Objects.requireNonNull(telemetry, "telemetry");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.metered = List.copyOf(metered);
        this.watched = List.copyOf(watched);
        this.busyBitsPerSecond = busyBitsPerSecond;
        this.window = Objects.requireNonNull(window, "window");
    }

    @Override
    public Optional<String> whyNotNow(Instant now) {
        Instant since = now.minus(window);
        for (var router : routers.get().entrySet()) {
            for (String iface : metered) {
                if (peak(router.getKey(), iface, since) > 0) {
                    return Optional.of("the metered uplink " + iface + " on router '" + router.getValue() + "' carries traffic");
                }
            }
            for (String iface : watched) {
                double peak = peak(router.getKey(), iface, since);
                if (peak >= busyBitsPerSecond) {
                    return Optional.of("traffic on " + iface + " of router '" + router.getValue() + "' is high ("
                            + Math.round(peak / 1_000_000) + " Mbit/s)");
                }
            }
        }
        return Optional.empty();
    }

    /** The highest rx + tx rate of an interface in the window (0 without samples). */
    private double peak(RouterId router, String iface, Instant since) {
        Function<String, List<TelemetrySample>> s = metric -> telemetry.series(router, "interface/" + iface + "/" + metric, since);
        List<TelemetrySample> rx = s.apply("rxBps");
        List<TelemetrySample> tx = s.apply("txBps");
        double max = 0;
        for (int i = 0; i < Math.max(rx.size(), tx.size()); i++) {
            double r = i < rx.size() ? rx.get(i).metrics().values().stream().mapToDouble(Double::doubleValue).sum() : 0;
            double t = i < tx.size() ? tx.get(i).metrics().values().stream().mapToDouble(Double::doubleValue).sum() : 0;
            max = Math.max(max, r + t);
        }
        return max;
    }
}

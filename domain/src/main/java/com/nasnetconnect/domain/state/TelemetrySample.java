package com.nasnetconnect.domain.state;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/** One point of history: numeric metrics (e.g. {@code rxBytes}, {@code txBytes}) at an instant. */
public record TelemetrySample(Instant at, Map<String, Double> metrics) {
    public TelemetrySample {
        Objects.requireNonNull(at, "at");
        metrics = Map.copyOf(metrics);
        metrics.forEach((k, v) -> {
            if (v.isNaN() || v.isInfinite()) throw new IllegalArgumentException("metric " + k + " is not finite: " + v);
        });
    }
}

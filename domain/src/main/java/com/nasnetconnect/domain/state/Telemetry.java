package com.nasnetconnect.domain.state;

import java.util.Comparator;
import java.util.List;

/** Layer 5: recent history samples, oldest first (the store keeps a bounded window). */
public record Telemetry(List<TelemetrySample> samples) {
    public static final Telemetry EMPTY = new Telemetry(List.of());

    public Telemetry {
        samples = samples.stream().sorted(Comparator.comparing(TelemetrySample::at)).toList();
    }
}

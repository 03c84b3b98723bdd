package com.nasnetconnect.domain.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/** Rates from counters read twice. */
final class Rates {
    private Rates() {
    }

    /**
     * Bits per second between two readings of a byte counter; empty when there is no earlier reading, no time passed,
     * or the counter went back (the router rebooted or the interface was re-created).
     */
    static OptionalDouble bitsPerSecond(long bytesBefore, Instant before, long bytesNow, Instant now) {
        long nanos = Duration.between(before, now).toNanos();
        if (nanos <= 0 || bytesNow < bytesBefore) return OptionalDouble.empty();
        return OptionalDouble.of((bytesNow - bytesBefore) * 8.0 * 1_000_000_000.0 / nanos);
    }
}

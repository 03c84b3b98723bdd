package com.nasnetconnect.domain.events;

import java.util.Objects;
import java.util.Optional;

/**
 * What health and {@code eventStorage} show of the three tiers. A {@code degraded} reason says, in user terms, why
 * a tier is not working as configured (hot tier in the data directory, full; cold mount absent, checksum failed).
 */
public record EventStorageStatus(Hot hot, Warm warm, Cold cold) {
    public EventStorageStatus {
        Objects.requireNonNull(hot, "hot");
        Objects.requireNonNull(warm, "warm");
        Objects.requireNonNull(cold, "cold");
    }

    /** @param droppedLow LOW events dropped because the tier was full; {@code droppedOther} the others dropped */
    public record Hot(String path, long events, long bytes, long droppedLow, long droppedOther, Optional<String> degraded) {
        public Hot {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(degraded, "degraded");
        }
    }

    public record Warm(long events, long bytes, Optional<String> degraded) {
        public Warm {
            Objects.requireNonNull(degraded, "degraded");
        }
    }

    public record Cold(boolean enabled, Optional<String> path, long bytes, Optional<String> degraded) {
        public Cold {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(degraded, "degraded");
        }

        public static Cold disabled() {
            return new Cold(false, Optional.empty(), 0, Optional.empty());
        }
    }
}

package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.common.Durations;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How long events are kept in each tier, per class, with per-type overrides. A zero warm duration means the
 * event never reaches the warm tier (hot only). Defaults (the issue's): every class 24 hours hot; CRITICAL
 * 30 days warm, NORMAL 7 days warm, LOW not warm.
 */
public record EventRetention(Map<EventClass, Keep> byClass, Map<String, Keep> byType) {
    /** How long in the hot tier and in the warm tier; {@code warm} zero: not written to the warm tier. */
    public record Keep(Duration hot, Duration warm) {
        public Keep {
            if (hot == null || hot.isNegative()) throw new IllegalArgumentException("hot retention must be 0s or longer: " + hot);
            if (warm == null || warm.isNegative()) throw new IllegalArgumentException("warm retention must be 0s or longer: " + warm);
        }

        /** From setting text, e.g. {@code of("24h", "30d")}. */
        public static Keep of(String hot, String warm) {
            return new Keep(Durations.parse(hot), Durations.parse(warm));
        }

        public boolean warmKept() {
            return !warm.isZero();
        }
    }

    public EventRetention {
        var classes = new EnumMap<EventClass, Keep>(EventClass.class);
        classes.putAll(Objects.requireNonNull(byClass, "byClass"));
        for (EventClass c : EventClass.values()) {
            if (!classes.containsKey(c)) throw new IllegalArgumentException("no retention for event class " + c);
        }
        byClass = Map.copyOf(classes);
        var types = new TreeMap<String, Keep>();
        Objects.requireNonNull(byType, "byType").forEach((t, k) -> types.put(EventType.require(t), Objects.requireNonNull(k, t)));
        byType = Map.copyOf(types);
    }

    public static EventRetention defaults() {
        return new EventRetention(Map.of(
                EventClass.CRITICAL, Keep.of("24h", "30d"),
                EventClass.NORMAL, Keep.of("24h", "7d"),
                EventClass.LOW, Keep.of("24h", "0s")), Map.of());
    }

    public EventRetention withClass(EventClass c, Keep keep) {
        var m = new EnumMap<>(byClass);
        m.put(c, keep);
        return new EventRetention(m, byType);
    }

    public EventRetention withType(String type, Keep keep) {
        var m = new TreeMap<>(byType);
        m.put(type, keep);
        return new EventRetention(byClass, m);
    }

    public Keep keep(EventClass c, String type) {
        Keep k = byType.get(type);
        return k != null ? k : byClass.get(c);
    }
}

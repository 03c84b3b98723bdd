package com.nasnetconnect.domain.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * A position in the newest-first order of the event log: events are ordered by time, then by id, both
 * descending. {@link #encode()} gives the opaque text a page hands out; {@link #decode(String)} reads it back.
 */
public record EventCursor(long atNanos, String id) implements Comparable<EventCursor> {
    private static final String PREFIX = "ev1:";

    public EventCursor {
        Objects.requireNonNull(id, "id");
    }

    /** True when an event at {@code other} comes after this position in newest-first order (is older). */
    public boolean isBefore(EventCursor other) {
        return compareTo(other) < 0;
    }

    /** Newest first: a newer position compares lower. */
    @Override
    public int compareTo(EventCursor o) {
        int c = Long.compare(o.atNanos, atNanos);
        return c != 0 ? c : o.id.compareTo(id);
    }

    public String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + atNanos + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException quoting the text when it is not a cursor of the event log */
    public static EventCursor decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(PREFIX)) throw new IllegalArgumentException();
            int colon = text.indexOf(':', PREFIX.length());
            if (colon < 0) throw new IllegalArgumentException();
            return new EventCursor(Long.parseLong(text.substring(PREFIX.length(), colon)), text.substring(colon + 1));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("not a valid event log cursor: '" + cursor + "'");
        }
    }

    /** Nanoseconds since the epoch (the instant must be a {@link com.nasnetconnect.domain.state.StoredTime}). */
    public static long nanos(Instant at) {
        return at.getEpochSecond() * 1_000_000_000L + at.getNano();
    }

    public static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}

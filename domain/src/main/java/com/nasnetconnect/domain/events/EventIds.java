package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.router.RouterId;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/** Event ids: unique without coordination, and the same for the same event in every tier. */
public final class EventIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EventIds() {
    }

    /** A fresh id: the time in nanoseconds and 64 random bits, as 32 hex digits. */
    public static String next(Instant at) {
        long nanos = EventCursor.nanos(at);
        long random = ThreadLocalRandom.current().nextLong();
        char[] out = new char[32];
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (nanos & 0xf)];
            nanos >>>= 4;
            out[16 + i] = HEX[(int) (random & 0xf)];
            random >>>= 4;
        }
        return new String(out);
    }

    /** The id of the log entry of a committed resource change: its router and its sequence in the resource history. */
    public static String ofResourceChange(RouterId router, long sequence) {
        return "res-" + router.value() + "-" + sequence;
    }
}

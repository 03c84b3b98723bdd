package com.nasnetconnect.domain.state;

import java.time.Instant;
import java.util.Objects;

/**
 * The instants the state can store and search: they are kept as nanoseconds since the epoch in a signed
 * 64-bit number, which reaches from 1677-09-21 to 2262-04-11. The supported range is the whole years inside
 * that, {@link #MIN} to {@link #MAX}; an instant outside it is refused with a message that names it and the
 * range, at the edge (the GraphQL {@code DateTime} scalar) and again in storage, which never overflows.
 */
public final class StoredTime {
    /** The earliest supported instant, inclusive. */
    public static final Instant MIN = Instant.parse("1678-01-01T00:00:00Z");
    /** The latest supported instant, inclusive. */
    public static final Instant MAX = Instant.parse("2261-12-31T23:59:59.999999999Z");
    /** The range in user terms, for messages. */
    public static final String RANGE = "from 1678-01-01T00:00:00Z to 2261-12-31T23:59:59Z";

    private StoredTime() {
    }

    public static boolean supports(Instant at) {
        return !at.isBefore(MIN) && !at.isAfter(MAX);
    }

    /**
     * Returns {@code at} when it is supported.
     *
     * @param what the name of the value, as the user gave it (an argument or field name)
     * @throws IllegalArgumentException naming {@code what}, the value and the supported range
     */
    public static Instant require(String what, Instant at) {
        Objects.requireNonNull(at, what);
        if (!supports(at)) throw new IllegalArgumentException(outOfRange(what, at.toString()));
        return at;
    }

    /** The message for a value outside the range: {@code since '2300-01-01T00:00:00Z' is outside …}. */
    public static String outOfRange(String what, String value) {
        return what + " '" + value + "' is outside the supported range of dates, " + RANGE;
    }
}

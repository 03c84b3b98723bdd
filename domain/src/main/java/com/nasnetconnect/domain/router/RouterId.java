package com.nasnetconnect.domain.router;

import java.util.UUID;
import java.util.regex.Pattern;

/** Identity of a managed router inside NasNetConnect (not the router's own identity name). */
public record RouterId(String value) {
    // compiled once: String.matches compiles its pattern on every call (a quarter of a hot event-log page's time)
    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public RouterId {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("router id must be 1..63 of [a-z0-9-], starting alphanumeric: '" + value + "'");
        }
    }

    public static RouterId random() {
        return new RouterId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}

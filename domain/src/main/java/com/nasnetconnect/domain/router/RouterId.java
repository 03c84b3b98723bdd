package com.nasnetconnect.domain.router;

import java.util.UUID;

/** Identity of a managed router inside NasNetConnect (not the router's own identity name). */
public record RouterId(String value) {
    public RouterId {
        if (value == null || !value.matches("[a-z0-9][a-z0-9-]{0,62}")) {
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

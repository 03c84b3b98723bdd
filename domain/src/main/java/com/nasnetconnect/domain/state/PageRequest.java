package com.nasnetconnect.domain.state;

import java.util.Objects;
import java.util.Optional;

/**
 * Cursor pagination (GraphQL connections): at most {@code first} items after the opaque cursor {@code after}
 * (from a previous {@link Page#endCursor()}); no cursor starts at the beginning.
 */
public record PageRequest(int first, Optional<String> after) {
    public static final int MAX = 1000;

    public PageRequest {
        Objects.requireNonNull(after, "after");
        if (first < 1 || first > MAX) throw new IllegalArgumentException("first must be 1.." + MAX + ": " + first);
    }

    public static PageRequest first(int n) {
        return new PageRequest(n, Optional.empty());
    }

    public PageRequest after(String cursor) {
        return new PageRequest(first, Optional.of(cursor));
    }
}

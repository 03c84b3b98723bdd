package com.nasnetconnect.domain.state;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/** One page of a cursor-paginated list. {@code endCursor} is the cursor of the last item (empty when no items). */
public record Page<T>(List<T> items, Optional<String> endCursor, boolean hasNextPage) {
    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(endCursor, "endCursor");
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), endCursor, hasNextPage);
    }
}

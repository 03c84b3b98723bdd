package com.nasnetconnect.domain.router;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a router answered to one command: the {@code !re} rows in order, and the {@code =ret=} value of the
 * {@code !done} (the new {@code .id} after {@code add}, the count after {@code count-only}), if any.
 */
public record RouterReply(List<Map<String, String>> rows, Optional<String> ret) {
    public RouterReply {
        rows = rows.stream().map(Map::copyOf).toList();
    }

    public static RouterReply of(List<Map<String, String>> rows) {
        return new RouterReply(rows, Optional.empty());
    }

    public Optional<Map<String, String>> first() {
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
    }
}

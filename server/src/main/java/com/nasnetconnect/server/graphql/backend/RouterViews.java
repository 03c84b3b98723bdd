package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.schema.types.Router;
import com.nasnetconnect.domain.schema.types.RouterStatus;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/** Routers as the schema's type, each with its latest polled status (unknown until the monitor first polls it). */
final class RouterViews {
    private final RouterStatusFeed status;
    private final Clock clock;

    RouterViews(RouterStatusFeed status, Clock clock) {
        this.status = Objects.requireNonNull(status, "status");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Views with the statuses as they are now (taken once, also for a router about to be removed). */
    Function<com.nasnetconnect.domain.router.Router, Router> now() {
        var statuses = new HashMap<RouterId, com.nasnetconnect.domain.router.RouterStatus>();
        status.current().forEach(s -> statuses.put(s.routerId(), s));
        return r -> view(r, statuses);
    }

    /** Status updates of one router, or of all when {@code only} is empty, until the handle is closed. */
    AutoCloseable subscribe(Optional<RouterId> only, Consumer<RouterStatus> listener) {
        return status.subscribe(all -> all.stream().filter(s -> only.map(s.routerId()::equals).orElse(true))
                .map(GraphQlMapper::status).forEach(listener));
    }

    private Router view(com.nasnetconnect.domain.router.Router r, Map<RouterId, com.nasnetconnect.domain.router.RouterStatus> statuses) {
        return GraphQlMapper.router(r, Optional.ofNullable(statuses.get(r.id())), clock.instant());
    }
}

package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.router.RouterId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Out-port: the per-router log of committed resource events (written by {@link ResourceStore#commit}). */
@OutPort
public interface EventLog {

    /** Every event of one resource, oldest first (also after it was deleted). */
    List<ResourceEvent> history(RouterId router, ResourceId id);

    /** Events of one router with {@code since <= at < until}, in log order, a page at a time. */
    Page<ResourceEvent> events(RouterId router, Optional<Instant> since, Optional<Instant> until, PageRequest page);

    /**
     * Time travel: the resource as it was at {@code at}, rebuilt from its events; empty when it did not exist
     * then (not yet created, or already deleted). Runtime and telemetry are not event-sourced and come back empty.
     */
    default Optional<Resource> resourceAt(RouterId router, ResourceId id, Instant at) {
        return ResourceReplay.stateAt(history(router, id), at);
    }
}

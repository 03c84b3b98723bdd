package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.router.RouterId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Events kept on flash (the router databases; server-wide events in the system database), compressed. A scope is
 * a router, or empty for server-wide events.
 */
@OutPort
public interface WarmEventTier {
    /** Stores the event durably before returning. */
    void append(LoggedEvent event);

    /** Queues the event for the next {@link #flush()} (one transaction per database). */
    void appendBatched(LoggedEvent event);

    /** Writes the queued events. */
    void flush();

    /** The newest {@code limit} events that match {@code query}, newest first, tier WARM. */
    List<LoggedEvent> newest(EventQuery query, int limit);

    /** Deletes events past their warm retention at {@code now}; returns how many. */
    int prune(Instant now, EventRetention retention);

    /** The scopes that hold warm events. */
    List<Optional<RouterId>> scopes();

    /** Up to {@code limit} events of the scope older than {@code cutoff}, oldest first. */
    List<LoggedEvent> olderThan(Optional<RouterId> scope, Instant cutoff, int limit);

    /** Removes these events of the scope (after they were archived); returns how many. */
    int remove(Optional<RouterId> scope, Collection<String> ids);

    EventStorageStatus.Warm status();
}

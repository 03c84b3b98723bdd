package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.common.OutPort;
import java.time.Instant;
import java.util.List;

/** Where recent events of every class are kept cheaply (tmpfs): lost on power failure by design. */
@OutPort
public interface HotEventTier {
    /** Queues the event and returns without waiting for storage; never blocks, never fails the caller. */
    void append(LoggedEvent event);

    /** The newest {@code limit} events that match {@code query} (filters and cursor), newest first, tier HOT. */
    List<LoggedEvent> newest(EventQuery query, int limit);

    /** Deletes events past their hot retention at {@code now}; returns how many. */
    int prune(Instant now, EventRetention retention);

    /** Returns when every event appended before the call is stored (or dropped because the tier is full). */
    void flush();

    EventStorageStatus.Hot status();
}

package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.state.ResourceEvent;
import java.util.List;

/** In-port: record events in the event log. */
public interface EventJournal {
    /**
     * Records an event now: masked, given an id and the time, written to the hot tier without waiting for it, and
     * when its retention keeps it warm: a CRITICAL event durably before this returns, a NORMAL one in the next batch.
     * A full hot tier never makes this fail or block.
     */
    LoggedEvent record(NewEvent event);

    /**
     * Records committed resource changes (what {@link com.nasnetconnect.domain.state.ResourceEventPublisher} hands
     * out): all to the hot tier, NORMAL ones (drift checks, validation) to the warm tier in the next batch. CRITICAL
     * ones are already in the warm tier: the resource store wrote them in the commit's transaction.
     */
    void recordCommitted(List<ResourceEvent> committed);
}

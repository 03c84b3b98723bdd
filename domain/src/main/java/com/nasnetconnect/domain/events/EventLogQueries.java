package com.nasnetconnect.domain.events;

/** In-port: read the event log across its tiers, and how the tiers are doing. */
public interface EventLogQueries {
    /** Newest first, one page; recent events from the hot tier, older from warm, oldest from cold, each once. */
    EventPage query(EventQuery query);

    EventStorageStatus storage();
}

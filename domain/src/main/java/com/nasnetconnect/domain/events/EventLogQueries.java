package com.nasnetconnect.domain.events;

import java.util.function.Consumer;

/** In-port: read the event log across its tiers, follow it as it is written, and how the tiers are doing. */
public interface EventLogQueries {
    /** Newest first, one page; recent events from the hot tier, older from warm, oldest from cold, each once. */
    EventPage query(EventQuery query);

    /**
     * Every event recorded from now on that matches {@code filter} (its router, classes, types and time window;
     * its {@code first} and {@code after} are ignored), in the order recorded, until the subscription is closed.
     * The listener runs on the log's one delivery thread, never on the recording thread, so recording stays cheap;
     * it must still be quick (hand rendering elsewhere), since every follower shares that thread. A listener that
     * throws is logged and keeps its subscription. Should followers fall so far behind that
     * {@link TieredEventLog#FOLLOW_BACKLOG} events wait, newer events are dropped for them (counted, logged), never
     * blocking the recorder.
     */
    Subscription follow(EventQuery filter, Consumer<LoggedEvent> listener);

    EventStorageStatus storage();

    /** A live follow; closing it twice is harmless. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}

package com.nasnetconnect.domain.events;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of the event log, newest first; {@code endCursor} continues after the last event. */
public record EventPage(List<LoggedEvent> events, Optional<String> endCursor, boolean hasNextPage) {
    public EventPage {
        events = List.copyOf(events);
        Objects.requireNonNull(endCursor, "endCursor");
    }
}

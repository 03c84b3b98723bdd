package com.nasnetconnect.domain.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Rebuilds a resource from its events (event sourcing's fold). */
public final class ResourceReplay {
    private ResourceReplay() {
    }

    /**
     * Folds the events with {@code event.at <= at}, in sequence order: a create or any later change sets the
     * state, a delete clears it. Events out of order are refused with both sequence numbers.
     */
    public static Optional<Resource> stateAt(List<ResourceEvent> history, Instant at) {
        Optional<Resource> state = Optional.empty();
        long last = Long.MIN_VALUE;
        for (ResourceEvent e : history) {
            if (e.sequence() <= last) {
                throw new IllegalArgumentException("history out of order: event " + e.sequence() + " after " + last);
            }
            last = e.sequence();
            if (e.at().isAfter(at)) break;
            state = switch (e.type()) {
                case DELETED -> Optional.empty();
                default -> e.state();
            };
        }
        return state;
    }
}

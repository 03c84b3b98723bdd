package com.nasnetconnect.ui.events;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventLogQueries;
import com.nasnetconnect.domain.events.EventPage;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventStorageStatus;
import com.nasnetconnect.domain.events.EventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.router.RouterId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An in-memory fake of the {@link EventLogQueries} in-port: the events it holds, paged newest first with the
 * query's own filter, and followers told synchronously when {@link #record} adds one. Remembers the last query.
 */
final class MemoryEventLog implements EventLogQueries {
    record Follower(EventQuery filter, Consumer<LoggedEvent> listener) {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    final List<LoggedEvent> events = new CopyOnWriteArrayList<>();
    final List<Follower> followers = new CopyOnWriteArrayList<>();
    volatile EventQuery lastQuery;
    private int n;

    @Override
    public EventPage query(EventQuery q) {
        lastQuery = q;
        List<LoggedEvent> matching = events.stream().filter(q::matches).sorted((a, b) -> a.position().compareTo(b.position())).toList();
        var page = new ArrayList<>(matching.subList(0, Math.min(q.first(), matching.size())));
        return new EventPage(page, page.isEmpty() ? Optional.empty() : Optional.of(page.getLast().position().encode()),
                matching.size() > q.first());
    }

    @Override
    public Subscription follow(EventQuery filter, Consumer<LoggedEvent> listener) {
        var f = new Follower(filter.after(null), listener);
        followers.add(f);
        return () -> followers.remove(f);
    }

    @Override
    public EventStorageStatus storage() {
        throw new UnsupportedOperationException();
    }

    /** Adds an event at {@code at} and tells the followers whose filter it matches. */
    LoggedEvent record(RouterId router, EventClass c, String type, Instant at, String actor, Map<String, Object> data) {
        var e = new LoggedEvent("ev-" + (++n), Optional.of(router), c, type, at, actor, type + " #" + n, data, EventTier.HOT);
        events.add(e);
        for (Follower f : followers) if (f.filter().matches(e)) f.listener().accept(e);
        return e;
    }

    LoggedEvent add(LoggedEvent e) {
        events.add(e);
        for (Follower f : followers) if (f.filter().matches(e)) f.listener().accept(e);
        return e;
    }
}

package com.nasnetconnect.server.graphql.backend;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventLogQueries;
import com.nasnetconnect.domain.events.EventPage;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventStorageStatus;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ColdEventStorage;
import com.nasnetconnect.domain.schema.types.EventLogConnection;
import com.nasnetconnect.domain.schema.types.EventLogEdge;
import com.nasnetconnect.domain.schema.types.EventStorage;
import com.nasnetconnect.domain.schema.types.EventTier;
import com.nasnetconnect.domain.schema.types.HotEventStorage;
import com.nasnetconnect.domain.schema.types.LogEvent;
import com.nasnetconnect.domain.schema.types.WarmEventStorage;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code eventLog} and {@code eventStorage} over the {@link EventLogQueries} in-port: arguments into an
 * {@link EventQuery} (which refuses bad ones naming the value), pages and tier sizes into the schema's types.
 * Viewers and up may read the event log; its data is masked already when it is recorded.
 */
final class EventLogPayloads {
    private final EventLogQueries events;

    EventLogPayloads(EventLogQueries events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    EventLogConnection eventLog(Principal who, String routerId, List<String> classes, List<String> types, Instant since, Instant until,
                                int first, String after) {
        who.require(Role.VIEWER, "read the event log");
        var c = EnumSet.noneOf(EventClass.class);
        if (classes != null) for (String name : classes) c.add(EventClass.valueOf(name));
        EventQuery q = new EventQuery(Optional.ofNullable(routerId).map(Arguments::requireRouterId), c,
                types == null ? java.util.Set.of() : new HashSet<>(types), Optional.ofNullable(since), Optional.ofNullable(until), first,
                Optional.ofNullable(after));
        EventPage page = events.query(q);
        List<LogEvent> nodes = page.events().stream().map(EventLogPayloads::node).toList();
        List<EventLogEdge> edges = page.events().stream().map(e -> new EventLogEdge(e.position().encode(), node(e))).toList();
        return new EventLogConnection(edges, nodes,
                Cursors.pageInfo(page.hasNextPage(), after != null, edges.stream().map(EventLogEdge::getCursor).toList()));
    }

    EventStorage eventStorage(Principal who) {
        who.require(Role.VIEWER, "read the event storage");
        EventStorageStatus s = events.storage();
        return new EventStorage(
                new HotEventStorage(s.hot().path(), s.hot().events(), s.hot().bytes(), s.hot().droppedLow(), s.hot().degraded().orElse(null)),
                new WarmEventStorage(s.warm().events(), s.warm().bytes(), s.warm().degraded().orElse(null)),
                new ColdEventStorage(s.cold().enabled(), s.cold().path().orElse(null), s.cold().bytes(), s.cold().degraded().orElse(null)));
    }

    static LogEvent node(LoggedEvent e) {
        return new LogEvent(e.id(), e.routerId().map(RouterId::value).orElse(null),
                com.nasnetconnect.domain.schema.types.EventClass.valueOf(e.eventClass().name()), EventTier.valueOf(e.tier().name()),
                e.type(), e.at(), e.actor(), e.summary(), e.data());
    }
}

package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.StoredTime;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A page request on the event log, newest first. Empty {@code classes} or {@code types} mean all;
 * {@code since} is inclusive, {@code until} exclusive; {@code after} is the end cursor of the previous page.
 * Validated here: a bad cursor, an empty time range or {@code first} outside 1..{@value #MAX_FIRST} is refused
 * with the bad value in the message.
 */
public record EventQuery(Optional<RouterId> routerId, Set<EventClass> classes, Set<String> types, Optional<Instant> since,
                         Optional<Instant> until, int first, Optional<String> after) {
    public static final int MAX_FIRST = 1000;
    public static final int DEFAULT_FIRST = 50;

    public EventQuery {
        Objects.requireNonNull(routerId, "routerId");
        classes = classes == null || classes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(classes));
        var t = new TreeSet<String>();
        if (types != null) for (String type : types) t.add(EventType.require(type));
        types = Set.copyOf(t);
        Objects.requireNonNull(since, "since").ifPresent(s -> StoredTime.require("since", s));
        Objects.requireNonNull(until, "until").ifPresent(u -> StoredTime.require("until", u));
        if (since.isPresent() && until.isPresent() && !since.get().isBefore(until.get())) {
            throw new IllegalArgumentException("since " + since.get() + " must be before until " + until.get());
        }
        if (first < 1 || first > MAX_FIRST) throw new IllegalArgumentException("first must be from 1 to " + MAX_FIRST + ": " + first);
        Objects.requireNonNull(after, "after").ifPresent(EventCursor::decode);
    }

    /** Everything, newest first, {@code first} at a time. */
    public static EventQuery all(int first) {
        return new EventQuery(Optional.empty(), Set.of(), Set.of(), Optional.empty(), Optional.empty(), first, Optional.empty());
    }

    public EventQuery forRouter(RouterId router) {
        return new EventQuery(Optional.of(router), classes, types, since, until, first, after);
    }

    public EventQuery between(Instant from, Instant to) {
        return new EventQuery(routerId, classes, types, Optional.of(from), Optional.of(to), first, after);
    }

    public EventQuery withClasses(Set<EventClass> only) {
        return new EventQuery(routerId, only, types, since, until, first, after);
    }

    public EventQuery withTypes(Set<String> only) {
        return new EventQuery(routerId, classes, only, since, until, first, after);
    }

    public EventQuery after(String cursor) {
        return new EventQuery(routerId, classes, types, since, until, first, Optional.ofNullable(cursor));
    }

    public Optional<EventCursor> position() {
        return after.map(EventCursor::decode);
    }

    /** Whether an event matches the filters and lies after the cursor (the tiers' filter, also usable in memory). */
    public boolean matches(LoggedEvent e) {
        if (routerId.isPresent() && !routerId.equals(e.routerId())) return false;
        if (!classes.isEmpty() && !classes.contains(e.eventClass())) return false;
        if (!types.isEmpty() && !types.contains(e.type())) return false;
        if (since.isPresent() && e.at().isBefore(since.get())) return false;
        if (until.isPresent() && !e.at().isBefore(until.get())) return false;
        return position().map(p -> p.isBefore(e.position())).orElse(true);
    }
}

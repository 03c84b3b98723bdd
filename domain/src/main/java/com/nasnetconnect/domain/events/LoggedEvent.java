package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.StoredTime;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One event of the event log.
 *
 * @param id       unique across routers and tiers; the same event in two tiers has the same id
 * @param routerId the router it concerns; empty for server-wide events (a login, an admin action)
 * @param type     dotted name, e.g. {@code resource.updated}, {@code service.state}, {@code telemetry.interface}
 * @param data     JSON-able values ({@link EventData}), sensitive values already masked
 * @param tier     the tier this copy was read from (for an event not read yet: where it was first written)
 */
public record LoggedEvent(String id, Optional<RouterId> routerId, EventClass eventClass, String type, Instant at, String actor,
                          String summary, Map<String, Object> data, EventTier tier) {
    public LoggedEvent {
        if (id == null || id.isBlank() || id.length() > 200) throw new IllegalArgumentException("event id must be 1..200 characters: '" + id + "'");
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(eventClass, "eventClass");
        EventType.require(type);
        StoredTime.require("at", at);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(summary, "summary");
        data = EventData.copy(data);
        Objects.requireNonNull(tier, "tier");
    }

    public LoggedEvent withTier(EventTier served) {
        return served == tier ? this : new LoggedEvent(id, routerId, eventClass, type, at, actor, summary, data, served);
    }

    /** The position of this event in the newest-first order of the log. */
    public EventCursor position() {
        return new EventCursor(EventCursor.nanos(at), id);
    }
}

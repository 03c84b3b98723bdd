package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.router.RouterId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An event to record; the journal gives it its id and time and masks its data. */
public record NewEvent(Optional<RouterId> routerId, EventClass eventClass, String type, String actor, String summary,
                       Map<String, Object> data) {
    public NewEvent {
        Objects.requireNonNull(routerId, "routerId");
        Objects.requireNonNull(eventClass, "eventClass");
        EventType.require(type);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(summary, "summary");
        data = EventData.copy(data);
    }

    public static NewEvent of(RouterId router, EventClass c, String type, String actor, String summary, Map<String, Object> data) {
        return new NewEvent(Optional.of(router), c, type, actor, summary, data);
    }
}

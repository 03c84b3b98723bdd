package com.nasnetconnect.server.web;

import com.nasnetconnect.domain.events.EventLogQueries;
import com.nasnetconnect.domain.events.EventStorageStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The event tiers in {@code /health/ready}: where the hot tier is, how full, how many LOW events it dropped; the
 * warm tier's size; whether the cold tier is configured and mounted. A degraded tier (hot tier in the data directory
 * instead of tmpfs, a full hot tier, an absent or failing cold directory) is listed under {@code degraded} but does
 * not make the server unready: applies and queries go on without it.
 */
public final class EventsReadiness implements Readiness {
    private final EventLogQueries events;

    public EventsReadiness(EventLogQueries events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    public String name() {
        return "events";
    }

    @Override
    public Check check() {
        EventStorageStatus s = events.storage();
        var d = new LinkedHashMap<String, Object>();
        var degraded = new ArrayList<String>();
        d.put("hotPath", s.hot().path());
        d.put("hotEvents", s.hot().events());
        d.put("hotBytes", s.hot().bytes());
        d.put("hotDroppedLow", s.hot().droppedLow());
        d.put("hotDroppedOther", s.hot().droppedOther());
        s.hot().degraded().ifPresent(degraded::add);
        d.put("warmEvents", s.warm().events());
        d.put("warmBytes", s.warm().bytes());
        s.warm().degraded().ifPresent(degraded::add);
        d.put("cold", s.cold().enabled() ? s.cold().degraded().isPresent() ? "failing" : "mounted" : "not configured");
        s.cold().path().ifPresent(p -> d.put("coldPath", p));
        s.cold().degraded().ifPresent(degraded::add);
        if (!degraded.isEmpty()) d.put("degraded", degraded);
        return new Check(true, Map.copyOf(d));
    }
}

package com.nasnetconnect.storage.events;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventCursor;
import com.nasnetconnect.domain.events.EventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.router.RouterId;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/** JSON of event data, of warm payloads ({@code actor, summary, data}) and of whole events (cold partitions). */
final class EventJson {
    /** Jackson 2's defaults: stored JSON is read and written as the Jackson 2 code did ({@code StoredEventJsonTest} holds texts it wrote). */
    private static final ObjectMapper MAPPER = JsonMapper.builderWithJackson2Defaults().build();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    /** Resolved once: a reader per call would look the map type's deserializer up again. */
    private static final ObjectReader MAP_READER = MAPPER.readerFor(MAP);

    private EventJson() {
    }

    static String data(Map<String, Object> data) {
        return data.isEmpty() ? "{}" : write(data);
    }

    static Map<String, Object> data(String json) {
        return "{}".equals(json) ? Map.of() : read(json);
    }

    /** The compressed part of a warm row. */
    static byte[] payload(LoggedEvent e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("actor", e.actor());
        m.put("summary", e.summary());
        m.put("data", e.data());
        return write(m).getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static LoggedEvent fromPayload(String id, Optional<RouterId> router, EventClass c, String type, long atNanos, byte[] payload, EventTier tier) {
        Map<String, Object> m = read(new String(payload, StandardCharsets.UTF_8));
        return new LoggedEvent(id, router, c, type, EventCursor.instant(atNanos), (String) m.get("actor"), (String) m.get("summary"),
                (Map<String, Object>) m.getOrDefault("data", Map.of()), tier);
    }

    /** One line of a cold partition. */
    static String line(LoggedEvent e) {
        var m = new LinkedHashMap<String, Object>();
        m.put("id", e.id());
        m.put("routerId", e.routerId().map(RouterId::value).orElse(null));
        m.put("class", e.eventClass().name());
        m.put("type", e.type());
        m.put("at", EventCursor.nanos(e.at()));
        m.put("actor", e.actor());
        m.put("summary", e.summary());
        m.put("data", e.data());
        return write(m);
    }

    @SuppressWarnings("unchecked")
    static LoggedEvent fromLine(String line, EventTier tier) {
        Map<String, Object> m = read(line);
        Object router = m.get("routerId");
        return new LoggedEvent((String) m.get("id"), router == null ? Optional.empty() : Optional.of(new RouterId((String) router)),
                EventClass.valueOf((String) m.get("class")), (String) m.get("type"), EventCursor.instant(((Number) m.get("at")).longValue()),
                (String) m.get("actor"), (String) m.get("summary"), (Map<String, Object>) m.getOrDefault("data", Map.of()), tier);
    }

    private static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot write event JSON", e);
        }
    }

    private static Map<String, Object> read(String json) {
        try {
            return MAP_READER.readValue(json);
        } catch (JacksonException e) {
            throw new IllegalStateException("stored event JSON is not readable", e);
        }
    }
}

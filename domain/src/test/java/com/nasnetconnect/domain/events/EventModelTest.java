package com.nasnetconnect.domain.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nasnetconnect.domain.schema.Redactor;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventModelTest {
    @Test
    void secretNamedValuesAreMaskedAtAnyDepth() {
        Map<String, Object> data = EventData.masked(Map.of("user", "alice", "password", "hunter2",
                "peer", Map.of("private-key", "abc=", "endpoint", "1.2.3.4"), "keys", List.of(Map.of("preshared-key", "x"))));
        assertEquals("alice", data.get("user"));
        assertEquals(Redactor.MASK, data.get("password"));
        assertEquals(Map.of("private-key", Redactor.MASK, "endpoint", "1.2.3.4"), data.get("peer"));
        assertEquals(List.of(Map.of("preshared-key", Redactor.MASK)), data.get("keys"));
    }

    @Test
    void defaultRetentionIsTheIssues() {
        var r = EventRetention.defaults();
        assertEquals(new EventRetention.Keep(Duration.ofHours(24), Duration.ofDays(30)), r.keep(EventClass.CRITICAL, "auth.login"));
        assertEquals(new EventRetention.Keep(Duration.ofHours(24), Duration.ofDays(7)), r.keep(EventClass.NORMAL, "service.state"));
        assertFalse(r.keep(EventClass.LOW, "telemetry.interface").warmKept());
        var custom = r.withType("telemetry.cpu", EventRetention.Keep.of("1h", "3d"));
        assertEquals(Duration.ofDays(3), custom.keep(EventClass.LOW, "telemetry.cpu").warm());
        assertEquals(Duration.ZERO, custom.keep(EventClass.LOW, "telemetry.interface").warm());
    }

    @Test
    void cursorsRoundTripAndABadOneIsRefusedQuotingIt() {
        var at = Instant.parse("2026-03-10T12:00:00.000000123Z");
        var c = new EventCursor(EventCursor.nanos(at), EventIds.next(at));
        assertEquals(c, EventCursor.decode(c.encode()));
        var e = assertThrows(IllegalArgumentException.class, () -> EventQuery.all(10).after("garbage!"));
        assertTrue(e.getMessage().contains("'garbage!'"));
        assertThrows(IllegalArgumentException.class, () -> EventQuery.all(0));
        assertThrows(IllegalArgumentException.class, () -> EventQuery.all(10).between(at, at));
        assertThrows(IllegalArgumentException.class, () -> EventQuery.all(10).withTypes(java.util.Set.of("Not A Type")));
    }

    @Test
    void newerEventsComeFirstAndTiesAreBrokenById() {
        var at = Instant.parse("2026-03-10T12:00:00Z");
        var older = new EventCursor(EventCursor.nanos(at), "b");
        var newer = new EventCursor(EventCursor.nanos(at.plusNanos(1)), "a");
        assertTrue(newer.compareTo(older) < 0);
        assertTrue(new EventCursor(EventCursor.nanos(at), "b").compareTo(new EventCursor(EventCursor.nanos(at), "a")) < 0);
        var e = new LoggedEvent("a", Optional.empty(), EventClass.LOW, "x.y", at, "me", "s", Map.of(), EventTier.HOT);
        assertTrue(EventQuery.all(10).after(older.encode()).matches(e));
        assertFalse(EventQuery.all(10).after(new EventCursor(EventCursor.nanos(at), "a").encode()).matches(e));
    }
}

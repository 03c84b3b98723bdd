package com.nasnetconnect.domain.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
    @Test
    void readsDurationsAsSettingsWriteThem() {
        assertEquals(Duration.ZERO, Durations.parse("0s"));
        assertEquals(Duration.ofSeconds(90), Durations.parse("90s"));
        assertEquals(Duration.ofHours(12), Durations.parse("12h"));
        assertEquals(Duration.ofDays(30), Durations.parse("30d"));
        assertEquals(Duration.ofMinutes(5), Durations.parse(" 5m "));
        assertEquals(Duration.ofDays(14), Durations.parse("2w"));
    }

    @Test
    void refusesAnythingElseNamingTheText() {
        for (String bad : new String[] {"", "30", "d", "-1s", "1.5h", "12 hours", "1h30m", "30days"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> Durations.parse(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Durations.parse(null));
    }

    @Test
    void formatsTheShortestFormThatReadsBack() {
        assertEquals("0s", Durations.format(Duration.ZERO));
        assertEquals("90s", Durations.format(Duration.ofSeconds(90)));
        assertEquals("12h", Durations.format(Duration.ofHours(12)));
        assertEquals("7d", Durations.format(Duration.ofDays(7)));
        assertEquals("30d", Durations.format(Duration.ofDays(30)));
    }
}

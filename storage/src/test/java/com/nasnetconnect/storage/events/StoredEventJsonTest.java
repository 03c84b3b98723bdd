package com.nasnetconnect.storage.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventCursor;
import com.nasnetconnect.domain.events.EventData;
import com.nasnetconnect.domain.events.EventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.router.RouterId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Event JSON in the exact form the Jackson 2 code stored it (a cold partition's line, a warm row's payload) reads
 * back as the event, and the event is written as the same text, so data directories from before the move to
 * Jackson 3 load unchanged and new rows look like old ones. The texts below were written by that code.
 */
class StoredEventJsonTest {
    static final String LINE = "{\"id\":\"01HZX3-evt/1\",\"routerId\":\"lab-1\",\"class\":\"CRITICAL\",\"type\":\"resource.updated\","
            + "\"at\":1772360130123456789,\"actor\":\"api-key:ops/ci\",\"summary\":\"VLAN 'gäste/😀' </script> changed\u2028\","
            + "\"data\":{\"name\":\"gäste/😀\",\"vlanId\":4094,\"big\":9007199254740993,\"negative\":-1,\"ratio\":0.1,\"whole\":2.0,"
            + "\"enabled\":true,\"none\":null,\"ports\":[\"ether1\",null,3,false],\"nested\":{\"z\":\"last\",\"a\":{\"deep\":[]}},"
            + "\"quote\":\"say \\\"hi\\\" \\\\ tab\\t\"}}";
    static final String PAYLOAD = "{\"actor\":\"api-key:ops/ci\",\"summary\":\"VLAN 'gäste/😀' </script> changed\u2028\","
            + "\"data\":{\"name\":\"gäste/😀\",\"vlanId\":4094,\"big\":9007199254740993,\"negative\":-1,\"ratio\":0.1,\"whole\":2.0,"
            + "\"enabled\":true,\"none\":null,\"ports\":[\"ether1\",null,3,false],\"nested\":{\"z\":\"last\",\"a\":{\"deep\":[]}},"
            + "\"quote\":\"say \\\"hi\\\" \\\\ tab\\t\"}}";
    static final String DATA = "{\"name\":\"gäste/😀\",\"vlanId\":4094,\"big\":9007199254740993,\"negative\":-1,\"ratio\":0.1,"
            + "\"whole\":2.0,\"enabled\":true,\"none\":null,\"ports\":[\"ether1\",null,3,false],\"nested\":{\"z\":\"last\",\"a\":{\"deep\":[]}},"
            + "\"quote\":\"say \\\"hi\\\" \\\\ tab\\t\"}";

    static Map<String, Object> data() {
        var nested = new LinkedHashMap<String, Object>();
        nested.put("z", "last");
        nested.put("a", Map.of("deep", List.of()));
        var d = new LinkedHashMap<String, Object>();
        d.put("name", "gäste/😀");
        d.put("vlanId", 4094L);
        d.put("big", 9007199254740993L);
        d.put("negative", -1L);
        d.put("ratio", 0.1);
        d.put("whole", 2.0);
        d.put("enabled", true);
        d.put("none", null);
        d.put("ports", Arrays.asList("ether1", null, 3L, false));
        d.put("nested", nested);
        d.put("quote", "say \"hi\" \\ tab\t");
        return d;
    }

    static LoggedEvent event(EventTier tier) {
        return new LoggedEvent("01HZX3-evt/1", Optional.of(new RouterId("lab-1")), EventClass.CRITICAL, "resource.updated",
                Instant.parse("2026-03-01T10:15:30.123456789Z"), "api-key:ops/ci", "VLAN 'gäste/😀' </script> changed\u2028",
                data(), tier);
    }

    @Test
    void aColdLineStoredByTheJackson2CodeReadsBackAsTheEvent() {
        LoggedEvent read = EventJson.fromLine(LINE, EventTier.COLD);

        assertThat(read).isEqualTo(event(EventTier.COLD));
        assertThat(read.data().keySet()).containsExactly("name", "vlanId", "big", "negative", "ratio", "whole", "enabled", "none",
                "ports", "nested", "quote");
        assertThat(EventCursor.nanos(read.at())).isEqualTo(1772360130123456789L);
    }

    @Test
    void aWarmPayloadStoredByTheJackson2CodeReadsBackAsTheEvent() {
        LoggedEvent read = EventJson.fromPayload("01HZX3-evt/1", Optional.of(new RouterId("lab-1")), EventClass.CRITICAL,
                "resource.updated", 1772360130123456789L, PAYLOAD.getBytes(StandardCharsets.UTF_8), EventTier.WARM);

        assertThat(read).isEqualTo(event(EventTier.WARM));
    }

    /** A hot row's data column; as before, small whole numbers come back as Integer until LoggedEvent copies them. */
    @Test
    void eventDataStoredByTheJackson2CodeReadsBackInItsOrder() {
        assertThat(EventData.copy(EventJson.data(DATA))).isEqualTo(data());
        assertThat(EventJson.data(DATA).keySet()).containsExactlyElementsOf(data().keySet());
        assertThat(EventJson.data("{}")).isEmpty();
    }

    @Test
    void anEventIsStoredAsTheJackson2CodeStoredIt() {
        assertThat(EventJson.line(event(EventTier.HOT))).isEqualTo(LINE);
        assertThat(new String(EventJson.payload(event(EventTier.HOT)), StandardCharsets.UTF_8)).isEqualTo(PAYLOAD);
        assertThat(EventJson.data(event(EventTier.HOT).data())).isEqualTo(DATA);
        assertThat(EventJson.data(Map.of())).isEqualTo("{}");
    }

    @Test
    void aLineWithoutARouterReadsBackWithoutOne() {
        String line = "{\"id\":\"e2\",\"routerId\":null,\"class\":\"LOW\",\"type\":\"system.started\",\"at\":0,\"actor\":\"system\","
                + "\"summary\":\"started\",\"data\":{}}";

        LoggedEvent read = EventJson.fromLine(line, EventTier.COLD);

        assertThat(read.routerId()).isEmpty();
        assertThat(read.data()).isEmpty();
        assertThat(EventJson.line(read)).isEqualTo(line);
    }
}

package com.nasnetconnect.domain.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
    @Test
    void writesSortedKeysWithoutWhitespaceAndEscapesOnlyWhatJsonMust() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", 1L);
        m.put("a", Arrays.asList(true, null, "say \"hi\"\n\\ é/", -7L));
        m.put("B", Map.of());
        assertEquals("{\"B\":{},\"a\":[true,null,\"say \\\"hi\\\"\\n\\\\ é/\",-7],\"b\":1}", CanonicalJson.encodeToString(m));
        assertEquals("\"\\u0001\"", CanonicalJson.encodeToString("\u0001"));
    }

    @Test
    void encodesTextAsUtf8() {
        assertArrayEquals("\"é\"".getBytes(StandardCharsets.UTF_8), CanonicalJson.encode("é"));
    }

    @Test
    void readsAnyLayoutIntoTheSameCanonicalBytes() {
        String pretty = """
                {
                  "version" : 3,
                  "_type" : "targets",
                  "releases" : [ { "notes" : "caf\\u00e9", "rollout": 50 } ]
                }
                """;
        Object parsed = CanonicalJson.parse(pretty);
        assertEquals("{\"_type\":\"targets\",\"releases\":[{\"notes\":\"café\",\"rollout\":50}],\"version\":3}",
                CanonicalJson.encodeToString(parsed));
        assertEquals(parsed, CanonicalJson.parse(CanonicalJson.encode(parsed)));
    }

    @Test
    void refusesWhatTwoEncodersCouldDisagreeAboutNamingWhere() {
        for (String bad : List.of("1.5", "1e3", "{\"a\":1,\"a\":2}", "[1,]", "{\"a\":1} x", "01", "\"open", "{\"a\" 1}", "tru")) {
            var e = assertThrows(IllegalArgumentException.class, () -> CanonicalJson.parse(bad), bad);
            assertTrue(e.getMessage().startsWith("not valid JSON at character "), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> CanonicalJson.parse("{\"k\":1,\"k\":2}")).getMessage()
                .contains("the key \"k\" appears twice"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.encode(1.5));
    }

    @Test
    void refusesNestingDeeperThanSixtyFour() {
        List<Object> deep = new ArrayList<>();
        Object v = deep;
        for (int i = 0; i < 70; i++) v = List.of(v);
        String text = CanonicalJson.encodeToString(v);
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.parse(text));
    }
}

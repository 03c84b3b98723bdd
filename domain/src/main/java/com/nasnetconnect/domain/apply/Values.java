package com.nasnetconnect.domain.apply;

import java.util.Map;

/** Comparison of a sent value with what RouterOS reports back (RouterOS spells booleans two ways). */
final class Values {
    private Values() { }

    static boolean same(String sent, String reported) {
        if (sent == null || reported == null) return sent == null && reported == null || "".equals(sent) && reported == null
                || sent == null && "".equals(reported);
        return normalize(sent).equals(normalize(reported));
    }

    static String normalize(String v) {
        return switch (v) {
            case "yes", "true" -> "true";
            case "no", "false" -> "false";
            default -> v;
        };
    }

    /** True when every identity attribute of {@code row} equals the wanted value (an absent wanted value matches absent). */
    static boolean matches(Map<String, String> row, Map<String, String> wanted) {
        for (var e : wanted.entrySet()) {
            if (!same(e.getValue(), row.get(e.getKey()))) return false;
        }
        return true;
    }
}

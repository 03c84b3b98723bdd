package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.schema.Redactor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The data of an event: a map of JSON values (strings, numbers, booleans, null, lists and maps of them).
 * {@link #masked(Map)} replaces the values of keys that name a secret (password, secret, key, token, psk, …)
 * by {@link Redactor#MASK}, at any depth, so a secret never reaches any tier.
 */
public final class EventData {
    private static final Set<String> SECRET_WORDS = Set.of("password", "passphrase", "secret", "private-key", "privatekey",
            "private_key", "preshared-key", "preshared_key", "presharedkey", "psk", "token", "api-key", "apikey", "api_key",
            "authorization", "cookie", "credential", "credentials");

    private EventData() {
    }

    /** An immutable deep copy, insertion order kept. @throws IllegalArgumentException naming a value that is not JSON */
    public static Map<String, Object> copy(Map<String, Object> data) {
        if (data == null) return Map.of();
        return Collections.unmodifiableMap(copyMap(data, false));
    }

    /** As {@link #copy}, with the values of secret-named keys masked. */
    public static Map<String, Object> masked(Map<String, Object> data) {
        if (data == null) return Map.of();
        return Collections.unmodifiableMap(copyMap(data, true));
    }

    static boolean namesSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (SECRET_WORDS.contains(k)) return true;
        for (String w : SECRET_WORDS) {
            if (w.length() > 3 && k.contains(w)) return true;
        }
        return false;
    }

    private static LinkedHashMap<String, Object> copyMap(Map<?, ?> data, boolean mask) {
        var out = new LinkedHashMap<String, Object>();
        for (var e : data.entrySet()) {
            if (!(e.getKey() instanceof String key)) throw new IllegalArgumentException("event data keys must be text: " + e.getKey());
            Object v = e.getValue();
            out.put(key, mask && v != null && namesSecret(key) ? Redactor.MASK : copyValue(key, v, mask));
        }
        return out;
    }

    private static Object copyValue(String key, Object v, boolean mask) {
        return switch (v) {
            case null -> null;
            case String s -> s;
            case Boolean b -> b;
            case Integer i -> i.longValue();
            case Long l -> l;
            case Short s -> s.longValue();
            case Byte b -> b.longValue();
            case Double d -> d;
            case Float f -> f.doubleValue();
            case Number n -> n.toString();
            case Map<?, ?> m -> Collections.unmodifiableMap(copyMap(m, mask));
            case List<?> l -> {
                var out = new ArrayList<>(l.size());
                for (Object o : l) out.add(copyValue(key, o, mask));
                yield Collections.unmodifiableList(out);
            }
            case Enum<?> e -> e.name();
            default -> v.toString();
        };
    }
}

package com.nasnetconnect.domain.events;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Event type names: lower-case dotted words, e.g. {@code resource.updated}, at most 100 characters. */
public final class EventType {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*");
    /** Names already checked: a page of the log reads the same few types a hundred times. Bounded. */
    private static final Set<String> CHECKED = ConcurrentHashMap.newKeySet();
    private static final int MAX_CHECKED = 4096;

    private EventType() {
    }

    /** @throws IllegalArgumentException naming the type when it is not such a name */
    public static String require(String type) {
        if (type != null && CHECKED.contains(type)) return type;
        if (type == null || type.length() > 100 || !NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must be lower-case dotted words like 'resource.updated': '" + type + "'");
        }
        if (CHECKED.size() < MAX_CHECKED) CHECKED.add(type);
        return type;
    }
}

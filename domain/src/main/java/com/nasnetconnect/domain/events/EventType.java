package com.nasnetconnect.domain.events;

import java.util.regex.Pattern;

/** Event type names: lower-case dotted words, e.g. {@code resource.updated}, at most 100 characters. */
public final class EventType {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z0-9][a-z0-9_-]*)*");

    private EventType() {
    }

    /** @throws IllegalArgumentException naming the type when it is not such a name */
    public static String require(String type) {
        if (type == null || type.length() > 100 || !NAME.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must be lower-case dotted words like 'resource.updated': '" + type + "'");
        }
        return type;
    }
}

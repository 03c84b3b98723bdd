package com.nasnetconnect.domain.state;

import java.util.UUID;

/** Identity of one resource, stable for its whole life (and after deletion, in its history). */
public record ResourceId(UUID value) implements Comparable<ResourceId> {
    public ResourceId {
        if (value == null) throw new IllegalArgumentException("resource id is null");
    }

    public static ResourceId random() {
        return new ResourceId(UUID.randomUUID());
    }

    /** Parses a UUID text; names the bad value otherwise. */
    public static ResourceId parse(String text) {
        try {
            return new ResourceId(UUID.fromString(text == null ? "" : text.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("resource id is not a UUID: '" + text + "'");
        }
    }

    @Override
    public int compareTo(ResourceId o) {
        return value.toString().compareTo(o.value.toString());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

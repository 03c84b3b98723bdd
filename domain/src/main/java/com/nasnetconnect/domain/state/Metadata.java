package com.nasnetconnect.domain.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Layer 6: lifecycle. {@code version} starts at 1 and grows by exactly 1 with every committed change: the store
 * refuses a change whose version is not the stored one plus 1 (optimistic concurrency).
 */
public record Metadata(Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, long version,
                       List<String> tags, String description) {
    public Metadata {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(updatedBy, "updatedBy");
        Objects.requireNonNull(description, "description");
        tags = List.copyOf(tags.stream().distinct().toList());
        if (version < 1) throw new IllegalArgumentException("resource version must be >= 1: " + version);
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt " + updatedAt + " is before createdAt " + createdAt);
        }
        for (String t : tags) {
            if (t.isBlank() || t.length() > 64) throw new IllegalArgumentException("tag must be 1..64 characters: '" + t + "'");
        }
        if (description.length() > 1000) {
            throw new IllegalArgumentException("description longer than 1000 characters: " + description.length());
        }
    }

    public static Metadata created(Instant at, String by) {
        return new Metadata(at, by, at, by, 1, List.of(), "");
    }

    /** The metadata of the next version, changed by {@code by} at {@code at}. */
    public Metadata next(Instant at, String by) {
        return new Metadata(createdAt, createdBy, at.isBefore(createdAt) ? createdAt : at, by, version + 1, tags, description);
    }

    public Metadata withTags(List<String> newTags) {
        return new Metadata(createdAt, createdBy, updatedAt, updatedBy, version, newTags, description);
    }

    public Metadata withDescription(String text) {
        return new Metadata(createdAt, createdBy, updatedAt, updatedBy, version, tags, text);
    }
}

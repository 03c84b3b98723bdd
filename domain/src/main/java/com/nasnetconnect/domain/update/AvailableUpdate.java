package com.nasnetconnect.domain.update;

import java.util.Objects;

/** A release newer than the running one, from verified metadata. */
public record AvailableUpdate(String version, Severity severity, String notes) {
    public AvailableUpdate {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(severity, "severity");
        notes = notes == null ? "" : notes;
    }
}

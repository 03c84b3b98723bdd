package com.nasnetconnect.domain.update;

import java.time.Instant;
import java.util.Objects;

/** One entry of the update history: a check, download, apply, commit or rollback, and how it went. */
public record UpdateRecord(Instant at, Kind kind, String version, boolean ok, String detail) {
    public enum Kind { CHECK, DOWNLOAD, STAGE, APPLY, COMMIT, ROLLBACK }

    public UpdateRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        version = version == null ? "" : version;
        detail = detail == null ? "" : detail;
    }
}

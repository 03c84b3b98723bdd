package com.nasnetconnect.domain.state;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The last comparison of the deployment layer with the router. {@code before} of each difference is what the
 * deployment layer holds, {@code after} is what the router reported. {@code missing} means the object is gone
 * from the router altogether.
 */
public record Drift(List<FieldDifference> differences, boolean missing, Instant checkedAt) {
    public Drift {
        differences = List.copyOf(differences);
        Objects.requireNonNull(checkedAt, "checkedAt");
    }

    public static Drift none(Instant checkedAt) {
        return new Drift(List.of(), false, checkedAt);
    }

    public boolean drifted() {
        return missing || !differences.isEmpty();
    }
}

package com.nasnetconnect.domain.update;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One release in {@code targets.json}: its version, how urgent it is, its notes, the artifact (the jar) and the
 * share of devices it is offered to ({@code rollout}, 1–100: a device whose {@linkplain RolloutBucket bucket} is
 * below it gets it).
 */
public record Release(String version, Severity severity, String notes, TargetFile artifact, int rollout) {
    public Release {
        if (version == null || !version.matches("[0-9A-Za-z][0-9A-Za-z.+-]{0,63}")) throw new IllegalArgumentException("version '" + version + "' is not a version");
        Objects.requireNonNull(severity, "severity");
        notes = notes == null ? "" : notes;
        Objects.requireNonNull(artifact, "artifact");
        if (rollout < 1 || rollout > 100) throw new IllegalArgumentException("rollout " + rollout + " of " + version + " is not 1-100");
    }

    public AvailableUpdate available() {
        return new AvailableUpdate(version, severity, notes);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("severity", severity.label());
        m.put("notes", notes);
        m.put("artifact", artifact.json());
        m.put("rollout", (long) rollout);
        return m;
    }

    @SuppressWarnings("unchecked")
    static Release of(Map<String, Object> m) {
        if (!(m.get("artifact") instanceof Map<?, ?> a)) throw new IllegalArgumentException("a release has no artifact");
        long rollout = m.get("rollout") == null ? 100 : SignedMetadata.number(m, "rollout");
        return new Release(SignedMetadata.string(m, "version"), Severity.parse(SignedMetadata.string(m, "severity")),
                m.get("notes") instanceof String n ? n : "", TargetFile.of((Map<String, Object>) a), (int) Math.max(0, Math.min(rollout, 1000)));
    }
}

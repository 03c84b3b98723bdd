package com.nasnetconnect.domain.update;

import java.util.Locale;

/** How urgent a release is; decides what the device does with it by itself (see {@link UpdatePolicy}). */
public enum Severity {
    /** Applied at once (outside quiet hours). */
    SECURITY,
    /** Applied when the router is idle. */
    MINOR,
    /** Waits for the owner's approval ({@code applyUpdate}). */
    MAJOR,
    /** Needs the owner to review the notes and approve. */
    BREAKING;

    /** {@code security}, {@code minor}… as the release command and metadata spell it; names the bad value otherwise. */
    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.name().equalsIgnoreCase(text == null ? "" : text.trim())) return s;
        }
        throw new IllegalArgumentException("severity '" + text + "' is none of security, minor, major, breaking");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package com.nasnetconnect.domain.update;

import java.util.Locale;

/**
 * {@code NNC_UPDATE_POLICY}: {@code auto} (default) applies security releases at once and minor ones when idle,
 * and asks the owner for major and breaking ones; {@code notify} only reports what is available; {@code never}
 * does not check.
 */
public enum UpdatePolicy {
    AUTO, NOTIFY, NEVER;

    public static UpdatePolicy parse(String text) {
        for (UpdatePolicy p : values()) {
            if (p.name().equalsIgnoreCase(text == null ? "" : text.trim())) return p;
        }
        throw new IllegalArgumentException("NNC_UPDATE_POLICY '" + text + "' is none of auto, notify, never");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}

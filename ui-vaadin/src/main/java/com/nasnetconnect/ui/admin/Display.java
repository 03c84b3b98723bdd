package com.nasnetconnect.ui.admin;

import com.nasnetconnect.domain.security.Role;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the admin screens write times and roles. */
public final class Display {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private Display() {
    }

    /** "2026-11-25 22:13:06" in {@code zone}, or {@code none} when {@code at} is null. */
    public static String time(Instant at, ZoneId zone, String none) {
        return at == null ? none : TIME.format(at.atZone(zone));
    }

    /** "admin", "operator", "viewer". */
    public static String role(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }
}

package com.nasnetconnect.domain.update;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the checker runs ({@code NNC_UPDATE_*}).
 *
 * @param url        the repository ({@code NNC_UPDATE_URL}); none: no checks
 * @param interval   between scheduled checks ({@code NNC_UPDATE_INTERVAL}, default 6h), each moved by up to
 *                   ±{@code jitter} of it so that devices do not all ask at once
 * @param quietFrom  no scheduled check from here… ({@code NNC_UPDATE_QUIET_HOURS=02:00-06:00}, local time)
 * @param quietUntil …until here; equal times mean no quiet hours
 * @param metered    {@code NNC_UPDATE_METERED_INTERFACES}: no check while one of them carries traffic
 * @param downloads  where artifacts are downloaded (and resumed) before they are staged
 */
public record UpdateSettings(Optional<String> url, Duration interval, double jitter, LocalTime quietFrom, LocalTime quietUntil,
                             ZoneId zone, UpdatePolicy policy, List<String> metered, Path downloads) {
    public UpdateSettings {
        Objects.requireNonNull(url, "url");
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("update interval must be positive: " + interval);
        if (jitter < 0 || jitter > 0.5) throw new IllegalArgumentException("jitter must be 0 to 0.5: " + jitter);
        Objects.requireNonNull(quietFrom, "quietFrom");
        Objects.requireNonNull(quietUntil, "quietUntil");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(policy, "policy");
        metered = List.copyOf(metered);
        Objects.requireNonNull(downloads, "downloads");
    }

    /** Whether {@code time} falls in the quiet hours (which may span midnight: 22:00-06:00). */
    public boolean quiet(LocalTime time) {
        if (quietFrom.equals(quietUntil)) return false;
        if (quietFrom.isBefore(quietUntil)) return !time.isBefore(quietFrom) && time.isBefore(quietUntil);
        return !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }

    /** {@code HH:MM-HH:MM}, naming the bad text otherwise. */
    public static LocalTime[] parseQuietHours(String text) {
        String t = text == null ? "" : text.strip();
        if (!t.matches("[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9]")) {
            throw new IllegalArgumentException("quiet hours '" + text + "' are not written like 02:00-06:00");
        }
        try {
            return new LocalTime[] {LocalTime.parse(t.substring(0, 5)), LocalTime.parse(t.substring(6))};
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("quiet hours '" + text + "' are not times of day");
        }
    }
}

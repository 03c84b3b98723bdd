package com.nasnetconnect.domain.common;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as settings and command lines write them: a whole number and one unit, {@code s} seconds,
 * {@code m} minutes, {@code h} hours, {@code d} days, {@code w} weeks: {@code 0s}, {@code 90s}, {@code 12h},
 * {@code 30d}. Zero is allowed (it means "not kept" for a retention); negative numbers and fractions are not.
 * At most about a hundred years.
 */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})([smhdw])");
    private static final Duration MAX = Duration.ofDays(36_525);

    private Durations() {
    }

    /** @throws IllegalArgumentException naming the text when it is not such a duration */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration: write a whole number and a unit, like 0s, 90s, 12h, 30d");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (d.compareTo(MAX) > 0) throw new IllegalArgumentException("the duration '" + text + "' is longer than a hundred years");
        return d;
    }

    /** The shortest form {@link #parse} reads back: {@code 30d}, {@code 12h}, {@code 90s}, {@code 0s}. */
    public static String format(Duration d) {
        if (d.isNegative()) throw new IllegalArgumentException("negative duration: " + d);
        long s = d.getSeconds();
        if (s == 0) return "0s";
        if (s % 86_400 == 0) return s / 86_400 + "d";
        if (s % 3_600 == 0) return s / 3_600 + "h";
        if (s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }
}

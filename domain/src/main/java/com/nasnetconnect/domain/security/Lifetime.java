package com.nasnetconnect.domain.security;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A lifetime as people write it: a positive whole number and a unit, {@code s} seconds, {@code m} minutes,
 * {@code h} hours, {@code d} days or {@code w} weeks ({@code 90s}, {@code 12h}, {@code 30d}). At most ten years.
 */
public final class Lifetime {
    private static final Pattern FORM = Pattern.compile("([0-9]{1,9})\\s*([smhdw])");
    private static final Duration MAX = Duration.ofDays(3653);

    private Lifetime() {}

    /** @throws IllegalArgumentException naming the text when it is not such a lifetime */
    public static Duration parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a lifetime: write a number and a unit, like 90s, 12h, 30d");
        }
        long n = Long.parseLong(m.group(1));
        if (n == 0) throw new IllegalArgumentException("the lifetime '" + text + "' must be longer than nothing");
        Duration d = switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            case "d" -> Duration.ofDays(n);
            default -> Duration.ofDays(7 * n);
        };
        if (d.compareTo(MAX) > 0) throw new IllegalArgumentException("the lifetime '" + text + "' is longer than ten years");
        return d;
    }
}

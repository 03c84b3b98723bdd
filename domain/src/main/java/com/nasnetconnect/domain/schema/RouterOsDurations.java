package com.nasnetconnect.domain.schema;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** RouterOS writes durations as {@code 1w2d3h4m5s} (any subset, in that order; also {@code 5s123ms}). */
public final class RouterOsDurations {
    private static final Pattern PART = Pattern.compile("(\\d+)(w|d|h|ms|m|s)");
    private static final Pattern CLOCK = Pattern.compile("(?:(\\d+)d)?\\s*(\\d{1,2}):(\\d{2}):(\\d{2})");

    private RouterOsDurations() {
    }

    /** Parses {@code 1w2d3h4m5s} or {@code 2d 03:04:05}; empty for anything else (never throws). */
    public static Optional<Duration> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.trim();
        Matcher c = CLOCK.matcher(t);
        if (c.matches()) {
            long days = c.group(1) == null ? 0 : Long.parseLong(c.group(1));
            return Optional.of(Duration.ofDays(days).plusHours(Long.parseLong(c.group(2)))
                    .plusMinutes(Long.parseLong(c.group(3))).plusSeconds(Long.parseLong(c.group(4))));
        }
        Matcher m = PART.matcher(t);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) return Optional.empty();
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "w" -> Duration.ofDays(7 * n);
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                case "s" -> Duration.ofSeconds(n);
                default -> Duration.ofMillis(n);
            });
            end = m.end();
        }
        return end == t.length() && end > 0 ? Optional.of(total) : Optional.empty();
    }

    /** Formats like RouterOS: {@code 1w2d3h4m5s}, {@code 0s} for zero. */
    public static String format(Duration d) {
        long s = d.toSeconds();
        if (s <= 0) return "0s";
        StringBuilder sb = new StringBuilder();
        long w = s / 604800; s %= 604800;
        long days = s / 86400; s %= 86400;
        long h = s / 3600; s %= 3600;
        long m = s / 60; s %= 60;
        if (w > 0) sb.append(w).append('w');
        if (days > 0) sb.append(days).append('d');
        if (h > 0) sb.append(h).append('h');
        if (m > 0) sb.append(m).append('m');
        if (s > 0) sb.append(s).append('s');
        return sb.toString();
    }
}

package com.nasnetconnect.routeros.sim;

/** RouterOS time intervals: "1w2d3h4m5s", "500ms", "00:05:00", or plain seconds. */
final class Durations {

    private Durations() {
    }

    /** Formats seconds as RouterOS prints an uptime, e.g. "1d2h3m4s" ("0s" for zero). */
    static String format(long seconds) {
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder b = new StringBuilder();
        long w = seconds / 604800;
        long d = seconds / 86400 % 7;
        long h = seconds / 3600 % 24;
        long m = seconds / 60 % 60;
        long s = seconds % 60;
        if (w > 0) {
            b.append(w).append('w');
        }
        if (d > 0) {
            b.append(d).append('d');
        }
        if (h > 0) {
            b.append(h).append('h');
        }
        if (m > 0) {
            b.append(m).append('m');
        }
        if (s > 0) {
            b.append(s).append('s');
        }
        return b.toString();
    }

    /** Formats milliseconds as RouterOS prints an interval: "25s", "30m", "1d2h", "1s500ms", "0s". */
    static String formatMillis(long millis) {
        long ms = millis % 1000;
        if (millis >= 1000 || ms == 0) {
            String s = format(millis / 1000);
            return ms == 0 ? s : s + ms + "ms";
        }
        return ms + "ms";
    }

    /**
     * Parses an interval to milliseconds.
     *
     * @throws ApiTrap (category 1) naming the argument when the text is not an interval
     */
    static long parseMillis(String text, String argument) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        String t = text.trim();
        try {
            if (t.contains(":")) {
                String[] p = t.split(":");
                long total = 0;
                for (String part : p) {
                    total = total * 60 + Long.parseLong(part);
                }
                return total * 1000;
            }
            if (t.chars().allMatch(Character::isDigit)) {
                return Long.parseLong(t) * 1000;
            }
            long total = 0;
            long num = -1;
            int i = 0;
            while (i < t.length()) {
                char c = t.charAt(i);
                if (Character.isDigit(c)) {
                    num = (num < 0 ? 0 : num) * 10 + (c - '0');
                    i++;
                    continue;
                }
                if (num < 0) {
                    throw new NumberFormatException();
                }
                if (t.startsWith("ms", i)) {
                    total += num;
                    i += 2;
                } else {
                    long unit = switch (c) {
                        case 'w' -> 604_800_000L;
                        case 'd' -> 86_400_000L;
                        case 'h' -> 3_600_000L;
                        case 'm' -> 60_000L;
                        case 's' -> 1000L;
                        default -> throw new NumberFormatException();
                    };
                    total += num * unit;
                    i++;
                }
                num = -1;
            }
            if (num >= 0) {
                total += num * 1000;
            }
            return total;
        } catch (NumberFormatException e) {
            throw ApiTrap.argument("value of " + argument + " must be a time interval: " + text);
        }
    }
}

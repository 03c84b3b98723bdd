package com.nasnetconnect.domain.apply;

import java.util.Optional;

/** IPv4 address and prefix arithmetic for validation (overlapping subnets). */
record Ipv4(long address, int prefix) {

    /** Parses {@code a.b.c.d} (prefix 32) or {@code a.b.c.d/n}; empty when malformed. */
    static Optional<Ipv4> parse(String text) {
        if (text == null) return Optional.empty();
        String[] parts = text.trim().split("/", -1);
        if (parts.length > 2) return Optional.empty();
        String[] octets = parts[0].split("\\.", -1);
        if (octets.length != 4) return Optional.empty();
        long a = 0;
        try {
            for (String o : octets) {
                if (o.isEmpty() || o.length() > 3) return Optional.empty();
                int v = Integer.parseInt(o);
                if (v < 0 || v > 255) return Optional.empty();
                a = (a << 8) | v;
            }
            int prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
            if (prefix < 0 || prefix > 32) return Optional.empty();
            return Optional.of(new Ipv4(a, prefix));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    long mask() {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    long network() {
        return address & mask();
    }

    long broadcast() {
        return network() | (~mask() & 0xFFFFFFFFL);
    }

    boolean overlaps(Ipv4 other) {
        return network() <= other.broadcast() && other.network() <= broadcast();
    }
}

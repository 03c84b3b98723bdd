package com.nasnetconnect.domain.factory;

import java.util.Optional;

/** An IPv4 network in CIDR form, e.g. {@code 10.99.101.0/24}; the address is kept as given (a host or the network). */
public record Subnet(long address, int prefix) {
    public Subnet {
        if (address < 0 || address > 0xFFFF_FFFFL) throw new IllegalArgumentException("not an IPv4 address: " + address);
        if (prefix < 0 || prefix > 32) throw new IllegalArgumentException("prefix length out of 0-32: " + prefix);
    }

    /** {@code a.b.c.d/n}, or a bare address as a /32. */
    public static Optional<Subnet> parse(String text) {
        if (text == null) return Optional.empty();
        String[] p = text.strip().split("/", -1);
        if (p.length > 2) return Optional.empty();
        var a = parseAddress(p[0]);
        if (a.isEmpty()) return Optional.empty();
        if (p.length == 1) return Optional.of(new Subnet(a.get(), 32));
        if (!p[1].matches("[0-9]{1,2}") || Integer.parseInt(p[1]) > 32) return Optional.empty();
        return Optional.of(new Subnet(a.get(), Integer.parseInt(p[1])));
    }

    public static Subnet of(String text) {
        return parse(text).orElseThrow(() -> new IllegalArgumentException("not an IPv4 network: '" + text + "'"));
    }

    /** A dotted quad as a number. */
    public static Optional<Long> parseAddress(String text) {
        if (text == null || !text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) return Optional.empty();
        long v = 0;
        for (String octet : text.split("\\.")) {
            int o = Integer.parseInt(octet);
            if (o > 255) return Optional.empty();
            v = (v << 8) | o;
        }
        return Optional.of(v);
    }

    public long network() {
        return address & mask();
    }

    private long mask() {
        return prefix == 0 ? 0 : (0xFFFF_FFFFL << (32 - prefix)) & 0xFFFF_FFFFL;
    }

    public boolean overlaps(Subnet other) {
        int p = Math.min(prefix, other.prefix);
        long m = p == 0 ? 0 : (0xFFFF_FFFFL << (32 - p)) & 0xFFFF_FFFFL;
        return (address & m) == (other.address & m);
    }

    /** The address {@code offset} after the network address, with this prefix: {@code host(1)} of 10.0.0.0/24 is 10.0.0.1/24. */
    public Subnet host(int offset) {
        return new Subnet(network() + offset, prefix);
    }

    /** A part of this network: {@code part(252, 30)} of 10.0.0.0/24 is 10.0.0.252/30. */
    public Subnet part(int offset, int newPrefix) {
        return new Subnet(network() + offset, newPrefix);
    }

    /** The address alone, e.g. {@code 10.99.101.254}. */
    public String ip() {
        return dotted(address);
    }

    /** The network in CIDR form with its network address, e.g. {@code 10.99.101.0/24}. */
    public String cidr() {
        return dotted(network()) + "/" + prefix;
    }

    private static String dotted(long v) {
        return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
    }

    /** The address as given with its prefix, e.g. {@code 10.99.101.1/25}. */
    @Override
    public String toString() {
        return ip() + "/" + prefix;
    }
}

package com.nasnetconnect.domain.schema;


/** Named value formats that {@code @validate(format: …)} may ask for. */
public enum Format {
    IPV4("an IPv4 address such as 192.168.88.1"),
    IPV4_CIDR("an IPv4 address with prefix length such as 192.168.88.1/24"),
    IPV4_RANGE("an IPv4 address or range such as 10.0.0.10-10.0.0.99"),
    MAC("a MAC address such as 02:00:00:AA:BB:CC"),
    HOSTNAME("a host name such as example.lan"),
    PORT_RANGE("a port, range or list such as 80, 8000-8080 or 80,443");

    private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final String IP = OCTET + "(\\." + OCTET + "){3}";
    private static final String PORT = "([1-9]\\d{0,3}|[1-5]\\d{4}|6[0-4]\\d{3}|65[0-4]\\d{2}|655[0-2]\\d|6553[0-5])";

    private final String description;

    Format(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean matches(String s) {
        return switch (this) {
            case IPV4 -> s.matches(IP);
            case IPV4_CIDR -> s.matches(IP + "/(3[0-2]|[12]?\\d)");
            case IPV4_RANGE -> s.matches(IP + "(-" + IP + ")?");
            case MAC -> s.matches("[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}");
            case HOSTNAME -> s.length() <= 253
                    && s.matches("(?i)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
            case PORT_RANGE -> s.matches(PORT + "(-" + PORT + ")?(," + PORT + "(-" + PORT + ")?)*");
        };
    }

    /** Parses a directive value, naming the bad one. */
    public static Format parse(String name) {
        try {
            return valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("unknown @validate format '" + name + "'", e);
        }
    }

}

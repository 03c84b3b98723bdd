package com.nasnetconnect.domain.factory;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a template option accepts, by name, so the catalog can keep it as data. {@link #problem} says what is wrong
 * with a value in user terms, naming the value, except for a {@link #secret()} rule, whose value is never echoed.
 */
public enum OptionRule {
    /** An ISO 3166-1 alpha-2 country code ({@link Locale#getISOCountries()}), any case; kept in lower case. */
    COUNTRY(false),
    /** A host name or an IPv4 address. */
    HOST(false),
    /** A TCP/UDP port, 1–65535. */
    PORT(false),
    /** Printable text of 1–255 characters. */
    TEXT(false),
    /** Printable text of 1–255 characters that is a secret (a password). */
    SECRET_TEXT(true),
    /** A wg-quick configuration file ({@link WgQuickConfig}); it holds a private key, so it is a secret. */
    WG_QUICK(true);

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    private final boolean secret;

    OptionRule(boolean secret) {
        this.secret = secret;
    }

    /** A secret's value is sealed at rest and never shown or logged. */
    public boolean secret() {
        return secret;
    }

    /** What is wrong with {@code value} for option {@code key}, or empty when it is acceptable. */
    public Optional<String> problem(String key, String value) {
        if (value == null || value.isBlank()) return Optional.of(key + " is empty");
        return switch (this) {
            case COUNTRY -> COUNTRIES.contains(value.toUpperCase(Locale.ROOT)) && value.length() == 2 ? Optional.empty()
                    : Optional.of(key + " '" + shown(value) + "' is not an ISO 3166 country code (two letters, e.g. us, de, nl)");
            case HOST -> Subnet.parseAddress(value).isPresent() || (HOSTNAME.matcher(value).matches() && !value.matches("[0-9.]+"))
                    ? Optional.empty() : Optional.of(key + " '" + shown(value) + "' is neither a host name nor an IPv4 address");
            case PORT -> port(value) ? Optional.empty() : Optional.of(key + " '" + shown(value) + "' is not a port (1-65535)");
            case TEXT -> printable(value) ? Optional.empty()
                    : Optional.of(key + " '" + shown(value) + "' must be 1-255 printable characters");
            case SECRET_TEXT -> printable(value) ? Optional.empty() : Optional.of(key + " must be 1-255 printable characters");
            case WG_QUICK -> WgQuickConfig.problem(value).map(p -> key + ": " + p);
        };
    }

    /** The value as the template uses it (a country in lower case, everything else trimmed). */
    public String normalize(String value) {
        return this == COUNTRY ? value.strip().toLowerCase(Locale.ROOT) : this == WG_QUICK ? value : value.strip();
    }

    private static boolean port(String v) {
        if (!v.matches("[0-9]{1,5}")) return false;
        int p = Integer.parseInt(v);
        return p >= 1 && p <= 65535;
    }

    private static boolean printable(String v) {
        return v.length() <= 255 && v.codePoints().noneMatch(Character::isISOControl);
    }

    private static String shown(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}

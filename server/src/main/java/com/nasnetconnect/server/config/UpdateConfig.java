package com.nasnetconnect.server.config;

import com.nasnetconnect.domain.common.Durations;
import com.nasnetconnect.domain.update.UpdateKeys;
import com.nasnetconnect.domain.update.UpdatePolicy;
import com.nasnetconnect.domain.update.UpdateSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The pull-based updates' settings ({@code NNC_UPDATE_*}, or {@code update-*} in the config file).
 *
 * @param url            {@code NNC_UPDATE_URL}: the repository's http(s) address; none: no checks
 * @param rootKey        {@code NNC_UPDATE_ROOT_KEY}: the only key trusted at first (root.pub's path or its text);
 *                       required with a URL
 * @param interval       {@code NNC_UPDATE_INTERVAL}, like 6h (default), from 1m to 30d
 * @param quietFrom      {@code NNC_UPDATE_QUIET_HOURS=02:00-06:00} (default; local time; 00:00-00:00 for none)
 * @param policy         {@code NNC_UPDATE_POLICY}: auto (default), notify, never
 * @param metered        {@code NNC_UPDATE_METERED_INTERFACES}: comma-separated (lte1,…); default none
 * @param busyInterfaces {@code NNC_UPDATE_BUSY_INTERFACES}: where high traffic is watched (default ether1)
 * @param busyMbps       {@code NNC_UPDATE_BUSY_MBPS}: receive + transmit at or above this is high (default 50)
 */
public record UpdateConfig(Optional<String> url, Optional<PublicKey> rootKey, Duration interval, LocalTime quietFrom, LocalTime quietUntil,
                           UpdatePolicy policy, List<String> metered, List<String> busyInterfaces, int busyMbps) {
    static final List<String> KEYS = List.of("update-url", "update-root-key", "update-interval", "update-quiet-hours", "update-policy",
            "update-metered-interfaces", "update-busy-interfaces", "update-busy-mbps");

    /** The defaults: no repository, no checks. */
    public static UpdateConfig none() {
        return new UpdateConfig(Optional.empty(), Optional.empty(), Duration.ofHours(6), LocalTime.of(2, 0), LocalTime.of(6, 0),
                UpdatePolicy.AUTO, List.of(), List.of("ether1"), 50);
    }

    public UpdateSettings settings(Path downloads, java.time.ZoneId zone) {
        return new UpdateSettings(url, interval, 0.1, quietFrom, quietUntil, zone, policy, metered, downloads);
    }

    /** @param value a setting's value (null when not set) and its origin for messages */
    static UpdateConfig read(Function<String, String> value, Function<String, String> origin) {
        UpdateConfig d = none();
        Optional<String> url = Optional.ofNullable(value.apply("update-url")).filter(s -> !s.isBlank()).map(String::strip);
        url.ifPresent(u -> {
            if (!u.matches("https?://[^\\s]+")) throw new ConfigException(origin.apply("update-url") + " must be an http:// or https:// address");
        });
        Optional<PublicKey> key = Optional.ofNullable(value.apply("update-root-key")).filter(s -> !s.isBlank())
                .map(k -> rootKey(k, origin.apply("update-root-key")));
        if (url.isPresent() && key.isEmpty()) {
            throw new ConfigException(origin.apply("update-url") + " is set, but NNC_UPDATE_ROOT_KEY is not: the device trusts only that key"
                    + " (the path of root.pub from 'release keygen', or its text)");
        }
        Duration interval = d.interval();
        String iv = value.apply("update-interval");
        if (iv != null) {
            try {
                interval = Durations.parse(iv);
                if (interval.compareTo(Duration.ofMinutes(1)) < 0 || interval.compareTo(Duration.ofDays(30)) > 0) throw new IllegalArgumentException();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(origin.apply("update-interval") + " must be a duration from 1m to 30d written like 6h or 1d, not '" + iv + "'");
            }
        }
        LocalTime from = d.quietFrom();
        LocalTime until = d.quietUntil();
        String qh = value.apply("update-quiet-hours");
        if (qh != null) {
            try {
                LocalTime[] t = UpdateSettings.parseQuietHours(qh);
                from = t[0];
                until = t[1];
            } catch (IllegalArgumentException e) {
                throw new ConfigException(origin.apply("update-quiet-hours") + ": " + e.getMessage());
            }
        }
        UpdatePolicy policy = d.policy();
        if (value.apply("update-policy") != null) {
            try {
                policy = UpdatePolicy.parse(value.apply("update-policy"));
            } catch (IllegalArgumentException e) {
                throw new ConfigException(origin.apply("update-policy") + " must be auto, notify or never, not '" + value.apply("update-policy") + "'");
            }
        }
        List<String> metered = names(value.apply("update-metered-interfaces"), origin.apply("update-metered-interfaces"), List.of());
        List<String> busy = names(value.apply("update-busy-interfaces"), origin.apply("update-busy-interfaces"), d.busyInterfaces());
        int mbps = d.busyMbps();
        String bm = value.apply("update-busy-mbps");
        if (bm != null) {
            try {
                mbps = Integer.parseInt(bm.strip());
                if (mbps < 1 || mbps > 100_000) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                throw new ConfigException(origin.apply("update-busy-mbps") + " must be a whole number of Mbit/s from 1 to 100000, not '" + bm + "'");
            }
        }
        return new UpdateConfig(url, key, interval, from, until, policy, metered, busy, mbps);
    }

    private static List<String> names(String text, String origin, List<String> def) {
        if (text == null) return def;
        List<String> out = Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        for (String n : out) {
            if (!n.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) throw new ConfigException(origin + ": '" + n + "' is not an interface name");
        }
        return out;
    }

    private static PublicKey rootKey(String text, String origin) {
        String t = text.strip();
        if (!t.startsWith("-----BEGIN")) {
            try {
                Path p = Path.of(t);
                if (Files.isRegularFile(p)) t = Files.readString(p);
            } catch (InvalidPathException | IOException e) {
                // not a readable path: read it as the key's text
            }
        }
        try {
            return UpdateKeys.parsePublic(t);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(origin + " is neither a readable root.pub file nor the text of an Ed25519 public key");
        }
    }
}

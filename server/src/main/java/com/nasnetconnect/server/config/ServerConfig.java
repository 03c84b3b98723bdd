package com.nasnetconnect.server.config;

import com.nasnetconnect.domain.common.Durations;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventRetention;
import com.nasnetconnect.domain.security.Lifetime;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Everything the server is told from outside. Sources, strongest first: environment variables
 * ({@code NNC_PORT}), the config file ({@code port=}), defaults. The config file is {@code NNC_CONFIG} if set,
 * else {@code nasnetconnect.properties} in the data directory if it exists. Every bad value fails start-up
 * with a {@link ConfigException} naming the key, the value and where it came from.
 *
 * @param port               public port of the front door (NNC_PORT, default 8080)
 * @param bindAddress        address the front door listens on (NNC_BIND, default 0.0.0.0)
 * @param dataDir            where system.db, router databases and keys live (NNC_DATA_DIR, default ./data)
 * @param adminPassword      initial password of the first admin, used only when it is created
 * @param demo               start the embedded simulated router (NNC_DEMO, default true)
 * @param demoApiPort        the demo router's API port (NNC_DEMO_API_PORT, default 8728)
 * @param demoVersion        RouterOS version the demo router emulates (NNC_DEMO_VERSION, default 7.16.2)
 * @param pollInterval       how often router status is polled (NNC_POLL_SECONDS, default 2)
 * @param serviceCheckInterval how often installed services are checked (lifecycle, health, kill switch)
 *                           (NNC_SERVICE_CHECK_INTERVAL, a number and a unit such as 2s or 1m; default 2s)
 * @param eventsHotDir       the hot event tier's directory (NNC_EVENTS_HOT_DIR; default /dev/shm/nasnetconnect-<id of the data dir> when
 *                           writable, else the data directory)
 * @param eventsColdDir      the optional cold event tier, e.g. a USB disk (NNC_EVENTS_COLD_DIR; default none)
 * @param eventRetention     how long events are kept: NNC_EVENTS_RETENTION_CRITICAL (warm, default 30d),
 *                           NNC_EVENTS_RETENTION_NORMAL (warm, default 7d), NNC_EVENTS_RETENTION_TYPES (per event
 *                           type: type=DURATION warm, type=hot:DURATION hot only), NNC_EVENTS_RETENTION_LOW (hot only,
 *                           default 24h), durations written like 0s, 90s, 12h, 30d
 * @param telemetryInterval  how often each router's runtime and telemetry are polled (NNC_TELEMETRY_INTERVAL,
 *                           written like 5s, 90s, 12h; from 1s to 1h; default 5s)
 * @param updates            pull-based signed updates (NNC_UPDATE_URL, NNC_UPDATE_ROOT_KEY, NNC_UPDATE_INTERVAL…;
 *                           see {@link UpdateConfig})
 * @param graphQlRate        GraphQL requests per second per API key or user, sustained (NNC_GRAPHQL_RATE, 1 to
 *                           1,000,000; default 50)
 * @param graphQlBurst       GraphQL requests a key may make at once above that rate (NNC_GRAPHQL_BURST, 1 to
 *                           10,000,000; default twice the rate, 100 at the default rate)
 */
public record ServerConfig(int port, String bindAddress, Path dataDir, Optional<Secret> adminPassword, boolean demo,
                           int demoApiPort, String demoVersion, Duration pollInterval, Duration serviceCheckInterval,
                           Optional<String> eventsHotDir, Optional<Path> eventsColdDir, EventRetention eventRetention,
                           Duration telemetryInterval, UpdateConfig updates, int graphQlRate, int graphQlBurst) {

    static final Set<String> KEYS = java.util.stream.Stream.concat(UpdateConfig.KEYS.stream(), Set.of("port", "bind", "data-dir", "admin-password", "demo", "demo-api-port",
            "demo-version", "poll-seconds", "service-check-interval", "events-hot-dir", "events-cold-dir",
            "events-retention-critical", "events-retention-normal", "events-retention-low", "events-retention-types",
            "telemetry-interval", "graphql-rate", "graphql-burst").stream()).collect(java.util.stream.Collectors.toUnmodifiableSet());
    /** Critical and normal events stay this long in the hot tier too (unless their warm retention is shorter). */
    static final Duration HOT_WINDOW = Duration.ofHours(24);

    /** Reads the configuration from the process environment (and the config file it points to). */
    public static ServerConfig load(Map<String, String> env) {
        Map<String, Source> values = new HashMap<>();
        Path dataDir = Path.of(env.getOrDefault("NNC_DATA_DIR", "./data"));
        Path file = env.containsKey("NNC_CONFIG") ? Path.of(env.get("NNC_CONFIG")) : dataDir.resolve("nasnetconnect.properties");
        if (env.containsKey("NNC_CONFIG") && !Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " (NNC_CONFIG) does not exist");
        }
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                p.load(r);
            } catch (IOException | IllegalArgumentException e) {
                throw new ConfigException("config file " + file + " cannot be read: " + e.getMessage());
            }
            for (String key : p.stringPropertyNames()) {
                if (!KEYS.contains(key)) {
                    throw new ConfigException("config file " + file + ": unknown key '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
                }
                values.put(key, new Source(p.getProperty(key).trim(), file + " key " + key));
            }
        }
        env.forEach((k, v) -> {
            if (k.startsWith("NNC_") && !k.equals("NNC_CONFIG")) {
                String key = k.substring(4).toLowerCase().replace('_', '-');
                if (KEYS.contains(key)) values.put(key, new Source(v.trim(), "environment variable " + k));
            }
        });
        return new ServerConfig(
                intIn(values, "port", 8080, 1, 65535),
                str(values, "bind", "0.0.0.0"),
                Path.of(str(values, "data-dir", "./data")),
                Optional.ofNullable(values.get("admin-password")).map(s -> Secret.of(s.value())),
                bool(values, "demo", true),
                intIn(values, "demo-api-port", 8728, 0, 65535),
                str(values, "demo-version", "7.16.2"),
                Duration.ofSeconds(intIn(values, "poll-seconds", 2, 1, 3600)),
                duration(values, "service-check-interval", Duration.ofSeconds(2), Duration.ofHours(1)),
                Optional.ofNullable(values.get("events-hot-dir")).map(s -> str(values, "events-hot-dir", "")),
                Optional.ofNullable(values.get("events-cold-dir")).map(s -> Path.of(str(values, "events-cold-dir", ""))),
                retention(values),
                interval(values, "telemetry-interval", Duration.ofSeconds(5), Duration.ofHours(1)),
                UpdateConfig.read(k -> values.containsKey(k) ? values.get(k).value() : null,
                        k -> values.containsKey(k) ? values.get(k).origin() : "NNC_" + k.toUpperCase().replace('-', '_')),
                intIn(values, "graphql-rate", 50, 1, 1_000_000),
                intIn(values, "graphql-burst", 2 * intIn(values, "graphql-rate", 50, 1, 1_000_000), 1, 10_000_000));
    }

    /**
     * The event retention: CRITICAL and NORMAL set how long they stay in the warm tier (hot: 24 hours, or less when
     * the warm retention is shorter; 0s keeps them hot only), LOW how long low events stay in the hot tier.
     */
    private static EventRetention retention(Map<String, Source> v) {
        Duration critical = eventDuration(v, "events-retention-critical", "30d");
        Duration normal = eventDuration(v, "events-retention-normal", "7d");
        Duration low = eventDuration(v, "events-retention-low", "24h");
        EventRetention r = EventRetention.defaults()
                .withClass(EventClass.CRITICAL, warmKeep(critical))
                .withClass(EventClass.NORMAL, warmKeep(normal))
                .withClass(EventClass.LOW, new EventRetention.Keep(low, Duration.ZERO));
        Source types = v.get("events-retention-types");
        if (types == null || types.value().isBlank()) return r;
        for (String entry : types.value().split(",")) {
            String e = entry.trim();
            int eq = e.indexOf('=');
            String type = eq < 0 ? "" : e.substring(0, eq).trim();
            String value = eq < 0 ? "" : e.substring(eq + 1).trim();
            boolean hotOnly = value.startsWith("hot:");
            try {
                if (!type.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*")) throw new IllegalArgumentException(e);
                Duration d = Durations.parse(hotOnly ? value.substring(4) : value);
                r = r.withType(type, hotOnly ? new EventRetention.Keep(d, Duration.ZERO) : warmKeep(d));
            } catch (IllegalArgumentException ex) {
                throw new ConfigException(types.origin() + " must list type=DURATION (kept warm) or type=hot:DURATION"
                        + " (hot only), comma-separated, e.g. service.state=30d,telemetry.interface=hot:6h; '" + e + "' is not one");
            }
        }
        return r;
    }

    private static EventRetention.Keep warmKeep(Duration warm) {
        if (warm.isZero()) return new EventRetention.Keep(HOT_WINDOW, Duration.ZERO);
        return new EventRetention.Keep(warm.compareTo(HOT_WINDOW) < 0 ? warm : HOT_WINDOW, warm);
    }

    private static Duration eventDuration(Map<String, Source> v, String key, String def) {
        Source s = v.get(key);
        if (s == null) return Durations.parse(def);
        try {
            return Durations.parse(s.value());
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.origin() + " must be a duration written like 0s, 90s, 12h or 30d, not '" + s.value() + "'");
        }
    }

    /** A duration as people write it ({@link Lifetime}: 2s, 1m), at most {@code max}. */
    private static Duration duration(Map<String, Source> v, String key, Duration def, Duration max) {
        Source s = v.get(key);
        if (s == null) return def;
        try {
            Duration d = Lifetime.parse(s.value());
            if (d.compareTo(max) > 0) throw new IllegalArgumentException("longer than " + max.toMinutes() + " minutes");
            return d;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.origin() + " must be a number and a unit from 1s to " + max.toMinutes() + "m, such as 2s or 1m, not '"
                    + s.value() + "'");
        }
    }

    /** A duration written like 5s, 90s, 12h ({@link Durations}), from 1s to {@code max}. */
    private static Duration interval(Map<String, Source> v, String key, Duration def, Duration max) {
        Source s = v.get(key);
        if (s == null) return def;
        try {
            Duration d = Durations.parse(s.value());
            if (d.isZero() || d.compareTo(max) > 0) throw new IllegalArgumentException("out of range");
            return d;
        } catch (IllegalArgumentException e) {
            throw new ConfigException(s.origin() + " must be a whole number and a unit from 1s to " + Durations.format(max)
                    + ", like 5s, 90s or 12h, not '" + s.value() + "'");
        }
    }

    private record Source(String value, String origin) {
    }

    private static String str(Map<String, Source> v, String key, String def) {
        Source s = v.get(key);
        if (s == null) return def;
        if (s.value().isEmpty()) throw new ConfigException(s.origin() + " is empty");
        return s.value();
    }

    private static int intIn(Map<String, Source> v, String key, int def, int min, int max) {
        Source s = v.get(key);
        if (s == null) return def;
        try {
            int n = Integer.parseInt(s.value());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(s.origin() + " must be a whole number from " + min + " to " + max + ", not '" + s.value() + "'");
        }
    }

    private static boolean bool(Map<String, Source> v, String key, boolean def) {
        Source s = v.get(key);
        if (s == null) return def;
        return switch (s.value().toLowerCase()) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(s.origin() + " must be true or false, not '" + s.value() + "'");
        };
    }
}

package com.nasnetconnect.storage.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the hot tier lives: {@code NNC_EVENTS_HOT_DIR} when set; else {@code /dev/shm/nasnetconnect-<id>} when
 * {@code /dev/shm} is a writable directory (tmpfs: no flash wear, gone on power loss by design), where {@code <id>}
 * is derived from the data directory's absolute path, so two servers on one machine never share a hot tier and a
 * restarted server finds its own again; else {@code <data dir>/events-hot}, with a warning that health shows (the
 * hot tier then wears the flash).
 */
public record HotTierLocation(Path directory, Optional<String> warning) {
    public static final String ENV = "NNC_EVENTS_HOT_DIR";

    public static HotTierLocation choose(Map<String, String> env, Path dataDir) {
        return choose(Optional.ofNullable(env.get(ENV)).filter(s -> !s.isBlank()), Path.of("/dev/shm"), dataDir);
    }

    /** As {@link #choose(Map, Path)} with the tmpfs root given (tests). */
    public static HotTierLocation choose(Optional<String> configured, Path tmpfs, Path dataDir) {
        if (configured.isPresent()) return new HotTierLocation(Path.of(configured.get()).toAbsolutePath().normalize(), Optional.empty());
        Path shm = tmpfs.resolve("nasnetconnect-" + idOf(dataDir));
        if (Files.isDirectory(tmpfs) && Files.isWritable(tmpfs)) {
            try {
                Files.createDirectories(shm);
                if (Files.isWritable(shm)) return new HotTierLocation(shm, Optional.empty());
            } catch (IOException e) {
                // fall through to the data directory
            }
        }
        Path fallback = dataDir.toAbsolutePath().normalize().resolve("events-hot");
        return new HotTierLocation(fallback, Optional.of("the hot event tier is in " + fallback + " because " + tmpfs
                + " is not a writable directory: recent events wear the flash; set " + ENV + " to a tmpfs directory"));
    }

    /** 12 hex digits of the SHA-256 of the data directory's absolute, normalised path. */
    static String idOf(Path dataDir) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(
                    dataDir.toAbsolutePath().normalize().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

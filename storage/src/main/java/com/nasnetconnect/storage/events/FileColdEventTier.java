package com.nasnetconnect.storage.events;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;
import com.nasnetconnect.domain.events.ArchiveEvents;
import com.nasnetconnect.domain.events.ColdEventTier;
import com.nasnetconnect.domain.events.EventCursor;
import com.nasnetconnect.domain.events.EventQuery;
import com.nasnetconnect.domain.events.EventStorageStatus;
import com.nasnetconnect.domain.events.EventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.router.RouterId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@link ColdEventTier} as files under {@code NNC_EVENTS_COLD_DIR} (e.g. a USB disk): one monthly partition per
 * scope, {@code <scope>/events-<scope>-YYYY-MM.jsonl.zst} (scope: {@code router-<id>} or {@code server}), one
 * JSON event per line, zstd level {@value #LEVEL}, with a {@code .sha256} file beside it (sha256sum format) that
 * is verified on every read. Archiving into a month that already has a partition rewrites it with the new events
 * merged (an event already in it is kept once); the new file replaces the old one by an atomic rename.
 *
 * <p>The directory is never created: an absent one is an unmounted disk, and writing into the mount point would
 * fill the root file system. Absent, unwritable or with a partition whose checksum does not match, the tier
 * degrades: archiving refuses, queries skip what they cannot read, and {@link #status()} says why.
 */
public final class FileColdEventTier implements ColdEventTier {
    public static final String ENV = "NNC_EVENTS_COLD_DIR";
    static final int LEVEL = 19;
    private static final Pattern PARTITION = Pattern.compile("events-(router-[a-z0-9][a-z0-9-]{0,62}|server)-([0-9]{4}-[0-9]{2})\\.jsonl\\.zst");

    private final Path directory;
    private final Map<Path, String> problems = new ConcurrentHashMap<>();

    public FileColdEventTier(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    /** The configured cold tier, or {@link ColdEventTier#NONE} when {@code NNC_EVENTS_COLD_DIR} is not set. */
    public static ColdEventTier fromEnvironment(Map<String, String> env) {
        String dir = env.get(ENV);
        return dir == null || dir.isBlank() ? ColdEventTier.NONE : new FileColdEventTier(Path.of(dir));
    }

    public Path directory() {
        return directory;
    }

    // --- archive --------------------------------------------------------------------------------------------

    @Override
    public List<ArchiveEvents.ArchivedPartition> archive(Optional<RouterId> scope, List<LoggedEvent> events) {
        unavailable().ifPresent(reason -> {
            throw new ArchiveEvents.ColdTierUnavailable(reason);
        });
        var byMonth = new TreeMap<YearMonth, List<LoggedEvent>>();
        for (LoggedEvent e : events) {
            if (!e.routerId().equals(scope)) throw new IllegalArgumentException("event " + e.id() + " is not of " + SqliteWarmEventTier.scopeName(scope));
            byMonth.computeIfAbsent(YearMonth.from(e.at().atOffset(ZoneOffset.UTC)), m -> new ArrayList<>()).add(e);
        }
        var out = new ArrayList<ArchiveEvents.ArchivedPartition>();
        for (var month : byMonth.entrySet()) {
            Path file = partition(scope, month.getKey());
            try {
                var merged = new TreeMap<EventCursor, LoggedEvent>();
                if (Files.exists(file)) {
                    for (LoggedEvent e : read(file)) merged.put(e.position(), e);
                }
                int before = merged.size();
                for (LoggedEvent e : month.getValue()) merged.putIfAbsent(e.position(), e.withTier(EventTier.COLD));
                long bytes = write(file, merged.values());
                out.add(new ArchiveEvents.ArchivedPartition(directory.relativize(file).toString(), merged.size() - before, bytes));
            } catch (IOException | RuntimeException e) {
                throw new ArchiveEvents.ColdTierUnavailable("cannot archive into " + file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    Path partition(Optional<RouterId> scope, YearMonth month) {
        String s = SqliteWarmEventTier.scopeName(scope);
        return directory.resolve(s).resolve("events-" + s + "-" + month + ".jsonl.zst");
    }

    private static long write(Path file, Iterable<LoggedEvent> events) throws IOException {
        var text = new StringBuilder();
        for (LoggedEvent e : events) text.append(EventJson.line(e)).append('\n');
        byte[] compressed = Zstd.compress(text.toString().getBytes(StandardCharsets.UTF_8), LEVEL);
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Path sumTmp = file.resolveSibling(file.getFileName() + ".sha256.tmp");
        writeSynced(tmp, compressed);
        writeSynced(sumTmp, (sha256(compressed) + "  " + file.getFileName() + "\n").getBytes(StandardCharsets.US_ASCII));
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(sumTmp, checksumFile(file), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return compressed.length;
    }

    private static void writeSynced(Path p, byte[] content) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            var buf = java.nio.ByteBuffer.wrap(content);
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(true);
        }
    }

    // --- read -----------------------------------------------------------------------------------------------

    /**
     * The events of one partition, after checking its SHA-256.
     *
     * @throws ChecksumMismatch when the file does not match its {@code .sha256} (or that is missing)
     */
    public List<LoggedEvent> read(Path file) throws IOException {
        byte[] compressed = Files.readAllBytes(file);
        Path sumFile = checksumFile(file);
        if (!Files.exists(sumFile)) throw new ChecksumMismatch(file, "its checksum file " + sumFile.getFileName() + " is missing");
        String expected = Files.readString(sumFile, StandardCharsets.US_ASCII).strip().split("\\s+")[0];
        String actual = sha256(compressed);
        if (!expected.equalsIgnoreCase(actual)) {
            throw new ChecksumMismatch(file, "SHA-256 is " + actual + ", " + sumFile.getFileName() + " says " + expected);
        }
        String text;
        try {
            text = new String(Zstd.decompress(compressed, Math.toIntExact(Zstd.getFrameContentSize(compressed))), StandardCharsets.UTF_8);
        } catch (ZstdException | ArithmeticException e) {
            throw new ChecksumMismatch(file, "it does not decompress: " + e.getMessage());
        }
        var out = new ArrayList<LoggedEvent>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) out.add(EventJson.fromLine(line, EventTier.COLD));
        }
        return out;
    }

    @Override
    public List<LoggedEvent> newest(EventQuery q, int limit) {
        if (unavailable().isPresent()) return List.of();
        // partitions by month, newest month first; a month older than what is already found cannot add to the page
        var byMonth = new TreeMap<YearMonth, List<Path>>(java.util.Comparator.reverseOrder());
        for (Path p : partitions()) {
            Matcher m = PARTITION.matcher(p.getFileName().toString());
            if (!m.matches()) continue;
            if (q.routerId().isPresent() && !m.group(1).equals("router-" + q.routerId().get().value())) continue;
            YearMonth month = YearMonth.parse(m.group(2));
            if (!overlaps(month, q)) continue;
            byMonth.computeIfAbsent(month, k -> new ArrayList<>()).add(p);
        }
        var found = new ArrayList<LoggedEvent>();
        for (var month : byMonth.entrySet()) {
            if (found.size() >= limit) break;
            for (Path p : month.getValue()) {
                try {
                    for (LoggedEvent e : read(p)) {
                        if (q.matches(e)) found.add(e);
                    }
                    problems.remove(p);
                } catch (IOException | RuntimeException e) {
                    problems.put(p, e.getMessage());
                }
            }
        }
        found.sort((a, b) -> a.position().compareTo(b.position()));
        return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
    }

    private static boolean overlaps(YearMonth month, EventQuery q) {
        Instant start = month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        if (q.since().isPresent() && !q.since().get().isBefore(end)) return false;
        if (q.until().isPresent() && !q.until().get().isAfter(start)) return false;
        return q.position().map(p -> EventCursor.instant(p.atNanos()).isAfter(start) || EventCursor.instant(p.atNanos()).equals(start)).orElse(true);
    }

    /** Every partition file, verified or not. */
    public List<Path> partitions() {
        if (!Files.isDirectory(directory)) return List.of();
        try (Stream<Path> files = Files.walk(directory, 2)) {
            return files.filter(p -> PARTITION.matcher(p.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }

    /** Reads every partition and records those that fail their checksum; returns them with the reason. */
    public Map<Path, String> verify() {
        var bad = new TreeMap<Path, String>();
        for (Path p : partitions()) {
            try {
                read(p);
                problems.remove(p);
            } catch (IOException | RuntimeException e) {
                bad.put(p, e.getMessage());
                problems.put(p, e.getMessage());
            }
        }
        return bad;
    }

    @Override
    public EventStorageStatus.Cold status() {
        Optional<String> reason = unavailable();
        long bytes = 0;
        if (reason.isEmpty()) {
            for (Path p : partitions()) {
                try {
                    bytes += Files.size(p);
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
            if (!problems.isEmpty()) {
                var first = problems.entrySet().iterator().next();
                reason = Optional.of(problems.size() + " cold partition(s) cannot be read and are skipped, e.g. "
                        + first.getKey().getFileName() + ": " + first.getValue());
            }
        }
        return new EventStorageStatus.Cold(true, Optional.of(directory.toString()), bytes, reason);
    }

    /** Why the directory cannot be used now, if it cannot. */
    private Optional<String> unavailable() {
        if (!Files.isDirectory(directory)) {
            return Optional.of("the cold event directory " + directory + " is absent (is the disk mounted?): nothing is archived or read from it");
        }
        if (!Files.isWritable(directory)) {
            return Optional.of("the cold event directory " + directory + " is not writable: nothing is archived to it");
        }
        return Optional.empty();
    }

    private static Path checksumFile(Path partition) {
        return partition.resolveSibling(partition.getFileName() + ".sha256");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A partition does not match its checksum: it is not read (and not overwritten by an archive). */
    public static final class ChecksumMismatch extends IOException {
        ChecksumMismatch(Path file, String why) {
            super("cold partition " + file.getFileName() + " failed its checksum: " + why);
        }
    }
}

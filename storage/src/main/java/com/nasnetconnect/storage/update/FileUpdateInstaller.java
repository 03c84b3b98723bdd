package com.nasnetconnect.storage.update;

import com.nasnetconnect.domain.update.UpdateInstaller;
import com.nasnetconnect.domain.update.UpdateRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@link UpdateInstaller} over the A/B layout the launcher ({@code server/src/main/docker/entrypoint.sh}, run by
 * {@code ./nnc run} and the container) keeps in its update directory ({@code $NNC_DATA_DIR/update}):
 * <ul>
 *   <li>{@code slot-a.jar}, {@code slot-b.jar}: staged releases; the built jar is the slot {@code built}</li>
 *   <li>{@code current}: {@code "<slot> <version>"} of the committed version (absent: the built jar)</li>
 *   <li>{@code staged}: {@code "<slot> <version>"} written here by {@link #stage}; the launcher starts it on trial
 *       when this process ends with {@link #RESTART_EXIT_CODE}</li>
 *   <li>{@code committed}: the version, written here by {@link #commit} once the trial reports healthy; the launcher
 *       then makes it {@code current}</li>
 *   <li>{@code launcher.log}: one line per switch, commit and rollback, tab-separated:
 *       {@code <instant> <KIND> <version> ok|failed <detail>}, written by the launcher only</li>
 * </ul>
 * Every marker is written to a temporary file and renamed over the old one, so a power cut leaves the old or the
 * new marker, never half of one.
 */
public final class FileUpdateInstaller implements UpdateInstaller {
    /** The exit code that asks the launcher to start the staged version (EX_TEMPFAIL). */
    public static final int RESTART_EXIT_CODE = 75;
    private static final Pattern VERSION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

    private final Path dir;
    private final String runningVersion;
    private final Optional<String> trialVersion;
    private final boolean supervised;
    private final Runnable restart;
    private volatile boolean committed;

    /**
     * @param dir            the launcher's update directory ({@code NNC_UPDATE_DIR}, which the launcher sets)
     * @param runningVersion this jar's version (its manifest's {@code Implementation-Version})
     * @param trialVersion   the version the launcher started on trial ({@code NNC_UPDATE_TRIAL}), if it did
     * @param supervised     whether a launcher watches this process ({@code NNC_LAUNCHER}), so that a restart switches
     * @param restart        ends this process, after a clean shutdown, with {@link #RESTART_EXIT_CODE}
     */
    public FileUpdateInstaller(Path dir, String runningVersion, Optional<String> trialVersion, boolean supervised,
                               Runnable restart) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.runningVersion = Objects.requireNonNull(runningVersion, "runningVersion");
        this.trialVersion = Objects.requireNonNull(trialVersion, "trialVersion").filter(v -> !v.isBlank());
        this.supervised = supervised;
        this.restart = Objects.requireNonNull(restart, "restart");
    }

    @Override
    public String runningVersion() {
        return runningVersion;
    }

    /** The version staged for the next restart, if one is. */
    public Optional<String> stagedVersion() {
        return readMarker("staged").map(m -> m[1]);
    }

    /**
     * Copies the artifact into the slot the running version does not use (the copy is renamed into place only when
     * complete) and marks it staged; a version staged before is replaced.
     */
    @Override
    public void stage(String version, Path verifiedArtifact) throws IOException {
        if (version == null || !VERSION.matcher(version).matches()) {
            throw new IllegalArgumentException("version '" + version + "' cannot be staged: it must be letters, digits and . _ + - only");
        }
        if (!Files.isRegularFile(verifiedArtifact)) {
            throw new IllegalArgumentException("the artifact of " + version + " is not a file: " + verifiedArtifact);
        }
        com.nasnetconnect.storage.db.OwnerOnly.directory(dir);
        String slot = "a".equals(currentSlot()) ? "b" : "a";
        Path jar = dir.resolve("slot-" + slot + ".jar");
        Path tmp = dir.resolve("slot-" + slot + ".jar.tmp");
        Files.copy(verifiedArtifact, tmp, StandardCopyOption.REPLACE_EXISTING);
        com.nasnetconnect.storage.db.OwnerOnly.file(tmp); // tightens the copy to 0600
        move(tmp, jar);
        writeMarker("staged", slot + " " + version);
    }

    @Override
    public void restartIntoStaged() {
        String version = stagedVersion().orElseThrow(() -> new IllegalStateException("no version is staged, so there is nothing to restart into"));
        if (!supervised) {
            throw new IllegalStateException(version + " is staged, but no launcher watches this server (start it with ./nnc run "
                    + "or the container entrypoint), so it cannot switch to it");
        }
        restart.run();
    }

    @Override
    public boolean onTrial() {
        return trialVersion.isPresent() && !committed;
    }

    /** Tells the launcher the version on trial is healthy; does nothing when this process is not on trial. */
    @Override
    public void commit() {
        if (!onTrial()) return;
        try {
            writeMarker("committed", trialVersion.get());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the commit marker in " + dir, e);
        }
        committed = true;
    }

    @Override
    public List<UpdateRecord> launcherRecords() {
        Path log = dir.resolve("launcher.log");
        if (!Files.isRegularFile(log)) return List.of();
        List<String> lines;
        try {
            lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + log, e);
        }
        List<UpdateRecord> records = new ArrayList<>();
        for (String line : lines) parse(line).ifPresent(records::add);
        Collections.reverse(records);
        return List.copyOf(records);
    }

    /** A line of launcher.log, or empty when it is not one (a line cut by a power loss). */
    static Optional<UpdateRecord> parse(String line) {
        String[] f = line.split("\t", 5);
        if (f.length < 4) return Optional.empty();
        try {
            return Optional.of(new UpdateRecord(Instant.parse(f[0]), UpdateRecord.Kind.valueOf(f[1]), f[2], "ok".equals(f[3]),
                    f.length == 5 ? f[4].strip() : ""));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private String currentSlot() {
        return readMarker("current").map(m -> m[0]).orElse("built");
    }

    private Optional<String[]> readMarker(String name) {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).strip().split("\\s+");
            return parts.length == 2 ? Optional.of(parts) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
    }

    private void writeMarker(String name, String content) throws IOException {
        com.nasnetconnect.storage.db.OwnerOnly.directory(dir);
        Path tmp = dir.resolve(name + ".tmp");
        com.nasnetconnect.storage.db.OwnerOnly.file(tmp);
        Files.writeString(tmp, content + "\n", StandardCharsets.UTF_8);
        move(tmp, dir.resolve(name));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}

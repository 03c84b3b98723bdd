package com.nasnetconnect.storage.update;

import com.nasnetconnect.domain.update.UpdateInstaller;
import com.nasnetconnect.domain.update.UpdateRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;

/**
 * A minimal {@link UpdateInstaller} until the A/B launcher's adapter (issue 15, i15-ab) replaces it: it stages a
 * verified artifact as {@code <dir>/staged/<version>.jar} with {@code <dir>/staged/VERSION}, and a restart request
 * writes {@code <dir>/staged/RESTART}. It does not end the process and there is no launcher behind it, so nothing
 * is ever on trial, committed or rolled back.
 */
public final class StagingDirectoryInstaller implements UpdateInstaller {
    private final Path dir;
    private final String running;

    public StagingDirectoryInstaller(Path dir, String runningVersion) {
        this.dir = Objects.requireNonNull(dir, "dir").resolve("staged");
        this.running = Objects.requireNonNull(runningVersion, "runningVersion");
    }

    @Override
    public String runningVersion() {
        return running;
    }

    @Override
    public void stage(String version, Path verifiedArtifact) throws IOException {
        com.nasnetconnect.storage.db.OwnerOnly.directory(dir);
        Path tmp = dir.resolve(version + ".jar.tmp");
        Files.copy(verifiedArtifact, tmp, StandardCopyOption.REPLACE_EXISTING);
        com.nasnetconnect.storage.db.OwnerOnly.file(tmp); // tightens the copy to 0600
        Files.move(tmp, dir.resolve(version + ".jar"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        FileAcceptedMetadata.writeAtomically(dir.resolve("VERSION"), (version + "\n").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void restartIntoStaged() {
        FileAcceptedMetadata.writeAtomically(dir.resolve("RESTART"), "requested\n".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean onTrial() {
        return false;
    }

    @Override
    public void commit() {
        // nothing is on trial without a launcher
    }

    @Override
    public List<UpdateRecord> launcherRecords() {
        return List.of();
    }
}

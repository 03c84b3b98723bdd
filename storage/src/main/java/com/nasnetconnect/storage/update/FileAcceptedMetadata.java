package com.nasnetconnect.storage.update;

import com.nasnetconnect.domain.update.AcceptedMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * {@link AcceptedMetadata} as files {@code <role>.json} in a directory of the data directory ({@code updates/trusted}).
 * A save writes a temporary file, forces it to the device, and renames it over the old one, so a power cut leaves
 * either the old or the new file, never half of one.
 */
public final class FileAcceptedMetadata implements AcceptedMetadata {
    private final Path dir;

    public FileAcceptedMetadata(Path dir) {
        this.dir = dir;
    }

    @Override
    public Optional<byte[]> load(String role) {
        Path f = file(role);
        try {
            return Files.isRegularFile(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the accepted " + role + " metadata " + f + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String role, byte[] bytes) {
        writeAtomically(file(role), bytes);
    }

    /** Writes {@code bytes} to {@code target} through a synced temporary file and a rename. */
    static void writeAtomically(Path target, byte[] bytes) {
        try {
            com.nasnetconnect.storage.db.OwnerOnly.directory(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            com.nasnetconnect.storage.db.OwnerOnly.file(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            ownerOnly(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** 0600 like every file of the data directory, where the file system has POSIX permissions. */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: left as it is, like the rest of the data directory
        }
    }

    private Path file(String role) {
        if (!role.matches("[a-z]{1,32}")) throw new IllegalArgumentException("metadata role '" + role + "' is not a role name");
        return dir.resolve(role + ".json");
    }
}

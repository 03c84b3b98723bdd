package com.nasnetconnect.storage.db;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Owner-only permissions for the data directory (0700) and the files in it (0600). Creates with those
 * permissions (no window in which a file is readable by others) and tightens what exists with wider ones.
 * Where the file system has no POSIX permissions nothing is changed; where a file belongs to someone else
 * (tightening is refused) it is logged and left alone.
 */
public final class OwnerOnly {
    private static final System.Logger LOG = System.getLogger(OwnerOnly.class.getName());
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private OwnerOnly() {
    }

    static boolean posix(Path p) {
        return FileSystems.getDefault().equals(p.getFileSystem())
                ? FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                : p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory (and missing parents) as 0700, or tightens an existing one to 0700. */
    public static void directory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            tighten(dir);
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        try {
            if (posix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
                Files.setPosixFilePermissions(dir, DIRECTORY); // the umask may have taken some away
            } else {
                Files.createDirectory(dir);
            }
        } catch (FileAlreadyExistsException raced) {
            tighten(dir);
        }
    }

    /** Creates an empty file as 0600 when there is none; tightens an existing one. */
    public static void file(Path file) throws IOException {
        if (Files.exists(file)) {
            tighten(file);
            return;
        }
        try {
            if (posix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            tighten(file);
        }
    }

    /** Copies {@code from} to a new file {@code to} (replaced if present) that is 0600 from the start. */
    static void copy(Path from, Path to) throws IOException {
        Files.deleteIfExists(to);
        file(to);
        try (var in = Files.newInputStream(from); var out = Files.newOutputStream(to)) {
            in.transferTo(out);
        }
    }

    /** Takes group and other permissions away from an existing file (0600) or directory (0700). */
    static void tighten(Path p) {
        if (!posix(p) || !Files.exists(p)) return;
        Set<PosixFilePermission> wanted = Files.isDirectory(p) ? DIRECTORY : FILE;
        try {
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(p);
            if (!now.equals(wanted)) {
                Files.setPosixFilePermissions(p, wanted);
                LOG.log(System.Logger.Level.INFO, "made " + p + " readable by its owner only (was "
                        + PosixFilePermissions.toString(now) + ")");
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot make " + p + " readable by its owner only: " + e);
        }
    }
}

package com.nasnetconnect.domain.update;

import java.util.Map;
import java.util.Objects;

/**
 * A file the metadata vouches for: its name in the repository (a plain file name, no directories), its exact
 * length in bytes and its SHA-256 in hex. Nothing longer than {@code length} is downloaded, and nothing is used
 * before its length and hash match.
 */
public record TargetFile(String name, long length, String sha256) {
    public TargetFile {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._+-]{0,127}") || name.contains("..")) {
            throw new IllegalArgumentException("file name '" + name + "' is not a plain file name");
        }
        if (length < 0) throw new IllegalArgumentException("length " + length + " of " + name + " is negative");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("sha256 of " + name + " is not 64 hex digits");
    }

    Map<String, Object> json() {
        return Map.of("name", name, "length", length, "sha256", sha256);
    }

    static TargetFile of(Map<String, Object> m) {
        return new TargetFile(SignedMetadata.string(m, "name"), SignedMetadata.number(m, "length"), SignedMetadata.string(m, "sha256"));
    }

    /** The hex SHA-256 of bytes. */
    public static String sha256Of(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses {@code bytes} unless they are this file, naming what differs. */
    public void check(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length != length) {
            throw new MetadataRefused(name + " is " + bytes.length + " bytes long, but the signed metadata says " + length);
        }
        if (!sha256Of(bytes).equals(sha256)) {
            throw new MetadataRefused(name + " does not match the SHA-256 in the signed metadata (it was altered or damaged)");
        }
    }

    /** Refuses the file at {@code path} unless it is this file (streamed: a release can be large). */
    public void check(java.nio.file.Path path) throws java.io.IOException {
        long size = java.nio.file.Files.size(path);
        if (size != length) throw new MetadataRefused(name + " is " + size + " bytes long, but the signed metadata says " + length);
        try (var in = java.nio.file.Files.newInputStream(path)) {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) digest.update(buf, 0, n);
            if (!java.util.HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
                throw new MetadataRefused(name + " does not match the SHA-256 in the signed metadata (it was altered or damaged)");
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

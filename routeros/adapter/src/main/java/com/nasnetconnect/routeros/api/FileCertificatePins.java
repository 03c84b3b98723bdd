package com.nasnetconnect.routeros.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link CertificatePins} kept in a text file, one {@code host:port sha256hex} per line. Every change rewrites
 * the file atomically (temporary file, then move), so a crash never leaves half a pin file. Thread-safe.
 */
public final class FileCertificatePins implements CertificatePins {
    private final Path file;
    private final Map<String, String> pins = new TreeMap<>();

    public FileCertificatePins(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.isEmpty() || line.startsWith("#")) continue;
                    String[] parts = line.split("\\s+");
                    if (parts.length != 2 || !parts[1].matches("[0-9a-f]{64}")) {
                        throw new IllegalArgumentException("certificate pin file " + file + " line " + (i + 1)
                                + " is not 'host:port sha256hex': '" + line + "'");
                    }
                    pins.put(parts[0], parts[1]);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read certificate pin file " + file, e);
            }
        }
    }

    @Override
    public synchronized Optional<String> pinned(String address) {
        return Optional.ofNullable(pins.get(address));
    }

    @Override
    public synchronized void pin(String address, String sha256Hex) {
        if (!sha256Hex.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a sha-256 hex fingerprint: '" + sha256Hex + "'");
        if (address.isBlank() || address.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("address must be host:port without spaces: '" + address + "'");
        }
        pins.put(address, sha256Hex);
        save();
    }

    @Override
    public synchronized void forget(String address) {
        if (pins.remove(address) != null) save();
    }

    private void save() {
        List<String> lines = new ArrayList<>();
        lines.add("# NasNetConnect router API-SSL certificate pins: host:port sha256(DER leaf certificate)");
        pins.forEach((a, p) -> lines.add(a + " " + p));
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".pins", ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write certificate pin file " + file, e);
        }
    }
}

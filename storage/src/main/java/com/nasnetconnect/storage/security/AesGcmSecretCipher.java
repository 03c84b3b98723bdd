package com.nasnetconnect.storage.security;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.SecretCipher;
import com.nasnetconnect.domain.security.SecretResealer;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * AES-256-GCM {@link SecretCipher}. Each seal uses a fresh random 96-bit nonce; the sealed text is
 * {@code v1:<keyId>:<base64(nonce ‖ ciphertext ‖ tag)>}, where keyId is a short fingerprint of the key that
 * sealed it, and {@code v1:<keyId>} is bound as associated data so the header cannot be swapped.
 *
 * <p>Keys come from, in order: the environment variable {@value #ENV_KEY} (base64 of 32 bytes; rotation is then
 * the operator's job), or the key file {@value #KEY_FILE} in the data directory, created with permissions 0600
 * when missing and refused when readable by group or others. The key file holds one key per line,
 * {@code <keyId> <base64 key>}, the first being the current key; older lines exist only while a rotation is
 * under way, so that a crash mid-rotation loses nothing.
 *
 * <p>Never puts a key or a plaintext in an exception message. Thread-safe.
 */
public final class AesGcmSecretCipher implements SecretCipher {
    public static final String ENV_KEY = "NNC_SECRET_KEY";
    public static final String KEY_FILE = "secret.key";
    static final String VERSION = "v1";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecureRandom random = new SecureRandom();
    /** null when the key came from the environment. */
    private final Path keyFile;
    /** keyId -> key; the first entry is the current key. Replaced whole, never mutated. */
    private volatile Map<String, byte[]> ring;

    private AesGcmSecretCipher(Path keyFile, Map<String, byte[]> ring) {
        this.keyFile = keyFile;
        this.ring = ring;
    }

    /**
     * Uses {@code env.get("NNC_SECRET_KEY")} when set, otherwise {@code dataDir/secret.key} (created 0600 with a
     * fresh random key when missing; the data directory is created too).
     *
     * @throws IllegalArgumentException when the env key is not base64 of 32 bytes, or the key file is malformed
     * @throws IllegalStateException    when the key file is readable by group or others
     */
    public static AesGcmSecretCipher fromDataDir(Path dataDir, Map<String, String> env) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(env, "env");
        String envKey = env.get(ENV_KEY);
        if (envKey != null && !envKey.isBlank()) {
            byte[] key = decodeKey(envKey.trim(), "environment variable " + ENV_KEY);
            Map<String, byte[]> ring = new LinkedHashMap<>();
            ring.put(keyId(key), key);
            return new AesGcmSecretCipher(null, ring);
        }
        Path file = dataDir.resolve(KEY_FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                byte[] key = newKey();
                Map<String, byte[]> ring = new LinkedHashMap<>();
                ring.put(keyId(key), key);
                writeRing(file, ring);
                return new AesGcmSecretCipher(file, ring);
            }
            return new AesGcmSecretCipher(file, readRing(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the secret key file " + file, e);
        }
    }

    /** A cipher over one given key (tests, tools). */
    public static AesGcmSecretCipher ofKey(byte[] key) {
        if (key.length != KEY_BYTES) throw new IllegalArgumentException("AES-256 key must be 32 bytes, was " + key.length);
        Map<String, byte[]> ring = new LinkedHashMap<>();
        ring.put(keyId(key), key.clone());
        return new AesGcmSecretCipher(null, ring);
    }

    /** Fingerprint of the key currently used to seal. */
    public String currentKeyId() {
        return ring.keySet().iterator().next();
    }

    /** True when the key comes from the key file (and so can be rotated by {@link #rotate}). */
    public boolean rotatable() {
        return keyFile != null;
    }

    @Override
    public String seal(Secret secret) {
        Objects.requireNonNull(secret, "secret");
        refreshFromFile();
        Map.Entry<String, byte[]> current = ring.entrySet().iterator().next();
        String header = VERSION + ":" + current.getKey();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(current.getValue(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(header.getBytes(StandardCharsets.US_ASCII));
            byte[] ct = c.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + ct.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(ct, 0, out, NONCE_BYTES, ct.length);
            return header + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    @Override
    public Secret open(String sealed) {
        Objects.requireNonNull(sealed, "sealed");
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw new IllegalArgumentException("not a sealed secret (expected 'v1:<keyId>:<data>', got "
                    + sealed.length() + " chars, not shown)");
        }
        byte[] key = ring.get(parts[1]);
        if (key == null && refreshFromFile()) key = ring.get(parts[1]);
        if (key == null) {
            throw new IllegalArgumentException("secret sealed by unknown key '" + parts[1] + "' (known: "
                    + String.join(", ", ring.keySet()) + ")");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed secret is not valid base64 (key '" + parts[1] + "')");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new IllegalArgumentException("sealed secret is too short (" + data.length + " bytes)");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            c.updateAAD((parts[0] + ":" + parts[1]).getBytes(StandardCharsets.US_ASCII));
            byte[] plain = c.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
            return Secret.of(new String(plain, StandardCharsets.UTF_8));
        } catch (AEADBadTagException e) {
            throw new IllegalArgumentException("sealed secret failed authentication (tampered or wrong key '"
                    + parts[1] + "')");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * Rotates the key file: a new key becomes current (the old ones are kept in the file meanwhile), every
     * resealer re-seals its secrets with it, then the old keys are dropped from the file. If a resealer fails,
     * the file keeps both keys, so every stored secret can still be opened and the rotation can be re-run.
     *
     * @throws IllegalStateException when the key comes from the environment (rotate it there)
     */
    public synchronized Rotation rotate(List<SecretResealer> resealers) {
        if (keyFile == null) {
            throw new IllegalStateException("the secret key comes from " + ENV_KEY
                    + "; rotate it by re-sealing with a new environment key, not with the key file");
        }
        List<String> oldIds = List.copyOf(ring.keySet());
        byte[] key = newKey();
        String newId = keyId(key);
        Map<String, byte[]> both = new LinkedHashMap<>();
        both.put(newId, key);
        ring.forEach(both::putIfAbsent);
        persist(both);
        ring = both;
        int count = 0;
        for (SecretResealer r : resealers) {
            count += r.reseal(sealed -> seal(open(sealed)));
        }
        Map<String, byte[]> only = new LinkedHashMap<>();
        only.put(newId, key);
        persist(only);
        ring = only;
        return new Rotation(oldIds, newId, count);
    }

    /**
     * Picks up a rotation done by another process (the rotate-key command) on the same key file: before each
     * seal, and when a sealed text names a key this instance does not know. Returns true when the ring changed.
     */
    private synchronized boolean refreshFromFile() {
        if (keyFile == null) return false;
        try {
            if (!Files.exists(keyFile)) return false;
            Map<String, byte[]> onDisk = readRing(keyFile);
            if (sameRing(onDisk, ring)) return false;
            ring = onDisk;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret key file " + keyFile, e);
        }
    }

    private static boolean sameRing(Map<String, byte[]> a, Map<String, byte[]> b) {
        return List.copyOf(a.keySet()).equals(List.copyOf(b.keySet()));
    }

    /** What a rotation did: the retired key ids, the new current key id, and how many secrets were re-sealed. */
    public record Rotation(List<String> retiredKeyIds, String newKeyId, int resealed) {}

    private void persist(Map<String, byte[]> newRing) {
        try {
            writeRing(keyFile, newRing);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the secret key file " + keyFile, e);
        }
    }

    static String keyId(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("nnc-secret-key-id".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key), 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] newKey() {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static byte[] decodeKey(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + " is not valid base64 (value not shown)");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(where + " must decode to 32 bytes for AES-256, decodes to "
                    + key.length);
        }
        return key;
    }

    private static Map<String, byte[]> readRing(Path file) throws IOException {
        if (posix(file)) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(perms)) {
                throw new IllegalStateException("secret key file " + file + " has permissions "
                        + PosixFilePermissions.toString(perms) + "; it must be readable by its owner only (chmod 600)");
            }
        }
        Map<String, byte[]> ring = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] f = line.split("\\s+");
            String where = "line " + (i + 1) + " of " + file;
            if (f.length != 2) throw new IllegalArgumentException(where + " is not '<keyId> <base64 key>'");
            byte[] key = decodeKey(f[1], where);
            if (!keyId(key).equals(f[0])) {
                throw new IllegalArgumentException(where + ": key id '" + f[0] + "' does not match its key");
            }
            ring.put(f[0], key);
        }
        if (ring.isEmpty()) throw new IllegalArgumentException("secret key file " + file + " holds no key");
        return ring;
    }

    /** Writes the ring to a 0600 temp file next to {@code file} and moves it into place atomically. */
    private static void writeRing(Path file, Map<String, byte[]> ring) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# NasNetConnect secret-encryption keys. First line = current key. Keep this file private.");
        ring.forEach((id, key) -> lines.add(id + " " + Base64.getEncoder().encodeToString(key)));
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = posix(dir)
                ? Files.createTempFile(dir, ".secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(dir, ".secret", ".tmp");
        try {
            Files.write(tmp, lines, StandardCharsets.US_ASCII);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}

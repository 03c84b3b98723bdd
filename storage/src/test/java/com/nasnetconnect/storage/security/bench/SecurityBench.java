package com.nasnetconnect.storage.security.bench;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.security.Argon2idPasswordHasher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Not a test: how long a login's password check (Argon2id, default parameters) and a secret seal/open take.
 * Run: mvn -q -pl storage -am test-compile && java -cp "storage/target/test-classes:storage/target/classes:domain/target/classes:$(cat cp.txt)" \
 *   com.nasnetconnect.storage.security.bench.SecurityBench    (cp.txt from dependency:build-classpath of storage)
 */
public final class SecurityBench {
    public static void main(String[] args) throws Exception {
        Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();
        Secret pw = Secret.of("a-realistic-password-123");
        String hash = hasher.hash(pw);
        for (int i = 0; i < 5; i++) hasher.verify(pw, hash); // warm-up
        int n = 30;
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) hasher.verify(pw, hash);
        System.out.printf("Argon2id verify (m=19456 KiB, t=2, p=1): %.1f ms%n", (System.nanoTime() - t0) / 1e6 / n);

        Path dir = Files.createTempDirectory("nnc-bench");
        AesGcmSecretCipher cipher = AesGcmSecretCipher.fromDataDir(dir, Map.of());
        Secret s = Secret.of("router-password");
        for (int i = 0; i < 20_000; i++) cipher.open(cipher.seal(s));
        int m = 100_000;
        t0 = System.nanoTime();
        for (int i = 0; i < m; i++) cipher.open(cipher.seal(s));
        System.out.printf("AES-256-GCM seal+open (key file re-checked on each seal): %.1f µs%n", (System.nanoTime() - t0) / 1e3 / m);
    }
}

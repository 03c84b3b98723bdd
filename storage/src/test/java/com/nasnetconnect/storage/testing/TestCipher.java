package com.nasnetconnect.storage.testing;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.SecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/** A small real AES-GCM implementation of the port for storage tests (the product one belongs to security). */
public final class TestCipher implements SecretCipher {
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public TestCipher() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        key = new SecretKeySpec(k, "AES");
    }

    @Override
    public String seal(Secret secret) {
        try {
            byte[] nonce = new byte[12];
            random.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] ct = c.doFinal(secret.reveal().getBytes(StandardCharsets.UTF_8));
            return "t1:" + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + ct.length).put(nonce).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Secret open(String sealed) {
        if (sealed == null || !sealed.startsWith("t1:")) throw new IllegalArgumentException("not sealed by this test key");
        try {
            byte[] all = Base64.getDecoder().decode(sealed.substring(3));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return Secret.of(new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("sealed text was tampered with or sealed by another key");
        }
    }
}

package com.nasnetconnect.routeros.sim;

import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * WireGuard keys as RouterOS shows them: 32-byte Curve25519 keys in standard base64. The public key is
 * X25519(private, 9) — the same derivation as {@code wg pubkey}; a generated private key is clamped as
 * {@code wg genkey} does.
 */
public final class WireGuardKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private WireGuardKeys() {
    }

    /** A fresh, clamped private key in base64. */
    public static String generatePrivateKey() {
        byte[] k = new byte[32];
        RANDOM.nextBytes(k);
        k[0] &= (byte) 248;
        k[31] &= 127;
        k[31] |= 64;
        return Base64.getEncoder().encodeToString(k);
    }

    /**
     * Derives the public key of a base64 private key.
     *
     * @throws IllegalArgumentException when the text is not base64 of exactly 32 bytes (the message does not
     *                                  contain the key)
     */
    public static String publicKey(String privateKeyBase64) {
        byte[] priv = decode(privateKeyBase64);
        byte[] pub = new byte[32];
        X25519.scalarMultBase(priv, 0, pub, 0);
        return Base64.getEncoder().encodeToString(pub);
    }

    static boolean isValidKey(String base64) {
        try {
            decode(base64);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key is not valid base64");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException("key must be 32 bytes, got " + bytes.length);
        }
        return bytes;
    }
}

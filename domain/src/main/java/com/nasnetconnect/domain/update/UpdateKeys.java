package com.nasnetconnect.domain.update;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys of an update repository (the JDK's own implementation). A public key travels as PEM
 * ({@code root.pub}) or bare base64 of its X.509 encoding (in {@code root.json}); a private key as PKCS#8 PEM
 * ({@code root.key}). A key's id is the SHA-256 of its X.509 encoding, in hex.
 */
public final class UpdateKeys {
    private static final String ALGORITHM = "Ed25519";

    private UpdateKeys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no Ed25519", e);
        }
    }

    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** The X.509 encoding in base64, as {@code root.json} lists keys. */
    public static String publicBase64(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String keyId(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A public key from PEM or bare base64 text ({@code NNC_UPDATE_ROOT_KEY}, root.pub, root.json).
     *
     * @throws IllegalArgumentException saying the text is not an Ed25519 public key (the text is not secret, but it
     *                                  is not echoed either: it is long)
     */
    public static PublicKey parsePublic(String text) {
        try {
            PublicKey k = KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(unpem(text, "PUBLIC KEY")));
            return k;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 public key (expected the PEM text of root.pub, or its base64)");
        }
    }

    /** @throws IllegalArgumentException when the text is not a PKCS#8 Ed25519 private key (never echoing it) */
    public static PrivateKey parsePrivate(String text) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(unpem(text, "PRIVATE KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PKCS#8 PEM (as release keygen writes root.key)");
        }
    }

    /** The public half of a private key (Ed25519 derives it), so a release command needs only the private key file. */
    public static PublicKey publicOf(PrivateKey key) {
        // PKCS#8 v2 may carry the public key, but the JDK writes v1: sign and search is not possible, so derive it
        // through the key pair generator seeded with the private key's bytes
        byte[] enc = key.getEncoded();
        byte[] seed = java.util.Arrays.copyOfRange(enc, enc.length - 32, enc.length);
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance(ALGORITHM);
            g.initialize(255, new FixedRandom(seed));
            KeyPair pair = g.generateKeyPair();
            if (!java.util.Arrays.equals(pair.getPrivate().getEncoded(), enc)) {
                throw new IllegalStateException("could not derive the public key of an Ed25519 private key");
            }
            return pair.getPublic();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Ed25519 signature of {@code data}, in base64. */
    public static String sign(PrivateKey key, byte[] data) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(data);
            return Base64.getEncoder().encodeToString(s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign: " + e.getMessage(), e);
        }
    }

    /** True when {@code signatureBase64} is {@code key}'s signature of {@code data}; false for anything else. */
    public static boolean verify(PublicKey key, byte[] data, String signatureBase64) {
        try {
            Signature s = Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(data);
            return s.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] unpem(String text, String type) {
        String t = text == null ? "" : text.strip();
        if (t.startsWith("-----BEGIN " + type + "-----")) {
            int end = t.indexOf("-----END " + type + "-----");
            if (end < 0) throw new IllegalArgumentException("PEM without its END line");
            t = t.substring(("-----BEGIN " + type + "-----").length(), end);
        }
        return Base64.getMimeDecoder().decode(t.replaceAll("\\s", ""));
    }

    /** Hands the seed to the key pair generator (Ed25519 takes 32 bytes of randomness as its private key). */
    private static final class FixedRandom extends java.security.SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}

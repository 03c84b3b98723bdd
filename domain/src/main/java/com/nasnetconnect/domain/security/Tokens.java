package com.nasnetconnect.domain.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * High-entropy bearer tokens (API keys, session ids): a prefix plus 256 random bits in base64url. Only their
 * SHA-256 is stored, which is enough because the token itself is unguessable (no salt or slow hash needed).
 */
final class Tokens {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern BODY = Pattern.compile("[A-Za-z0-9_-]{43}");

    private Tokens() {}

    static String generate(String prefix) {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** True when the text has the shape of a token with this prefix (cheap check before any lookup). */
    static boolean wellFormed(String prefix, String token) {
        return token != null && token.length() == prefix.length() + 43 && token.startsWith(prefix)
                && BODY.matcher(token.substring(prefix.length())).matches();
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String id() {
        byte[] b = new byte[9];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

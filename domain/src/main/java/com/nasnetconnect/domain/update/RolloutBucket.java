package com.nasnetconnect.domain.update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A device's place in a staged rollout, 0–99: the first bytes of SHA-256 of its device id (kept in the data
 * directory) modulo 100. The same device always lands in the same bucket; a release with {@code rollout} N reaches
 * the devices whose bucket is below N.
 */
public final class RolloutBucket {
    private RolloutBucket() {
    }

    public static int of(String deviceId) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(deviceId.getBytes(StandardCharsets.UTF_8));
            long v = ((h[0] & 0xffL) << 24) | ((h[1] & 0xffL) << 16) | ((h[2] & 0xffL) << 8) | (h[3] & 0xffL);
            return (int) (v % 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a release offered to {@code rollout} percent of devices reaches the device in {@code bucket}. */
    public static boolean reaches(int bucket, int rollout) {
        return bucket < rollout;
    }
}

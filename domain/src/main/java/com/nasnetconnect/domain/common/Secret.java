package com.nasnetconnect.domain.common;

import java.util.Objects;

/**
 * A secret value (password, key) that never shows itself by accident: {@link #toString()} is masked, so a
 * secret that ends up in a log line, an exception message or a debug dump reveals nothing. Only
 * {@link #reveal()} gives the plain text, and callers that use it own what happens to it.
 */
public final class Secret {
    private static final String MASK = "******";
    private volatile String value;
    private java.util.function.Supplier<String> opener;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    private Secret(java.util.function.Supplier<String> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    /**
     * A secret opened only when first revealed (or compared), then kept: reading many sealed values (every router
     * of a listing) costs no decryption for those nobody uses. A failure of {@code opener} surfaces at that first use
     * and again at the next one.
     */
    public static Secret lazily(java.util.function.Supplier<String> opener) {
        return new Secret(opener);
    }

    public String reveal() {
        String v = value;
        if (v != null) return v;
        synchronized (this) {
            if (value == null) {
                value = Objects.requireNonNull(opener.get(), "opened secret");
                opener = null;
            }
            return value;
        }
    }

    public boolean isEmpty() {
        return reveal().isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && java.security.MessageDigest.isEqual(
                reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                s.reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return reveal().hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}

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
    /** For a sealed secret: its sealed form, which stands for one value (equal sealed forms open to equal values). */
    private final String sealed;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
        this.sealed = null;
    }

    private Secret(String sealed, java.util.function.Supplier<String> opener) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.sealed = sealed;
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
        return new Secret(null, opener);
    }

    /**
     * {@link #lazily(java.util.function.Supplier)} for a value stored sealed: two such secrets with the same sealed
     * form are equal without opening either (a router's endpoint, read again at every poll round, finds its open
     * connection without a decryption); any other comparison opens both.
     */
    public static Secret sealed(String sealedForm, java.util.function.Supplier<String> opener) {
        return new Secret(Objects.requireNonNull(sealedForm, "sealedForm"), opener);
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
        if (!(o instanceof Secret s)) return false;
        if (s == this || (sealed != null && sealed.equals(s.sealed))) return true;
        return java.security.MessageDigest.isEqual(
                reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                s.reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * The same for every secret: a hash of the value would tell something about it, and would open a sealed one.
     * Whatever holds a secret (an endpoint) hashes by its other parts.
     */
    @Override
    public int hashCode() {
        return 0x5ec2e7;
    }

    @Override
    public String toString() {
        return MASK;
    }
}

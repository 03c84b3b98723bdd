package com.nasnetconnect.domain.common;

import java.util.Objects;

/**
 * A secret value (password, key) that never shows itself by accident: {@link #toString()} is masked, so a
 * secret that ends up in a log line, an exception message or a debug dump reveals nothing. Only
 * {@link #reveal()} gives the plain text, and callers that use it own what happens to it.
 */
public final class Secret {
    private static final String MASK = "******";
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && java.security.MessageDigest.isEqual(
                value.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                s.value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return MASK;
    }
}

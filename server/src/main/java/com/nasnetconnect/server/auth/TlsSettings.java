package com.nasnetconnect.server.auth;

import com.nasnetconnect.domain.common.Secret;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * HTTPS on the public port, from the environment:
 * <ul>
 *   <li>{@code NNC_TLS} = {@code off} (default) | {@code pem} | {@code pkcs12} | {@code self-signed}</li>
 *   <li>pem: {@code NNC_TLS_CERT} (certificate chain, PEM) and {@code NNC_TLS_KEY} (private key, PEM: PKCS#8,
 *       PKCS#1 RSA or SEC1 EC, unencrypted)</li>
 *   <li>pkcs12: {@code NNC_TLS_KEYSTORE} and {@code NNC_TLS_KEYSTORE_PASSWORD}</li>
 *   <li>self-signed: generated once into {@code <data dir>/tls/}, for {@code localhost}, {@code 127.0.0.1}
 *       and the names in {@code NNC_TLS_HOSTNAMES} (comma-separated)</li>
 * </ul>
 */
public record TlsSettings(Mode mode, Path certificate, Path privateKey, Path keystore, Secret keystorePassword,
                          List<String> hostnames) {
    public enum Mode { OFF, PEM, PKCS12, SELF_SIGNED }

    public static final TlsSettings OFF = new TlsSettings(Mode.OFF, null, null, null, null, List.of());

    public TlsSettings {
        Objects.requireNonNull(mode, "mode");
        hostnames = List.copyOf(hostnames);
        switch (mode) {
            case PEM -> {
                if (certificate == null || privateKey == null) {
                    throw new IllegalArgumentException("NNC_TLS=pem needs NNC_TLS_CERT and NNC_TLS_KEY");
                }
            }
            case PKCS12 -> {
                if (keystore == null || keystorePassword == null) {
                    throw new IllegalArgumentException("NNC_TLS=pkcs12 needs NNC_TLS_KEYSTORE and NNC_TLS_KEYSTORE_PASSWORD");
                }
            }
            default -> { }
        }
    }

    public boolean enabled() {
        return mode != Mode.OFF;
    }

    /** @throws IllegalArgumentException naming the bad variable or value */
    public static TlsSettings fromEnv(Map<String, String> env) {
        String m = env.getOrDefault("NNC_TLS", "off").strip().toLowerCase(Locale.ROOT);
        Mode mode = switch (m) {
            case "", "off", "false", "no" -> Mode.OFF;
            case "pem" -> Mode.PEM;
            case "pkcs12", "p12" -> Mode.PKCS12;
            case "self-signed", "selfsigned", "on", "true" -> Mode.SELF_SIGNED;
            default -> throw new IllegalArgumentException("NNC_TLS: unknown value '" + m
                    + "' (expected off, pem, pkcs12 or self-signed)");
        };
        List<String> hosts = Arrays.stream(env.getOrDefault("NNC_TLS_HOSTNAMES", "").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        String pw = env.get("NNC_TLS_KEYSTORE_PASSWORD");
        return new TlsSettings(mode, path(env, "NNC_TLS_CERT"), path(env, "NNC_TLS_KEY"), path(env, "NNC_TLS_KEYSTORE"),
                pw == null ? null : Secret.of(pw), hosts);
    }

    private static Path path(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : Path.of(v.strip());
    }
}

package com.nasnetconnect.routeros.api;

import java.util.Optional;

/**
 * Trust-on-first-use store for routers' API-SSL certificates: the SHA-256 fingerprint (lower-case hex of the
 * DER-encoded leaf certificate) pinned per router address ({@code host:port}). The gateway pins the
 * certificate it meets first and refuses any other one afterwards, until the pin is {@link #forget forgotten}.
 */
public interface CertificatePins {
    Optional<String> pinned(String address);

    void pin(String address, String sha256Hex);

    void forget(String address);

    /** Pins kept in memory for the life of the process only (benchmarks, tests); the server uses {@link FileCertificatePins}. */
    static CertificatePins inMemory() {
        var pins = new java.util.concurrent.ConcurrentHashMap<String, String>();
        return new CertificatePins() {
            @Override
            public Optional<String> pinned(String address) {
                return Optional.ofNullable(pins.get(address));
            }

            @Override
            public void pin(String address, String sha256Hex) {
                pins.put(address, sha256Hex);
            }

            @Override
            public void forget(String address) {
                pins.remove(address);
            }
        };
    }
}

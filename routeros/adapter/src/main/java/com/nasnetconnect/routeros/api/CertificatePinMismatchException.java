package com.nasnetconnect.routeros.api;

import java.io.IOException;

/**
 * A router presented an API-SSL certificate other than the one pinned for its address. The gateway refuses
 * the connection; the cause of the {@code RouterException.Unreachable} it throws is this exception.
 */
public final class CertificatePinMismatchException extends IOException {
    private final String address;
    private final String pinned;
    private final String presented;

    CertificatePinMismatchException(String address, String pinned, String presented) {
        super("certificate of " + address + " changed: pinned sha256 " + pinned + ", presented " + presented
                + "; refusing to connect (forget the pin to trust the new certificate)");
        this.address = address;
        this.pinned = pinned;
        this.presented = presented;
    }

    public String address() { return address; }
    public String pinned() { return pinned; }
    public String presented() { return presented; }
}

package com.nasnetconnect.domain.update;

/**
 * Update metadata or an artifact that the device does not trust, with why in plain words (it becomes
 * {@code UpdateStatus.lastError}): expired, older than what was accepted, not signed by a trusted key, tampered,
 * the wrong size or hash. Nothing of what was refused is used; the last good state is kept.
 */
public final class MetadataRefused extends RuntimeException {
    public MetadataRefused(String message) {
        super(message);
    }
}

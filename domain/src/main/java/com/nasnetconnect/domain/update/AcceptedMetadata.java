package com.nasnetconnect.domain.update;

import com.nasnetconnect.domain.common.OutPort;
import java.util.Optional;

/**
 * Out-port: the newest metadata the device accepted, per role ({@code root}, {@code timestamp}, {@code targets},
 * and {@code anchor}: the id of the configured root key the chain started from), kept on flash so that older or
 * frozen metadata is refused after a restart too. A save replaces the role's file atomically (write, then rename).
 */
@OutPort
public interface AcceptedMetadata {
    Optional<byte[]> load(String role);

    void save(String role, byte[] bytes);
}

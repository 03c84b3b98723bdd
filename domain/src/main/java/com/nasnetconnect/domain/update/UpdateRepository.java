package com.nasnetconnect.domain.update;

import com.nasnetconnect.domain.common.OutPort;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Out-port: the static files of an update repository ({@code NNC_UPDATE_URL}), read with limits. Failures are
 * {@link IOException}s whose message says in plain words what went wrong (no answer, stalled, too large, an HTTP
 * status), without any credential.
 */
@OutPort
public interface UpdateRepository {
    /**
     * The file's bytes; empty when the repository has no such file.
     *
     * @throws IOException when it is longer than {@code maxBytes}, stalls, or cannot be read
     */
    Optional<byte[]> fetch(String name, long maxBytes) throws IOException;

    /**
     * Downloads {@code name} into {@code target}, resuming after the bytes {@code target} already holds (HTTP Range),
     * never writing more than {@code length} bytes in all.
     *
     * @throws IOException when the file is longer than {@code length}, the transfer stalls, or it fails; what was
     *                     written stays for the next attempt to resume
     */
    void download(String name, long length, Path target) throws IOException;
}

package com.nasnetconnect.domain.events;

import java.time.Duration;
import java.util.List;

/** In-port: move warm events older than a given age into the cold tier. */
public interface ArchiveEvents {
    /**
     * Archives every warm event older than {@code olderThan} (by the injected clock) into the cold tier's monthly
     * partitions, then removes them from the warm tier.
     *
     * @throws ColdTierUnavailable when no cold tier is configured or its directory is absent or failing; nothing
     *                             is removed from the warm tier then
     */
    List<ArchivedPartition> archive(Duration olderThan);

    /** One partition file written: its name, the events added to it now, its size afterwards. */
    record ArchivedPartition(String file, int events, long bytes) {
    }

    /** The cold tier cannot take the archive; the message says why in user terms. */
    final class ColdTierUnavailable extends RuntimeException {
        public ColdTierUnavailable(String message) {
            super(message);
        }

        public ColdTierUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

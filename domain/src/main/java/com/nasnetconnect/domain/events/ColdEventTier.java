package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.common.OutPort;
import com.nasnetconnect.domain.router.RouterId;
import java.util.List;
import java.util.Optional;

/** The optional archive (a USB disk): monthly partitions, checksummed, read back through the same query. */
@OutPort
public interface ColdEventTier {
    /**
     * Adds events of one scope to their monthly partitions, durably.
     *
     * @throws ArchiveEvents.ColdTierUnavailable when the tier is not configured, absent or failing
     */
    List<ArchiveEvents.ArchivedPartition> archive(Optional<RouterId> scope, List<LoggedEvent> events);

    /**
     * The newest {@code limit} matching events, newest first, tier COLD. An absent mount or a partition whose
     * checksum does not match is skipped (and shown in {@link #status()}), never an error of the query.
     */
    List<LoggedEvent> newest(EventQuery query, int limit);

    EventStorageStatus.Cold status();

    /** No cold tier: nothing archived, nothing read. */
    ColdEventTier NONE = new ColdEventTier() {
        @Override
        public List<ArchiveEvents.ArchivedPartition> archive(Optional<RouterId> scope, List<LoggedEvent> events) {
            throw new ArchiveEvents.ColdTierUnavailable("no cold tier is configured (set NNC_EVENTS_COLD_DIR)");
        }

        @Override
        public List<LoggedEvent> newest(EventQuery query, int limit) {
            return List.of();
        }

        @Override
        public EventStorageStatus.Cold status() {
            return EventStorageStatus.Cold.disabled();
        }
    };
}

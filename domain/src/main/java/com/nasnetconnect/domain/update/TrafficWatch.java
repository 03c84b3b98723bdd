package com.nasnetconnect.domain.update;

import java.time.Instant;
import java.util.Optional;

/**
 * Whether now is a bad moment for update traffic: a metered uplink carries traffic, or traffic is high. Checks are
 * skipped then, and a minor release waits for the router to be idle.
 */
@FunctionalInterface
public interface TrafficWatch {
    /** Why not now, in plain words ("the metered uplink lte1 on router 'Home' carries traffic"), or empty. */
    Optional<String> whyNotNow(Instant now);

    TrafficWatch NEVER_BUSY = now -> Optional.empty();
}

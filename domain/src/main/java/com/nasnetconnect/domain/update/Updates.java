package com.nasnetconnect.domain.update;

import com.nasnetconnect.domain.security.Principal;
import java.util.List;
import java.util.function.Consumer;

/**
 * In-port for pull-based signed updates, whoever asks (GraphQL {@code updateStatus}, {@code checkForUpdates},
 * {@code applyUpdate}; the Updates page). Reading needs any role; checking now {@code OPERATOR}; applying a release
 * that needs approval {@code ADMIN}.
 */
public interface Updates {
    /** What is known now. */
    UpdateStatus status(Principal who);

    /** Checks the repository now, ignoring the schedule (not the trust rules); returns the status after it. */
    UpdateStatus checkNow(Principal who);

    /**
     * Approves and applies {@code version} (a major or breaking release that waits for the owner; also a minor one
     * not yet applied): downloads and verifies it if needed, stages it and asks for the restart that switches.
     *
     * @throws com.nasnetconnect.domain.common.InputRefused naming the version when it is not the available one
     */
    UpdateStatus apply(Principal who, String version);

    /** Checks and applies, newest first, at most {@code max}. */
    List<UpdateRecord> history(Principal who, int max);

    /** Every later status change, on the checker's thread; close to stop. */
    AutoCloseable follow(Principal who, Consumer<UpdateStatus> listener);
}

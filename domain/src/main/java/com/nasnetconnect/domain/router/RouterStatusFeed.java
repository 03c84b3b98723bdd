package com.nasnetconnect.domain.router;

import java.util.List;
import java.util.function.Consumer;

/** In-port: the live status of every managed router, pushed to subscribers whenever a poll completes. */
public interface RouterStatusFeed {
    /** The latest status of every managed router, in the order the routers were added. */
    List<RouterStatus> current();

    /**
     * Calls {@code listener} with the full list after every poll round (and once right away). Listeners run on
     * the monitor's thread and must hand UI work elsewhere. Close the returned handle to unsubscribe.
     */
    AutoCloseable subscribe(Consumer<List<RouterStatus>> listener);

    /** Polls now instead of waiting for the next round (e.g. a user pressed refresh). */
    void refreshNow();

    /** Polls this one router now (e.g. it was just added); by default, everything is polled. */
    default void refresh(RouterId router) {
        refreshNow();
    }
}

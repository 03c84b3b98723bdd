package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.RouterId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One lock per router, held by everything that reads the router and then writes what it saw: an apply
 * (validate, write, read back, commit), a reconcile, a drift check, an adopt. Work on one router runs one at a
 * time; different routers never wait for each other. Reentrant, so a reconcile may check drift inside.
 */
public final class RouterLocks {
    private final Map<RouterId, ReentrantLock> locks = new ConcurrentHashMap<>();

    public <T> T with(RouterId router, Supplier<T> work) {
        Objects.requireNonNull(router, "router");
        var lock = locks.computeIfAbsent(router, id -> new ReentrantLock());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** True while a thread waits for this router's lock (for diagnostics and tests). */
    public boolean contended(RouterId router) {
        var lock = locks.get(router);
        return lock != null && lock.hasQueuedThreads();
    }
}

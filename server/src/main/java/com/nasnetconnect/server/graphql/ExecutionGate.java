package com.nasnetconnect.server.graphql;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Bounds concurrent GraphQL executions per key and in total, and runs them on a pool of its own platform
 * threads. The caller (a request's virtual thread) only waits: a CPU- or SQLite-bound execution (JDBC calls pin
 * a virtual thread to its carrier) therefore never holds the carrier threads that {@code /health}, the UI proxy
 * and every other request need, and the operating system shares the processors between the pool and the rest.
 *
 * <p>A call that finds no free execution for its key, or none at all, within the queue wait is refused with
 * {@link Busy}. Thread-safe.
 */
final class ExecutionGate implements AutoCloseable {
    private final int perKey;
    private final Duration queueWait;
    private final Semaphore total;
    private final ConcurrentHashMap<String, Semaphore> keys = new ConcurrentHashMap<>();
    private final ExecutorService pool;

    ExecutionGate(int perKey, int total, Duration queueWait) {
        this(perKey, total, queueWait, Duration.ofSeconds(30));
    }

    /** @param idle how long a pool thread without work lives on */
    ExecutionGate(int perKey, int total, Duration queueWait, Duration idle) {
        if (perKey < 1 || total < perKey) throw new IllegalArgumentException("need 1 <= perKey <= total: " + perKey + ", " + total);
        this.perKey = perKey;
        this.queueWait = queueWait;
        this.total = new Semaphore(total, true);
        // up to `total` threads, made as executions need them and ended when idle: an idle server (or one used only
        // through the UI) keeps none of them (a platform thread is ~100 KB resident)
        var threads = new ThreadPoolExecutor(total, total, idle.toNanos(), TimeUnit.NANOSECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("graphql-exec-", 0).daemon().factory());
        threads.allowCoreThreadTimeOut(true);
        this.pool = threads;
    }

    /** Refused: every execution the key or the server may run is busy. */
    static final class Busy extends Exception {
        final long retryAfterSeconds;

        Busy(String message, long retryAfterSeconds) {
            super(message, null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }
    }

    /** Runs {@code work} for {@code key} on the gate's pool and waits for its result. */
    <T> T run(String key, Callable<T> work) throws Busy, InterruptedException {
        long deadline = System.nanoTime() + queueWait.toNanos();
        Semaphore mine = keys.computeIfAbsent(key, k -> new Semaphore(perKey, true));
        if (!mine.tryAcquire(queueWait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new Busy("too many concurrent requests for '" + key + "': at most " + perKey
                    + " at once; try again shortly", retryAfterSeconds());
        }
        try {
            if (!total.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new Busy("the server is busy; try again shortly", retryAfterSeconds());
            }
            try {
                Future<T> f = pool.submit(work);
                try {
                    return f.get();
                } catch (InterruptedException e) {
                    f.cancel(true);
                    throw e;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) throw r;
                    if (e.getCause() instanceof Error err) throw err;
                    throw new IllegalStateException(e.getCause());
                }
            } finally {
                total.release();
            }
        } finally {
            mine.release();
        }
    }

    private long retryAfterSeconds() {
        return Math.max(1, (queueWait.toMillis() + 999) / 1000);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}

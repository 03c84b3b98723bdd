package com.nasnetconnect.routeros.api;

import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The connections to one router (one address, user and TLS mode): at most
 * {@link GatewaySettings#maxConnectionsPerRouter()} at a time, each used by one caller at a time, idle ones
 * reused. After a failed connect no new connect is tried until the backoff has passed (calls fail at once with
 * {@link RouterException.Unreachable}); the backoff doubles per failure up to its maximum and resets on success.
 */
final class ConnectionPool implements AutoCloseable {
    private final RouterEndpoint endpoint;
    private final GatewaySettings settings;
    private final CertificatePins pins;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier nanoTime;
    private final Semaphore permits;
    /** Idle connections, the most recently used first. */
    private final Deque<Idle> idle = new ArrayDeque<>();
    private final Set<RouterOsConnection> open = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.LongAdder roundTrips = new java.util.concurrent.atomic.LongAdder();
    private long backoffNanos;
    private long nextAttempt;
    private RouterException lastFailure;
    private volatile boolean closed;

    ConnectionPool(RouterEndpoint endpoint, GatewaySettings settings, CertificatePins pins,
                   ScheduledExecutorService scheduler, LongSupplier nanoTime) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.pins = pins;
        this.scheduler = scheduler;
        this.nanoTime = nanoTime;
        this.permits = new Semaphore(settings.maxConnectionsPerRouter(), true);
        this.backoffNanos = settings.backoffInitial().toNanos();
    }

    RouterEndpoint endpoint() {
        return endpoint;
    }

    int openConnections() {
        return open.size();
    }

    /** Round trips to this router so far: one per batch of pipelined commands, logins included. */
    long roundTrips() {
        return roundTrips.sum();
    }

    /** Runs {@code work} on a connection of its own, by the deadline. */
    <T> T call(long deadline, String what, Function<RouterOsConnection, T> work) {
        RouterOsConnection c = lease(deadline, what);
        try {
            T result = work.apply(c);
            release(c);
            c = null;
            return result;
        } finally {
            if (c != null) release(c);
        }
    }

    /**
     * A connection for the caller alone until {@link #release}d (a pinned session): waits for a free slot and
     * takes an idle connection or opens one, by the deadline.
     */
    RouterOsConnection lease(long deadline, String what) {
        long wait = deadline - nanoTime.getAsLong();
        boolean acquired;
        try {
            acquired = wait > 0 && permits.tryAcquire(wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RouterException.Unreachable("interrupted while waiting for a connection to " + endpoint.address(), what, e);
        }
        if (!acquired) {
            throw new RouterException.Timeout("all " + settings.maxConnectionsPerRouter() + " connections to "
                    + endpoint.address() + " stayed busy until the deadline", what);
        }
        try {
            return take(deadline);
        } catch (RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    /** Gives a leased connection back: to the idle ones, or closed when it broke. */
    void release(RouterOsConnection c) {
        try {
            if (c.broken()) c.close();
            else giveBack(c);
        } finally {
            permits.release();
        }
    }

    /** A new connection outside the pool's limit (for a stream), subject to the same backoff. */
    RouterOsConnection openDedicated(long deadline) {
        return connect(deadline, false);
    }

    private RouterOsConnection take(long deadline) {
        synchronized (this) {
            if (closed) throw new RouterException.Unreachable("gateway closed", null, null);
            closeLongIdle();
            Idle i;
            while ((i = idle.pollFirst()) != null) {
                if (!i.connection().broken()) return i.connection();
                i.connection().close();
            }
        }
        return connect(deadline, true);
    }

    private RouterOsConnection connect(long deadline, boolean pooled) {
        synchronized (this) {
            long now = nanoTime.getAsLong();
            if (lastFailure != null && now - nextAttempt < 0) {
                throw new RouterException.Unreachable("not reconnecting to " + endpoint.address() + " for another "
                        + TimeUnit.NANOSECONDS.toMillis(nextAttempt - now) + " ms after: " + lastFailure.getMessage(),
                        null, lastFailure);
            }
        }
        try {
            RouterOsConnection c = RouterOsConnection.open(endpoint, settings, pins, scheduler, nanoTime, deadline,
                    open::remove, roundTrips::increment);
            if (pooled) open.add(c);
            if (closed) {
                c.close();
                throw new RouterException.Unreachable("gateway closed", null, null);
            }
            synchronized (this) {
                backoffNanos = settings.backoffInitial().toNanos();
                lastFailure = null;
            }
            return c;
        } catch (RouterException e) {
            synchronized (this) {
                lastFailure = e;
                nextAttempt = nanoTime.getAsLong() + backoffNanos;
                backoffNanos = Math.min(backoffNanos * 2, settings.backoffMax().toNanos());
            }
            throw e;
        }
    }

    private void giveBack(RouterOsConnection c) {
        synchronized (this) {
            if (!closed && !c.broken()) {
                idle.addFirst(new Idle(c, nanoTime.getAsLong()));
                return;
            }
        }
        c.close();
    }

    /**
     * Closes the connections idle for longer than {@link #IDLE_LIMIT} (the least recently used end): a burst that
     * opened a second connection to a router does not keep it, and its socket and reader, for good. The one the
     * status poll reuses every few seconds stays.
     */
    private void closeLongIdle() {
        long now = nanoTime.getAsLong();
        Idle oldest;
        while ((oldest = idle.peekLast()) != null && now - oldest.since() > IDLE_LIMIT.toNanos()) {
            idle.pollLast();
            oldest.connection().close();
        }
    }

    /** How long an unused connection stays open. */
    static final java.time.Duration IDLE_LIMIT = java.time.Duration.ofSeconds(30);

    private record Idle(RouterOsConnection connection, long since) {
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            idle.clear();
        }
        for (RouterOsConnection c : Set.copyOf(open)) c.close();
    }
}

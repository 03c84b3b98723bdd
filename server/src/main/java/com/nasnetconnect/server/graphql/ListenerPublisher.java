package com.nasnetconnect.server.graphql;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Turns a listener registration ({@code listener -> handle}) into a reactive-streams Publisher, which is what
 * graphql-java's subscription execution consumes. One registration per subscriber. Cancelling closes the
 * registration.
 *
 * <p>The publishing thread (the router monitor, the resource event bus) only hands a value over: it never runs
 * the subscriber, so a slow client cannot hold up polling, other subscribers or a commit. Values are delivered
 * on the executor (a virtual thread by default), one at a time and in order, as the subscriber requests them.
 * While the subscriber has not asked for more, values wait:
 * <ul>
 *   <li>every value, in a buffer of at most {@code maxBuffered}; a subscriber that falls further behind is
 *       failed rather than let memory grow ({@link #ListenerPublisher(Function, int)}, for changes and events);
 *   <li>or only the latest value per key, replacing an older one that has not gone out yet and keeping its place
 *       ({@link #latest}, for status, where only the current value matters).
 * </ul>
 */
final class ListenerPublisher<T> implements Publisher<T> {
    private static final Executor VIRTUAL_THREADS = task -> Thread.ofVirtual().name("graphql-subscription").start(task);

    private final Function<Consumer<T>, AutoCloseable> register;
    private final int maxBuffered;
    private final Function<? super T, ?> latestBy;
    private final Executor executor;

    ListenerPublisher(Function<Consumer<T>, AutoCloseable> register, int maxBuffered) {
        this(register, maxBuffered, null, VIRTUAL_THREADS);
    }

    /** @param latestBy null to deliver every value; else the key under which only the latest value waits */
    ListenerPublisher(Function<Consumer<T>, AutoCloseable> register, int maxBuffered, Function<? super T, ?> latestBy,
                      Executor executor) {
        if (maxBuffered < 1) throw new IllegalArgumentException("maxBuffered < 1: " + maxBuffered);
        this.register = register;
        this.maxBuffered = maxBuffered;
        this.latestBy = latestBy;
        this.executor = executor;
    }

    /** A publisher whose waiting values are coalesced to the latest per {@code key} (at most {@code maxKeys} keys). */
    static <T> ListenerPublisher<T> latest(Function<Consumer<T>, AutoCloseable> register, Function<? super T, ?> key,
                                           int maxKeys) {
        return new ListenerPublisher<>(register, maxKeys, key, VIRTUAL_THREADS);
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        var sub = new Sub<T>(subscriber, maxBuffered, latestBy, executor);
        subscriber.onSubscribe(sub);
        try {
            sub.handle = register.apply(sub::offer);
            if (sub.cancelled.get()) sub.closeHandle();
        } catch (RuntimeException e) {
            sub.fail(e);
        }
    }

    private static final class Sub<T> implements Subscription {
        private final Subscriber<? super T> subscriber;
        private final int maxBuffered;
        private final Function<? super T, ?> latestBy;
        private final Executor executor;
        /** Guarded by itself: waiting values, in arrival order (by key when coalescing). */
        private final ArrayDeque<T> queue = new ArrayDeque<>();
        private final Map<Object, T> latest = new LinkedHashMap<>();
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private final AtomicBoolean terminated = new AtomicBoolean();
        private volatile Throwable error;
        private volatile AutoCloseable handle;

        Sub(Subscriber<? super T> subscriber, int maxBuffered, Function<? super T, ?> latestBy, Executor executor) {
            this.subscriber = subscriber;
            this.maxBuffered = maxBuffered;
            this.latestBy = latestBy;
            this.executor = executor;
        }

        /** Called on the publishing thread: stores the value and returns; delivery happens on the executor. */
        void offer(T value) {
            if (cancelled.get()) return;
            boolean overflow;
            synchronized (queue) {
                if (latestBy != null) {
                    Object key = latestBy.apply(value);
                    overflow = !latest.containsKey(key) && latest.size() >= maxBuffered;
                    if (!overflow) latest.put(key, value);
                } else {
                    overflow = queue.size() >= maxBuffered;
                    if (!overflow) queue.add(value);
                }
            }
            if (overflow) {
                fail(new IllegalStateException("subscriber too slow: more than " + maxBuffered + " updates waiting"));
            } else {
                schedule();
            }
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                fail(new IllegalArgumentException("request must be positive: " + n));
                return;
            }
            demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            schedule();
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) {
                closeHandle();
                clear();
            }
        }

        /** Stops listening and signals the error to the subscriber (on the executor, never alongside onNext). */
        void fail(Throwable t) {
            if (cancelled.compareAndSet(false, true)) {
                closeHandle();
                clear();
                error = t;
                schedule();
            }
        }

        void closeHandle() {
            var h = handle;
            if (h != null) {
                try {
                    h.close();
                } catch (Exception ignored) {
                    // closing a listener registration has nothing useful to report
                }
            }
        }

        private void clear() {
            synchronized (queue) {
                queue.clear();
                latest.clear();
            }
        }

        private T poll() {
            synchronized (queue) {
                if (latestBy == null) return queue.poll();
                Iterator<T> it = latest.values().iterator();
                if (!it.hasNext()) return null;
                T v = it.next();
                it.remove();
                return v;
            }
        }

        private void schedule() {
            if (wip.getAndIncrement() != 0) return;
            try {
                executor.execute(this::drain);
            } catch (RejectedExecutionException e) {
                wip.set(0); // shutting down: nobody is left to deliver to
            }
        }

        private void drain() {
            int missed = 1;
            do {
                while (!cancelled.get() && demand.get() > 0) {
                    T v = poll();
                    if (v == null) break;
                    demand.decrementAndGet();
                    try {
                        subscriber.onNext(v);
                    } catch (RuntimeException e) {
                        fail(e);
                    }
                }
                Throwable e = error;
                if (e != null && terminated.compareAndSet(false, true)) subscriber.onError(e);
                missed = wip.addAndGet(-missed);
            } while (missed != 0);
        }
    }
}

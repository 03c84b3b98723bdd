package com.nasnetconnect.server.graphql;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * graphql-java's subscription execution consumes. One registration per subscriber; values wait in a bounded
 * buffer until requested; a subscriber that falls more than {@code maxBuffered} values behind is failed rather
 * than let memory grow. Cancelling closes the registration.
 */
final class ListenerPublisher<T> implements Publisher<T> {
    private final Function<Consumer<T>, AutoCloseable> register;
    private final int maxBuffered;

    ListenerPublisher(Function<Consumer<T>, AutoCloseable> register, int maxBuffered) {
        this.register = register;
        this.maxBuffered = maxBuffered;
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        var sub = new Sub<T>(subscriber, maxBuffered);
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
        private final Queue<T> queue = new ConcurrentLinkedQueue<>();
        private final AtomicInteger size = new AtomicInteger();
        private final AtomicLong demand = new AtomicLong();
        private final AtomicInteger wip = new AtomicInteger();
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile AutoCloseable handle;

        Sub(Subscriber<? super T> subscriber, int maxBuffered) {
            this.subscriber = subscriber;
            this.maxBuffered = maxBuffered;
        }

        void offer(T value) {
            if (cancelled.get()) return;
            if (size.incrementAndGet() > maxBuffered) {
                fail(new IllegalStateException("subscriber too slow: more than " + maxBuffered + " updates waiting"));
                return;
            }
            queue.add(value);
            drain();
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                fail(new IllegalArgumentException("request must be positive: " + n));
                return;
            }
            demand.getAndUpdate(d -> d + n < 0 ? Long.MAX_VALUE : d + n);
            drain();
        }

        @Override
        public void cancel() {
            if (cancelled.compareAndSet(false, true)) closeHandle();
        }

        void fail(Throwable t) {
            if (cancelled.compareAndSet(false, true)) {
                closeHandle();
                subscriber.onError(t);
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

        private void drain() {
            if (wip.getAndIncrement() != 0) return;
            do {
                while (!cancelled.get() && demand.get() > 0) {
                    T v = queue.poll();
                    if (v == null) break;
                    size.decrementAndGet();
                    demand.decrementAndGet();
                    subscriber.onNext(v);
                }
            } while (wip.decrementAndGet() != 0);
        }
    }
}

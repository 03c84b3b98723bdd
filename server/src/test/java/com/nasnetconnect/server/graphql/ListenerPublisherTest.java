package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * Delivery semantics of subscription streams, with latches instead of clocks: the publishing thread (router
 * monitor, event bus) never waits for a client; status waiting behind a busy client is coalesced to the latest
 * per router; changes and events are all delivered, in order, until a client falls too far behind.
 */
@Timeout(10)
class ListenerPublisherTest {
    private static final Executor THREADS = task -> Thread.ofVirtual().start(task);

    record Status(String router, int n) {
    }

    /** The registration: what the backend would call on its own thread. */
    static final class Source<T> {
        volatile Consumer<T> listener;
        final AtomicInteger closed = new AtomicInteger();

        AutoCloseable register(Consumer<T> l) {
            listener = l;
            return closed::incrementAndGet;
        }
    }

    /**
     * Subscribes like the WebSocket does (one at a time, the next requested after the previous was sent); the
     * first value is held until {@link #release} counts down, so later values arrive while it is "sending".
     */
    static final class SlowClient<T> implements Subscriber<T> {
        final List<T> received = new CopyOnWriteArrayList<>();
        final CountDownLatch firstArrived = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch done;
        final AtomicReference<Throwable> error = new AtomicReference<>();
        final CountDownLatch failed = new CountDownLatch(1);
        volatile Subscription subscription;

        SlowClient(int expected) {
            done = new CountDownLatch(expected);
        }

        @Override
        public void onSubscribe(Subscription s) {
            subscription = s;
            s.request(1);
        }

        @Override
        public void onNext(T t) {
            received.add(t);
            if (received.size() == 1) {
                firstArrived.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            done.countDown();
            subscription.request(1);
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
            failed.countDown();
        }

        @Override
        public void onComplete() {
        }
    }

    @Test
    void statusWaitingBehindABusyClientIsCoalescedToTheLatestPerRouter() throws Exception {
        var source = new Source<Status>();
        var publisher = new ListenerPublisher<Status>(source::register, 100, Status::router, THREADS);
        var client = new SlowClient<Status>(3);
        publisher.subscribe(client);

        source.listener.accept(new Status("a", 1));
        assertThat(client.firstArrived.await(5, TimeUnit.SECONDS)).isTrue();
        // the client is busy sending a1; the monitor goes on publishing without waiting for it
        source.listener.accept(new Status("a", 2));
        source.listener.accept(new Status("b", 1));
        source.listener.accept(new Status("a", 3));
        source.listener.accept(new Status("b", 2));
        client.release.countDown();

        assertThat(client.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(client.received).containsExactly(new Status("a", 1), new Status("a", 3), new Status("b", 2));
        assertThat(client.error.get()).isNull();
    }

    @Test
    void changesWaitingBehindABusyClientAreAllDeliveredInOrderWithoutHoldingThePublisher() throws Exception {
        var source = new Source<Integer>();
        var publisher = new ListenerPublisher<Integer>(source::register, 100, null, THREADS);
        var client = new SlowClient<Integer>(50);
        publisher.subscribe(client);

        source.listener.accept(0);
        assertThat(client.firstArrived.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < 50; i++) source.listener.accept(i); // returns at once although the client is busy
        client.release.countDown();

        assertThat(client.done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(client.received).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 50).boxed().toList());
    }

    @Test
    void aClientTooFarBehindIsFailedAndItsRegistrationClosed() throws Exception {
        var source = new Source<Integer>();
        var publisher = new ListenerPublisher<Integer>(source::register, 3, null, THREADS);
        var client = new SlowClient<Integer>(1);
        publisher.subscribe(client);

        source.listener.accept(0);
        assertThat(client.firstArrived.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i <= 4; i++) source.listener.accept(i); // the fourth waiting one is one too many
        assertThat(source.closed.get()).isEqualTo(1);
        client.release.countDown();

        assertThat(client.failed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(client.error.get()).hasMessageContaining("more than 3 updates waiting");
        assertThat(client.received).containsExactly(0);
    }

    @Test
    void cancellingClosesTheRegistrationAndDropsWhatWaits() throws Exception {
        var source = new Source<Status>();
        var publisher = new ListenerPublisher<Status>(source::register, 100, Status::router, THREADS);
        var client = new SlowClient<Status>(1);
        publisher.subscribe(client);
        source.listener.accept(new Status("a", 1));
        assertThat(client.firstArrived.await(5, TimeUnit.SECONDS)).isTrue();
        source.listener.accept(new Status("a", 2));
        client.subscription.cancel();
        client.release.countDown();
        assertThat(client.done.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(source.closed.get()).isEqualTo(1);
        assertThat(client.received).containsExactly(new Status("a", 1));
    }
}

package com.nasnetconnect.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Holds a headless controller's current state and hands every new one to the subscribers (views). */
public final class Publisher<S> {
    /** Ends a subscription; closing cannot fail, so views need no exception handling on detach. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final List<Consumer<S>> subscribers = new CopyOnWriteArrayList<>();
    private volatile S state;

    public Publisher(S initial) {
        this.state = initial;
    }

    public S state() {
        return state;
    }

    /** {@code subscriber} gets the current state now and every later one; close the result to stop. */
    public Subscription subscribe(Consumer<S> subscriber) {
        subscribers.add(subscriber);
        subscriber.accept(state);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(S next) {
        state = next;
        for (Consumer<S> s : subscribers) s.accept(next);
    }
}

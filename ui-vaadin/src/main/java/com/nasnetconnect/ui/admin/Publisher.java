package com.nasnetconnect.ui.admin;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Holds a controller's current state and hands every new one to the subscribers (views). */
public final class Publisher<S> {
    private final List<Consumer<S>> subscribers = new CopyOnWriteArrayList<>();
    private volatile S state;

    public Publisher(S initial) {
        this.state = initial;
    }

    public S state() {
        return state;
    }

    /** {@code subscriber} gets the current state now and every later one; close the result to stop. */
    public AutoCloseable subscribe(Consumer<S> subscriber) {
        subscribers.add(subscriber);
        subscriber.accept(state);
        return () -> subscribers.remove(subscriber);
    }

    public void publish(S next) {
        state = next;
        for (Consumer<S> s : subscribers) s.accept(next);
    }
}

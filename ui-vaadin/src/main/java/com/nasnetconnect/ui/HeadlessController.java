package com.nasnetconnect.ui;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The base of every screen's controller: an immutable state {@code S}, subscribers (the screen's presenter) that
 * get each new state, and intents as methods of the subclass that compute the next state with {@link #update}. No
 * Vaadin in here or in a subclass, so controllers are tested with plain JUnit.
 *
 * <p>Contract:
 * <ul>
 *   <li>{@link #subscribe} hands the subscriber the current state at once, then every later one, in the order the
 *   states were made; closing the returned subscription stops that (and cannot fail).</li>
 *   <li>State changes are serialised: {@link #update} applies its change to the latest state and notifies while no
 *   other change can slip in between. A change that returns the same instance publishes nothing. Never call the
 *   domain inside a change (a live update may arrive mid-call); call it first, then update with the result.</li>
 *   <li>Notifications arrive on the thread that made the change: a user's request or, for live sources, the
 *   source's thread. The view side ({@link ViewBinding}) hands the latter to {@code ui.access}.</li>
 *   <li>A controller that follows a live source (router status, committed changes) does so only while watched:
 *   {@link #onWatched()} runs when the first subscriber arrives, {@link #onUnwatched()} when the last one leaves
 *   or the controller is {@linkplain #close() closed}.</li>
 * </ul>
 */
public abstract class HeadlessController<S> implements AutoCloseable {
    /** Ends a subscription; closing cannot fail, so views need no exception handling on detach. */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final Object changes = new Object();
    /** Serialises watching and unwatching (they call the domain, so never under {@link #changes}). */
    private final Object watching = new Object();
    private final List<Consumer<? super S>> subscribers = new CopyOnWriteArrayList<>();
    private volatile S state;

    protected HeadlessController(S initial) {
        this.state = Objects.requireNonNull(initial, "initial state");
    }

    /** The latest state. */
    public final S state() {
        return state;
    }

    /** {@code subscriber} gets the current state now and every later one; close the result to stop. */
    public final Subscription subscribe(Consumer<? super S> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        synchronized (watching) {
            boolean first;
            synchronized (changes) {
                first = subscribers.isEmpty();
                subscribers.add(subscriber);
                subscriber.accept(state);
            }
            if (first) onWatched();
        }
        return new Subscription() {
            private boolean closed;

            @Override
            public void close() {
                synchronized (watching) {
                    if (closed) return;
                    closed = true;
                    boolean last;
                    synchronized (changes) {
                        subscribers.remove(subscriber);
                        last = subscribers.isEmpty();
                    }
                    if (last) onUnwatched();
                }
            }
        };
    }

    /** True while someone subscribes: live sources are followed. */
    protected final boolean watched() {
        return !subscribers.isEmpty();
    }

    /**
     * Makes the next state from the latest one and notifies the subscribers, unless {@code change} returns the
     * same instance. If a subscriber makes a further change while being notified, the others get only that newer
     * state, so no subscriber ends on a stale one.
     */
    protected final void update(UnaryOperator<S> change) {
        synchronized (changes) {
            S current = state;
            S next = Objects.requireNonNull(change.apply(current), "next state");
            if (next == current) return;
            state = next;
            for (Consumer<? super S> s : subscribers) {
                if (state != next) return; // a subscriber changed it again and everyone got the newer one
                s.accept(next);
            }
        }
    }

    /** Publishes {@code next} as the new state. */
    protected final void publish(S next) {
        update(current -> next);
    }

    /** The first subscriber arrived: start following live sources. Runs on the subscriber's thread. */
    protected void onWatched() {
    }

    /** The last subscriber left (or {@link #close()}): stop following live sources. */
    protected void onUnwatched() {
    }

    /** Drops every subscriber and stops following live sources. */
    @Override
    public void close() {
        synchronized (watching) {
            boolean had;
            synchronized (changes) {
                had = !subscribers.isEmpty();
                subscribers.clear();
            }
            if (had) onUnwatched();
        }
    }
}

package com.nasnetconnect.domain.events;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.SensitiveState;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceEventPublisher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * In-process bus for committed resource events. Delivery is synchronous, on the publishing thread, in commit
 * order: a subscriber that does slow work (a UI push, a GraphQL stream) must hand the event off itself. A
 * subscriber that throws is logged and skipped; the others and the publisher are unaffected. Subscribers see
 * each event with its {@code @sensitive} configuration values masked ({@link SensitiveState#redact(ResourceEvent)});
 * the event log keeps the original.
 */
public final class ResourceEventBus implements ResourceEventPublisher {
    private static final System.Logger LOG = System.getLogger(ResourceEventBus.class.getName());
    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    /** Every event of every router. Close the returned subscription to stop. */
    public Subscription subscribe(Consumer<ResourceEvent> listener) {
        return add(new Subscriber(Optional.empty(), listener));
    }

    /** Only the events of one router. */
    public Subscription subscribe(RouterId router, Consumer<ResourceEvent> listener) {
        return add(new Subscriber(Optional.of(router), listener));
    }

    @Override
    public void publish(List<ResourceEvent> committed) {
        for (ResourceEvent committedEvent : committed) {
            ResourceEvent e = SensitiveState.redact(committedEvent);
            for (Subscriber s : subscribers) {
                if (s.router().isPresent() && !s.router().get().equals(e.routerId())) continue;
                try {
                    s.listener().accept(e);
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "resource event subscriber failed on event "
                            + e.sequence() + " of router " + e.routerId(), ex);
                }
            }
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private Subscription add(Subscriber s) {
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    /** A live subscription; closing it twice is harmless. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Subscriber(Optional<RouterId> router, Consumer<ResourceEvent> listener) {
        Subscriber {
            Objects.requireNonNull(listener, "listener");
        }

        // identity semantics, so two subscriptions of the same lambda are distinct
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}

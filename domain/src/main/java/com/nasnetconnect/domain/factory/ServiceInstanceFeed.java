package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.apply.RouterLocks;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.RouterId;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * In-process feed of service instances as they change (installed, a lifecycle step, progress, health, a policy
 * added or removed, uninstalled), per router. Delivery is synchronous on the publishing thread: a subscriber that
 * does slow work (a UI push, a GraphQL stream) hands the instance off itself. A subscriber that throws is logged and
 * skipped. Instances carry no secret values in clear ({@link ServiceInstance#secrets()} are {@code Secret}s).
 */
public final class ServiceInstanceFeed {
    private static final System.Logger LOG = System.getLogger(ServiceInstanceFeed.class.getName());
    private final CopyOnWriteArrayList<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final RouterLocks locks = new RouterLocks();

    /**
     * Runs factory work on one router (an install, an uninstall, a policy change, a lifecycle pass) alone: every
     * part of the factory that changes a router's instances holds this router's lock, so an uninstall never races a
     * policy being added to the instance, nor a lifecycle pass that would publish the instance again after it was
     * removed. The feed is the one object the factory's parts share, hence the lock lives here. Reentrant.
     */
    public <T> T exclusively(RouterId router, Supplier<T> work) {
        return locks.with(router, work);
    }

    /** True while factory work waits for this router (for diagnostics and tests). */
    public boolean contended(RouterId router) {
        return locks.contended(router);
    }

    public ResourceEventBus.Subscription subscribe(RouterId router, Consumer<ServiceInstance> listener) {
        var s = new Subscriber(Objects.requireNonNull(router, "router"), Objects.requireNonNull(listener, "listener"));
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    /** The instances of every router (the event log's producer). */
    public ResourceEventBus.Subscription subscribeAll(Consumer<ServiceInstance> listener) {
        var s = new Subscriber(null, Objects.requireNonNull(listener, "listener"));
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    public void publish(ServiceInstance instance) {
        for (Subscriber s : subscribers) {
            if (s.router != null && !s.router.equals(instance.routerId())) continue;
            try {
                s.listener.accept(instance);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "service instance subscriber failed on instance " + instance.id(), e);
            }
        }
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    // identity, so two subscriptions of one lambda are distinct
    private static final class Subscriber {
        final RouterId router;
        final Consumer<ServiceInstance> listener;

        Subscriber(RouterId router, Consumer<ServiceInstance> listener) {
            this.router = router;
            this.listener = listener;
        }
    }
}

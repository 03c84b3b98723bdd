package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceStore;
import com.nasnetconnect.domain.state.StateException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Which router holds a resource: clients (GraphQL, the UI) address a resource by its uuid alone, while every
 * router keeps its resources in a database of its own. An index filled from the event bus (every committed
 * change, whoever made it) and from reads; on a miss, each router's store is asked in turn. A router whose
 * database is quarantined holds nothing to find and is skipped. Shared by {@link ResourceQueries} and
 * {@link ResourceChanges}; {@link #close()} stops listening to the bus (the index still answers, by asking).
 */
public final class ResourceLocator implements AutoCloseable {
    private final RouterRepository routers;
    private final ResourceStore store;
    private final Map<ResourceId, RouterId> located = new ConcurrentHashMap<>();
    private final ResourceEventBus.Subscription listening;

    /** Listens to the bus until {@link #close()}. */
    public ResourceLocator(RouterRepository routers, ResourceStore store, ResourceEventBus bus) {
        this.routers = Objects.requireNonNull(routers, "routers");
        this.store = Objects.requireNonNull(store, "store");
        this.listening = bus.subscribe(e -> located.put(e.resourceId(), e.routerId()));
    }

    /** Without the bus: learns only from reads and {@link #remember}. */
    ResourceLocator(RouterRepository routers, ResourceStore store) {
        this.routers = Objects.requireNonNull(routers, "routers");
        this.store = Objects.requireNonNull(store, "store");
        this.listening = () -> { };
    }

    /** The router holding a live resource: from the index, else by asking each router's store. */
    Optional<RouterId> router(ResourceId id) {
        RouterId known = located.get(id);
        if (known != null) return Optional.of(known);
        for (Router r : routers.findAll()) {
            if (unlessQuarantined(() -> store.find(r.id(), id), Optional.<Resource>empty()).isPresent()) {
                located.put(id, r.id());
                return Optional.of(r.id());
            }
        }
        return Optional.empty();
    }

    /** The live resource with this id, on whichever router holds it. */
    Optional<Resource> find(ResourceId id) {
        return router(id).flatMap(r -> store.find(r, id));
    }

    /** The router the index knows for this id (also after the resource was deleted), without asking anyone. */
    Optional<RouterId> known(ResourceId id) {
        return Optional.ofNullable(located.get(id));
    }

    void remember(ResourceId id, RouterId router) {
        located.put(id, router);
    }

    /** One router's read while scanning every router: a router whose database is quarantined holds nothing to find. */
    static <T> T unlessQuarantined(Supplier<T> read, T nothing) {
        try {
            return read.get();
        } catch (StateException.Quarantined e) {
            return nothing;
        }
    }

    @Override
    public void close() {
        listening.close();
    }
}

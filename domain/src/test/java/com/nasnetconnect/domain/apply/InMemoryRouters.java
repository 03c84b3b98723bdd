package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Test double of the router registry, which also plays the status feed (counting the polls asked for). */
public final class InMemoryRouters implements RouterRepository, RouterStatusFeed {
    final Map<RouterId, Router> saved = new LinkedHashMap<>();
    int refreshes;
    /** The routers polled on their own (a router just added), in order. */
    final List<RouterId> refreshed = new ArrayList<>();

    public InMemoryRouters with(Router r) {
        saved.put(r.id(), r);
        return this;
    }

    @Override public synchronized List<Router> findAll() { return new ArrayList<>(saved.values()); }
    @Override public synchronized Optional<Router> find(RouterId id) { return Optional.ofNullable(saved.get(id)); }
    @Override public synchronized void save(Router router) { saved.put(router.id(), router); }
    @Override public synchronized void delete(RouterId id) { saved.remove(id); }

    @Override public List<RouterStatus> current() { return List.of(); }
    @Override public AutoCloseable subscribe(Consumer<List<RouterStatus>> listener) { return () -> { }; }
    @Override public void refreshNow() { refreshes++; }
    @Override public void refresh(RouterId router) { refreshes++; refreshed.add(router); }
}

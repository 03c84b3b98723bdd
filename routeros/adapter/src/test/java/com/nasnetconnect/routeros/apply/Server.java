package com.nasnetconnect.routeros.apply;

import com.nasnetconnect.domain.apply.AdoptService;
import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.DriftService;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.PreferSafeModeGuard;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One "server process" as the composition root would wire it: SQLite databases in {@code dataDir}, the real
 * gateway (wrapped for fault injection), the state ledger, the event bus and the apply services. Closing it
 * closes its connections and databases; a new one on the same directory is a restarted process.
 */
final class Server implements AutoCloseable {
    final DatabaseManager databases;
    final SqliteResourceStore store;
    final ResourceEventBus bus = new ResourceEventBus();
    final List<ResourceEvent> published = new CopyOnWriteArrayList<>();
    final FaultingGateway gateway;
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final StateApplyLedger ledger;
    /** Runs before / after the ledger's commit: lets a test "kill the process" exactly there. */
    volatile Runnable beforeCommit = () -> { };
    volatile Runnable afterCommit = () -> { };
    final ApplyConfirmMergeService apply;
    final DriftService drift;
    final AdoptService adopt;

    Server(Path dataDir, Duration revertDelay) {
        this(dataDir, null, revertDelay, Clock.systemUTC());
    }

    /** @param clock the server's clock (its databases, ledger, guard); share a {@link TestClock} with the router */
    Server(Path dataDir, Duration revertDelay, Clock clock) {
        this(dataDir, null, revertDelay, clock);
    }

    Server(Path dataDir, LinkLossGuard guard, Duration revertDelay, Clock clock) {
        databases = new DatabaseManager(dataDir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        store = new SqliteResourceStore(databases);
        bus.subscribe(published::add);
        gateway = new FaultingGateway(SimRouter.newGateway());
        ledger = new StateApplyLedger(store, bus, specs, clock);
        var rules = new BasicSchemaRules(specs);
        var hooked = new com.nasnetconnect.domain.apply.ApplyLedger() {
            @Override
            public List<com.nasnetconnect.domain.apply.ManagedResource> resources(RouterId router) {
                return ledger.resources(router);
            }

            @Override
            public void commit(RouterId router, List<com.nasnetconnect.domain.apply.MergedChange> changes) {
                beforeCommit.run();
                ledger.commit(router, changes);
                afterCommit.run();
            }

            @Override
            public void recordDrift(RouterId router, List<com.nasnetconnect.domain.apply.DriftReport> drifts) {
                ledger.recordDrift(router, drifts);
            }
        };
        apply = new ApplyConfirmMergeService(gateway, hooked, specs, rules,
                guard != null ? guard : new PreferSafeModeGuard(gateway, specs, revertDelay, clock), clock);
        drift = new DriftService(gateway, ledger, specs, clock);
        adopt = new AdoptService(gateway, ledger, specs, rules, clock);
    }

    List<Resource> resources(RouterId router) {
        return store.list(router, Optional.empty(), PageRequest.first(PageRequest.MAX)).items();
    }

    @Override
    public void close() {
        gateway.close();
        databases.close();
    }
}

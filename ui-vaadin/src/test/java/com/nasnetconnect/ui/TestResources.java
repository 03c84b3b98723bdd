package com.nasnetconnect.ui;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The resource in-port over a real SQLite store, for UI tests that need a complete {@link Screens} table but do
 * not change routers: any router call fails as an unreachable router would.
 */
public final class TestResources {
    private TestResources() {
    }

    public static ResourceChanges changes(DatabaseManager databases) {
        Clock clock = Clock.systemUTC();
        RouterRepository routers = new com.nasnetconnect.storage.router.SqliteRouterRepository(databases,
                com.nasnetconnect.storage.security.AesGcmSecretCipher.ofKey(new byte[32]), clock);
        var specs = ResourceKindSpecs.defaults();
        var store = new SqliteResourceStore(databases);
        var bus = new ResourceEventBus();
        var ledger = new StateApplyLedger(store, bus, specs, clock);
        var apply = new ApplyConfirmMergeService(NO_ROUTER, ledger, specs, new BasicSchemaRules(specs), LinkLossGuard.NONE, clock);
        return new ResourceChanges(apply, routers, store, bus);
    }

    public static ValidationRules noRules() {
        return new ValidationRules(Map.of(), Map.of());
    }

    /** Every router is unreachable. */
    static final RouterGateway NO_ROUTER = new RouterGateway() {
        public RouterReply execute(RouterEndpoint r, RouterCommand c) {
            throw new RouterException.Unreachable("no routers in this test", c.toString(), null);
        }
        public RouterReply execute(RouterEndpoint r, RouterCommand c, Duration t) {
            return execute(r, c);
        }
        public Stream stream(RouterEndpoint r, RouterCommand c, Consumer<Map<String, String>> row, Consumer<RouterException> err) {
            throw new RouterException.Unreachable("no routers in this test", c.toString(), null);
        }
        public PlatformInfo platform(RouterEndpoint r) {
            throw new RouterException.Unreachable("no routers in this test", null, null);
        }
        public void disconnect(RouterEndpoint r) {
        }
        public void close() {
        }
    };
}

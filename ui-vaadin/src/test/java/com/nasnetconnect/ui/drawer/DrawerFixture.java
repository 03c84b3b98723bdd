package com.nasnetconnect.ui.drawer;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.DriftResolution;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.ResourceLocator;
import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.routeros.api.FileCertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The resource drawer's in-ports as the server wires them, on real parts: SQLite, apply-confirm-merge through the
 * real gateway over TCP to a RouterOS 7.16.2 simulator (router "Lab"), one event bus and locator shared by the
 * queries, the changes and drift resolution. Time stands still until a test moves it, so history instants are exact.
 */
final class DrawerFixture implements AutoCloseable {
    static final RouterId LAB = new RouterId("lab");
    static final Principal OPERATOR = new Principal("otto", Role.OPERATOR, false);
    static final Principal VIEWER = new Principal("vic", Role.VIEWER, false);
    /** Times in the drawer are shown in this zone (UTC+2), so a test can tell it from UTC. */
    static final ZoneId ZONE = ZoneOffset.ofHours(2);

    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final DatabaseManager databases;
    final RouterOsSimulator sim;
    final RouterOsGateway gateway;
    final ResourceQueries queries;
    final ResourceChanges changes;
    final DriftResolution drift;
    final ResourceLocator locator;

    DrawerFixture(Path dir) {
        databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults(), clock);
        sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").apiPort(0).tlsPort(-1).build().start();
        gateway = new RouterOsGateway(GatewaySettings.defaults(), new FileCertificatePins(dir.resolve("pins")));
        var routers = new SqliteRouterRepository(databases, AesGcmSecretCipher.ofKey(new byte[32]), clock);
        routers.save(new Router(LAB, "Lab", endpoint(), false, clock.instant()));
        var store = new SqliteResourceStore(databases);
        var specs = ResourceKindSpecs.defaults();
        var bus = new ResourceEventBus();
        var ledger = new StateApplyLedger(store, bus, specs, clock);
        var apply = new ApplyConfirmMergeService(gateway, ledger, specs, new BasicSchemaRules(specs), LinkLossGuard.NONE, clock);
        locator = new ResourceLocator(routers, store, bus);
        changes = new ResourceChanges(apply, routers, store, bus, locator);
        queries = new ResourceQueries(routers, store, store, locator, bus);
        drift = new DriftResolution(apply, ledger, gateway, specs, routers, store, locator, clock);
    }

    RouterEndpoint endpoint() {
        return new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw"));
    }

    ResourceDrawerController controller(Principal who) {
        return new ResourceDrawerController(who, queries, Optional.of(changes), Optional.of(drift), Optional.empty(), ZONE);
    }

    /** VLAN {@code name} (id 10 on ether1), created at the clock's time. */
    Resource vlan(String name) {
        return changes.create(OPERATOR, LAB, ResourceKind.VLAN, Fields.of("name", name, "vlanId", 10L, "interface", "ether1"));
    }

    /** Sets attributes of the VLAN named {@code name} on the router itself, behind the manager's back. */
    void onRouter(String name, String... attributeValuePairs) {
        String id = sim.snapshot().items("/interface/vlan").entrySet().stream()
                .filter(e -> name.equals(e.getValue().get("name"))).map(java.util.Map.Entry::getKey).findFirst().orElseThrow();
        var cmd = RouterCommand.of("/interface/vlan/set").with(".id", id);
        for (int i = 0; i < attributeValuePairs.length; i += 2) cmd = cmd.with(attributeValuePairs[i], attributeValuePairs[i + 1]);
        gateway.execute(endpoint(), cmd);
    }

    java.util.Map<String, String> simVlan(String name) {
        return sim.snapshot().items("/interface/vlan").values().stream().filter(v -> name.equals(v.get("name"))).findFirst().orElseThrow();
    }

    @Override
    public void close() {
        locator.close();
        gateway.close();
        sim.close();
        databases.close();
    }

    /** A clock that stands still until {@link #advance} moves it. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        Instant advance(Duration d) {
            now = now.plus(d);
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

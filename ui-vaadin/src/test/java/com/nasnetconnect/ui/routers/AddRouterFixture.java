package com.nasnetconnect.ui.routers;

import com.nasnetconnect.domain.apply.AdoptService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.RouterRegistration;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.schema.FieldRule;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.routeros.api.FileCertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Registration as the server wires it, for the wizard's tests: SQLite routers and resources, the real gateway over
 * TCP to a RouterOS 7.16.2 simulator (identity "branch-gw", user admin / pw) with two VLANs configured by hand.
 */
final class AddRouterFixture implements AutoCloseable {
    final RouterOsSimulator sim;
    final RouterOsGateway gateway;
    final SqliteRouterRepository routers;
    final SqliteResourceStore store;
    final RouterRegistration registration;
    int refreshes;

    AddRouterFixture(DatabaseManager databases, Path dir) {
        Clock clock = Clock.systemUTC();
        sim = RouterOsSimulator.builder().version("7.16.2").identity("branch-gw").credentials("admin", "pw").apiPort(0)
                .tlsPort(-1).build().start();
        gateway = new RouterOsGateway(GatewaySettings.defaults(), new FileCertificatePins(dir.resolve("pins")));
        routers = new SqliteRouterRepository(databases, AesGcmSecretCipher.ofKey(new byte[32]), clock);
        store = new SqliteResourceStore(databases);
        var specs = ResourceKindSpecs.defaults();
        var feed = new RouterStatusFeed() {
            public List<RouterStatus> current() { return List.of(); }
            public AutoCloseable subscribe(Consumer<List<RouterStatus>> l) { return () -> { }; }
            public void refreshNow() { refreshes++; }
        };
        var adopt = new AdoptService(gateway, new StateApplyLedger(store, new ResourceEventBus(), specs, clock), specs,
                new BasicSchemaRules(specs), clock);
        registration = new RouterRegistration(routers, gateway, feed, adopt, specs, store, clock);
        var setup = new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw"));
        for (String[] v : new String[][] {{"guest", "20"}, {"iot", "30"}}) {
            gateway.execute(setup, RouterCommand.of("/interface/vlan/add").with("name", v[0]).with("vlan-id", v[1])
                    .with("interface", "ether1"));
        }
        gateway.disconnect(setup);
    }

    /** schema.graphql's AddRouterInput rules, as the server reads them. */
    static ValidationRules addRouterInputRules() {
        var in = new LinkedHashMap<String, FieldRule>();
        in.put("name", new FieldRule("name", true, false, false, null, null, 1, 100, null, null, null, null, null, null));
        in.put("host", new FieldRule("host", true, false, false, null, null, 1, 253, "^[A-Za-z0-9.:_-]+$", null, null, null, null, null));
        in.put("port", new FieldRule("port", false, false, false, 1.0, 65535.0, null, null, null, null, null, null, null, null));
        in.put("tls", new FieldRule("tls", false, false, false, null, null, null, null, null, null, null, null, null, null));
        in.put("username", new FieldRule("username", true, false, false, null, null, 1, 64, null, null, null, null, null, null));
        in.put("password", new FieldRule("password", true, false, true, null, null, null, 256, null, null, null, null, null, null));
        return new ValidationRules(Map.of("AddRouterInput", in), Map.of());
    }

    @Override
    public void close() {
        gateway.close();
        sim.close();
    }
}

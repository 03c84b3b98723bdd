package com.nasnetconnect.ui.services;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.factory.FactorySettings;
import com.nasnetconnect.domain.factory.RoutingPolicies;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.factory.ServiceInstanceFeed;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.routeros.api.FileCertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.factory.SqliteRoutingPolicyStore;
import com.nasnetconnect.storage.factory.SqliteServiceCatalog;
import com.nasnetconnect.storage.factory.SqliteServiceInstanceStore;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The factory as the server wires it, for the Services page's tests: the seeded SQLite catalog and instance store,
 * apply-confirm-merge through the real gateway over TCP to a RouterOS 7.16.2 simulator with the container package
 * (router "lab", VLANs on ether1), the routing policies on SQLite, and the instance feed the lifecycle publishes on.
 */
final class ServicesFixture implements AutoCloseable {
    static final RouterId LAB = new RouterId("lab");
    static final Principal OPERATOR = new Principal("otto", Role.OPERATOR, false);
    static final Principal VIEWER = new Principal("vic", Role.VIEWER, false);

    final RouterOsSimulator sim;
    final RouterOsGateway gateway;
    final ServiceInstanceFeed feed = new ServiceInstanceFeed();
    final ServiceFactory factory;
    final RoutingPolicies policies;
    final SqliteRouterRepository routers;

    /** @param databases the test's databases (closed by the test) */
    ServicesFixture(DatabaseManager databases, Path dir) {
        Clock clock = Clock.systemUTC();
        sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").apiPort(0).tlsPort(-1).build().start();
        gateway = new RouterOsGateway(GatewaySettings.defaults(), new FileCertificatePins(dir.resolve("pins")));
        var cipher = AesGcmSecretCipher.ofKey(new byte[32]);
        routers = new SqliteRouterRepository(databases, cipher, clock);
        routers.save(new Router(LAB, "Lab", new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw")),
                false, clock.instant()));
        var store = new SqliteResourceStore(databases);
        var specs = ResourceKindSpecs.defaults();
        var apply = new ApplyConfirmMergeService(gateway, new StateApplyLedger(store, new ResourceEventBus(), specs, clock), specs,
                new BasicSchemaRules(specs), LinkLossGuard.NONE, clock);
        var instances = new SqliteServiceInstanceStore(databases, cipher);
        factory = new ServiceFactory(new SqliteServiceCatalog(databases), instances, apply, routers, gateway, store,
                id -> FactorySettings.defaults().withVlanParent("ether1"), feed, clock);
        policies = new RoutingPolicies(instances, new SqliteRoutingPolicyStore(databases), apply, routers, gateway, store, feed, clock);
    }

    ServicesController controller(Principal who) {
        return new ServicesController(factory, policies, who,
                id -> routers.find(id).map(Router::name));
    }

    @Override
    public void close() {
        gateway.close();
        sim.close();
    }
}

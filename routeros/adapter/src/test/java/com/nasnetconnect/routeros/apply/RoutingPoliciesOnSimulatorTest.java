package com.nasnetconnect.routeros.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.factory.FactorySettings;
import com.nasnetconnect.domain.factory.InstallRequest;
import com.nasnetconnect.domain.factory.PolicyMatch;
import com.nasnetconnect.domain.factory.PolicyMatch.Kind;
import com.nasnetconnect.domain.factory.RoutingPolicies;
import com.nasnetconnect.domain.factory.RoutingPolicy;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.factory.ServiceInstanceFeed;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.storage.factory.SqliteRoutingPolicyStore;
import com.nasnetconnect.storage.factory.SqliteServiceCatalog;
import com.nasnetconnect.storage.factory.SqliteServiceInstanceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Routing policies end to end: SQLite stores, apply-confirm-merge through the real gateway over TCP to the simulator
 * of each RouterOS version. A subnet, a device by its MAC (resolved through the router's DHCP lease) and a domain go
 * through Tor, the device moves to WireGuard in one plan, a policy is removed, and uninstalling both services leaves
 * the router as it was.
 */
@Timeout(60)
class RoutingPoliciesOnSimulatorTest {
    static final String LAPTOP = "02:00:00:00:00:0A";

    @TempDir Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-12-02T01:00:00Z"));

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void routingThroughTorMovingADeviceToWireguardAndUninstallingLeavesTheRouterAsBefore(String version) {
        try (var r = new SimRouter(version, clock); var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            var instances = new SqliteServiceInstanceStore(server.databases, FactoryOnSimulatorTest.CIPHER);
            var policyStore = new SqliteRoutingPolicyStore(server.databases);
            var feed = new ServiceInstanceFeed();
            var factory = new ServiceFactory(new SqliteServiceCatalog(server.databases), instances, server.apply,
                    FactoryOnSimulatorTest.only(r.router), server.gateway, server.store,
                    id -> FactorySettings.defaults().withVlanParent("ether1"), feed, clock);
            var policies = new RoutingPolicies(instances, policyStore, server.apply, FactoryOnSimulatorTest.only(r.router),
                    server.gateway, server.store, feed, clock);
            var applies = new AtomicInteger();
            server.afterCommit = applies::incrementAndGet;
            server.gateway.execute(r.router.endpoint(), RouterCommand.of("/ip/dhcp-server/lease/add")
                    .with("address", "192.168.88.23").with("mac-address", LAPTOP).with("comment", "laptop"));
            var before = r.sim.snapshot();
            var op = FactoryOnSimulatorTest.OPERATOR;

            var tor = factory.install(op, r.router.id(), InstallRequest.of("tor", "usa", "exitCountry", "us"));
            var wg = factory.install(op, r.router.id(), InstallRequest.of("wireguard", "home", "config", FactoryOnSimulatorTest.WG_CONF));
            var subnet = policies.routeThrough(op, r.router.id(), tor.id(), new PolicyMatch(Kind.SUBNET, "192.168.77.0/24"));
            var viaTor = policies.routeThrough(op, r.router.id(), tor.id(), new PolicyMatch(Kind.MAC, LAPTOP.toLowerCase()));
            var domain = policies.routeThrough(op, r.router.id(), tor.id(), new PolicyMatch(Kind.DOMAIN, "example.com"));
            var iface = policies.routeThrough(op, r.router.id(), wg.id(), new PolicyMatch(Kind.INTERFACE, "ether3"));

            var on = r.sim.snapshot();
            assertThat(on.find("/ip/firewall/address-list", "list", "nnc-tor-usa:example.com"))
                    .containsEntry("address", "example.com").containsEntry("comment", tor.tag());
            assertThat(on.find("/ip/firewall/mangle", "src-address", "192.168.88.23"))
                    .containsEntry("new-routing-mark", "nnc-tor-usa").containsEntry("action", "mark-routing");
            assertThat(on.find("/ip/firewall/mangle", "dst-address-list", "nnc-tor-usa:example.com")).containsEntry("comment", tor.tag());
            assertThat(on.find("/ip/firewall/mangle", "in-interface", "ether3")).containsEntry("new-routing-mark", "nnc-wg-home");
            assertThatThrownBy(() -> policies.routeThrough(op, r.router.id(), tor.id(), new PolicyMatch(Kind.MAC, "02:00:00:00:00:0B")))
                    .isInstanceOf(InputRefused.class).hasMessageContaining("no DHCP lease on router '" + r.router.name() + "' for 02:00:00:00:00:0B");

            int applied = applies.get();
            var viaWg = policies.routeThrough(op, r.router.id(), wg.id(), new PolicyMatch(Kind.MAC, LAPTOP));
            assertThat(applies.get() - applied).as("plans applied by the move").isEqualTo(1);
            assertThat(r.sim.snapshot().find("/ip/firewall/mangle", "src-address", "192.168.88.23"))
                    .containsEntry("new-routing-mark", "nnc-wg-home").containsEntry("comment", wg.tag());
            assertThat(r.sim.snapshot().items("/ip/firewall/filter").values()).filteredOn(f -> "192.168.88.23".equals(f.get("src-address")))
                    .extracting(f -> f.get("action") + " " + f.get("out-interface") + " " + f.get("comment"))
                    .containsExactlyInAnyOrder("accept nnc-wg-home " + wg.tag(), "drop null " + wg.tag());
            assertThat(server.resources(r.router.id())).extracting(Resource::id)
                    .containsAll(viaWg.resources()).doesNotContainAnyElementsOf(viaTor.resources());

            policies.remove(op, subnet.id());
            assertThat(r.sim.snapshot().find("/ip/firewall/mangle", "src-address", "192.168.77.0/24")).isNull();
            assertThat(policyStore.list(r.router.id())).extracting(RoutingPolicy::id).containsExactly(domain.id(), iface.id(), viaWg.id());

            factory.uninstall(op, tor.id());
            assertThat(policyStore.list(r.router.id())).extracting(RoutingPolicy::id).containsExactly(iface.id(), viaWg.id());
            factory.uninstall(op, wg.id());
            // no reconcile: the uninstall removed its removal plan's journal script itself

            assertThat(before.diff(r.sim.snapshot())).isEmpty();
            assertThat(server.resources(r.router.id())).isEmpty();
            assertThat(policyStore.list(r.router.id())).isEmpty();
            assertThat(r.sim.snapshot().find("/ip/dhcp-server/lease", "mac-address", LAPTOP)).containsEntry("address", "192.168.88.23");
        }
    }
}

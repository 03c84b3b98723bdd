package com.nasnetconnect.routeros.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.factory.ContainerSpec;
import com.nasnetconnect.domain.factory.FactorySettings;
import com.nasnetconnect.domain.factory.InstallRequest;
import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.domain.factory.ServiceInstanceFeed;
import com.nasnetconnect.domain.factory.ServiceLifecycle;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.routeros.sim.SimulatorState;
import com.nasnetconnect.storage.factory.SqliteServiceCatalog;
import com.nasnetconnect.storage.factory.SqliteServiceInstanceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The service lifecycle against the simulator of each RouterOS version over TCP: the simulator pulls container
 * images on the shared test clock, so the test moves a pull forward by moving the clock and then calls
 * {@link ServiceLifecycle#check} until the router shows the step (the simulator's pull timer runs on its own
 * thread: polling with a deadline, never a fixed sleep).
 */
@Timeout(60)
class ServiceLifecycleOnSimulatorTest {
    /** The simulator's default download time; extraction takes half of it. */
    static final Duration PULL = Duration.ofMillis(2_000);

    @TempDir Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-12-02T01:00:00Z"));
    final List<ServiceInstance> published = new CopyOnWriteArrayList<>();

    /** The factory and the lifecycle of one simulated router, on one store and one feed. */
    final class Rig implements AutoCloseable {
        final SimRouter r;
        final Server server;
        final SqliteServiceInstanceStore instances;
        final ServiceFactory factory;
        final ServiceLifecycle lifecycle;

        Rig(String version) {
            r = new SimRouter(version, clock);
            server = new Server(dir, Duration.ofSeconds(30), clock);
            instances = new SqliteServiceInstanceStore(server.databases, FactoryOnSimulatorTest.CIPHER);
            var feed = new ServiceInstanceFeed();
            var routers = FactoryOnSimulatorTest.only(r.router);
            factory = new ServiceFactory(new SqliteServiceCatalog(server.databases), instances, server.apply, routers, server.gateway,
                    server.store, id -> FactorySettings.defaults().withVlanParent("ether1"), feed, clock);
            lifecycle = new ServiceLifecycle(instances, routers, server.gateway, feed, clock).withFailover(server.apply);
            feed.subscribe(r.router.id(), published::add);
        }

        ServiceInstance install(String template, String name, String... options) {
            return factory.install(FactoryOnSimulatorTest.OPERATOR, r.router.id(), InstallRequest.of(template, name, options));
        }

        ServiceInstance stored(ServiceInstance i) {
            return instances.find(r.router.id(), i.id()).orElseThrow();
        }

        /** Checks until the stored instance satisfies {@code done}, within a few seconds of real time. */
        ServiceInstance checkUntil(ServiceInstance i, Predicate<ServiceInstance> done, String what) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (true) {
                lifecycle.check(r.router.id());
                var now = stored(i);
                if (done.test(now)) return now;
                assertThat(System.nanoTime()).as("waiting for " + what + "; the instance is " + now.state() + " " + now.progress()
                        + "% " + now.health()).isLessThan(deadline);
                Thread.onSpinWait();
            }
        }

        Map<String, String> container(String iface) {
            return r.sim.snapshot().find("/container", "interface", iface);
        }

        @Override
        public void close() {
            lifecycle.close();
            server.close();
            r.close();
        }
    }

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void torGoesFromPullingWithProgressThroughExtractingAndStartingToRunningAndHealthy(String version) {
        try (var rig = new Rig(version)) {
            var tor = rig.install("tor", "usa", "exitCountry", "us");
            assertThat(tor.state()).isEqualTo(InstanceState.PULLING);

            clock.advance(PULL.dividedBy(2));
            var half = rig.checkUntil(tor, i -> i.progress() > 0, "pull progress");
            assertThat(half.state()).isEqualTo(InstanceState.PULLING);
            assertThat(half.progress()).isStrictlyBetween(0, 100);

            clock.advance(PULL.dividedBy(2));
            rig.checkUntil(tor, i -> i.state() == InstanceState.EXTRACTING, "extracting");
            clock.advance(PULL.dividedBy(2));
            var running = rig.checkUntil(tor, i -> i.state() == InstanceState.RUNNING, "running");

            assertThat(running.progress()).isEqualTo(100);
            assertThat(running.health().status()).isEqualTo(InstanceHealth.Status.HEALTHY);
            assertThat(running.health().checkedAt()).contains(clock.instant());
            assertThat(rig.r.sim.snapshot().items("/container").values()).hasSize(2)
                    .allSatisfy(c -> assertThat(c).containsEntry("status", "running"));
            var states = published.stream().filter(i -> i.id().equals(tor.id())).map(ServiceInstance::state).distinct().toList();
            assertThat(states).containsSubsequence(InstanceState.PULLING, InstanceState.EXTRACTING, InstanceState.STARTING, InstanceState.RUNNING);
        }
    }

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void aCrashedGatewayContainerMakesTheInstanceDegradedWhileTheKillSwitchStillDropsItsVlanTraffic(String version) {
        try (var rig = new Rig(version)) {
            var tor = rig.install("tor", "usa", "exitCountry", "us");
            clock.advance(PULL.plus(PULL.dividedBy(2)));
            rig.checkUntil(tor, i -> i.state() == InstanceState.RUNNING, "running");
            SimulatorState before = rig.r.sim.snapshot();
            int publications = published.size();

            assertThat(rig.r.sim.crashContainer(rig.container("nnc-tor-usa").get("name"))).isTrue();
            rig.lifecycle.check(rig.r.router.id());

            var degraded = rig.stored(tor);
            assertThat(degraded.state()).isEqualTo(InstanceState.DEGRADED);
            assertThat(degraded.health().status()).isEqualTo(InstanceHealth.Status.UNHEALTHY);
            assertThat(degraded.health().reason()).isEqualTo("container nnc-tor-usa stopped: exited with status 1");
            assertThat(published).hasSize(publications + 1).last().isEqualTo(degraded);
            rig.lifecycle.check(rig.r.router.id());
            assertThat(published).as("a pass that sees nothing new publishes nothing").hasSize(publications + 1);

            // nothing of the configuration was removed or relaxed: only the container's status changed
            SimulatorState after = rig.r.sim.snapshot();
            assertThat(before.diff(after)).singleElement().satisfies(change -> {
                assertThat(change.kind()).isEqualTo(SimulatorState.Change.Kind.CHANGED);
                assertThat(change.menu()).isEqualTo("/container");
            });
            var liveRoutes = rig.r.gateway.execute(rig.r.router.endpoint(), RouterCommand.of("/ip/route/print")
                    .where("?routing-table=" + tor.interfaceName())).rows();
            assertNoPathFromTheVlanToTheWan(after, liveRoutes, degraded);

            // started again (by the owner), it is running and healthy again
            rig.r.gateway.execute(rig.r.router.endpoint(), RouterCommand.of("/container/start").with(".id", idOf(after, "nnc-tor-usa")));
            rig.lifecycle.check(rig.r.router.id());
            var recovered = rig.stored(tor);
            assertThat(recovered.state()).isEqualTo(InstanceState.RUNNING);
            assertThat(recovered.health().status()).isEqualTo(InstanceHealth.Status.HEALTHY);
            assertThat(recovered.health().reason()).isEmpty();
        }
    }

    /**
     * What the router's configuration says about a packet entering on the instance VLAN (the simulator forwards
     * no packets, so this is the proof it can give): it is marked into the instance's table, whose routes all lead
     * to the instance's own gateway (or nowhere); and the forward chain accepts it only towards the instance
     * interface and drops everything else from the VLAN — the WAN included — with no accept for the VLAN in between;
     * and, as the router prints it live ({@code liveRoutes}, the table's routes), the table's only active route is
     * its blackhole (the gateway route failed its check-gateway).
     */
    static void assertNoPathFromTheVlanToTheWan(SimulatorState router, List<Map<String, String>> liveRoutes, ServiceInstance i) {
        String vlan = "nnc-vlan" + i.vlanId();
        var forward = router.items("/ip/firewall/filter").values().stream().filter(r -> "forward".equals(r.get("chain"))).toList();
        int drop = indexOf(forward, r -> "drop".equals(r.get("action")) && vlan.equals(r.get("in-interface"))
                && !r.containsKey("out-interface") && !"true".equals(r.get("disabled")));
        assertThat(drop).as("the kill-switch drop of " + vlan).isNotNegative();
        for (var rule : forward.subList(0, drop)) {
            if (!"accept".equals(rule.get("action")) || "true".equals(rule.get("disabled"))) continue;
            String in = rule.getOrDefault("in-interface", "");
            if (in.isEmpty() || in.equals(vlan)) {
                assertThat(rule.get("out-interface")).as("an accept before the kill switch that a packet from " + vlan + " matches: " + rule)
                        .isEqualTo(i.interfaceName());
            }
        }
        assertThat(router.items("/ip/firewall/mangle").values()).anySatisfy(m -> assertThat(m)
                .containsEntry("in-interface", vlan).containsEntry("new-routing-mark", i.interfaceName()).containsEntry("disabled", "false"));
        String front = "10.99." + i.vlanId() + ".254";
        assertThat(router.items("/ip/route").values()).filteredOn(r -> i.interfaceName().equals(r.get("routing-table"))).isNotEmpty()
                .allSatisfy(r -> assertThat("true".equals(r.get("blackhole")) || front.equals(r.get("gateway")))
                        .as("route of the instance table through the instance's gateway or a blackhole: " + r).isTrue());
        assertThat(liveRoutes).filteredOn(r -> "true".equals(r.get("active"))).as("the table's active route, its gateway dead: the blackhole")
                .singleElement().satisfies(r -> assertThat(r).containsEntry("blackhole", "true"));
    }

    private static int indexOf(List<Map<String, String>> rules, Predicate<Map<String, String>> p) {
        for (int n = 0; n < rules.size(); n++) if (p.test(rules.get(n))) return n;
        return -1;
    }

    private static String idOf(SimulatorState router, String iface) {
        return router.items("/container").entrySet().stream().filter(e -> iface.equals(e.getValue().get("interface")))
                .map(Map.Entry::getKey).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void anUnhealthyInstanceFailsOverToAHealthyOneAndBackAndUninstallingLeavesTheRouterAsBefore(String version) {
        try (var rig = new Rig(version)) {
            SimulatorState before = rig.r.sim.snapshot();
            var tor = rig.install("tor", "usa", "exitCountry", "us");
            var wg = rig.install("wireguard", "home", "config", FactoryOnSimulatorTest.WG_CONF);
            clock.advance(PULL.plus(PULL.dividedBy(2)));
            rig.checkUntil(tor, i -> i.state() == InstanceState.RUNNING, "running");
            rig.lifecycle.failover(rig.r.router.id(), tor.id(), Optional.of(wg.id()));
            rig.server.apply.reconcile(rig.r.router); // the last plan's journal script goes with the next pre-flight or reconcile
            SimulatorState healthy = rig.r.sim.snapshot();

            rig.r.sim.crashContainer(rig.container("nnc-tor-usa").get("name"));
            rig.lifecycle.check(rig.r.router.id());

            var failedOver = rig.stored(tor);
            assertThat(failedOver.state()).isEqualTo(InstanceState.DEGRADED);
            assertThat(failedOver.health().reason()).isEqualTo("container nnc-tor-usa stopped: exited with status 1; its traffic goes through nnc-wg-home");
            SimulatorState router = rig.r.sim.snapshot();
            var table = router.items("/ip/route").values().stream().filter(r -> "nnc-tor-usa".equals(r.get("routing-table"))).toList();
            assertThat(table).anySatisfy(r -> assertThat(r).containsEntry("gateway", "nnc-wg-home").containsEntry("distance", "2")
                    .containsEntry("comment", tor.tag()));
            assertThat(table).anySatisfy(r -> assertThat(r).containsEntry("gateway", "10.99.101.254").containsEntry("distance", "1"));
            var forward = router.items("/ip/firewall/filter").values().stream()
                    .filter(r -> "nnc-vlan101".equals(r.get("in-interface"))).toList();
            assertThat(forward).extracting(r -> r.get("action") + " " + r.getOrDefault("out-interface", "*"))
                    .as("the accept now towards the failover instance, still before the kill-switch drop").containsExactly("accept nnc-wg-home", "drop *");
            int publications = published.size();
            rig.lifecycle.check(rig.r.router.id());
            assertThat(published).as("failed over, a pass changes nothing").hasSize(publications);

            clock.advance(Duration.ofSeconds(1)); // a later plan, as on a real clock: the ledger versions resources by time
            rig.r.gateway.execute(rig.r.router.endpoint(), RouterCommand.of("/container/start").with(".id", idOf(router, "nnc-tor-usa")));
            rig.lifecycle.check(rig.r.router.id());
            assertThat(rig.stored(tor).health().status()).isEqualTo(InstanceHealth.Status.HEALTHY);
            rig.server.apply.reconcile(rig.r.router);
            assertThat(healthy.diff(rig.r.sim.snapshot())).as("failover taken back").isEmpty();

            rig.factory.uninstall(FactoryOnSimulatorTest.OPERATOR, tor.id());
            rig.factory.uninstall(FactoryOnSimulatorTest.OPERATOR, wg.id());
            rig.server.apply.reconcile(rig.r.router);
            assertThat(before.diff(rig.r.sim.snapshot())).isEmpty();
        }
    }

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void anImageThePullCannotFindFailsTheInstanceWithTheRoutersReason(String version) {
        try (var rig = new Rig(version)) {
            String image = new SqliteServiceCatalog(rig.server.databases).template("tor").orElseThrow()
                    .container(ContainerSpec.Role.SERVICE).orElseThrow().image();
            rig.r.sim.registry().unknownImage(image);
            var tor = rig.install("tor", "usa", "exitCountry", "us");

            clock.advance(Duration.ofMillis(100));
            var failed = rig.checkUntil(tor, i -> i.state() == InstanceState.FAILED, "failed");

            assertThat(failed.health().status()).isEqualTo(InstanceHealth.Status.UNHEALTHY);
            assertThat(failed.health().reason()).isEqualTo("the image " + image + " of container nnc-svc" + tor.vlanId()
                    + " could not be pulled: repository not found");
            int publications = published.size();
            clock.advance(PULL.multipliedBy(2));
            rig.lifecycle.check(rig.r.router.id());
            assertThat(rig.stored(tor).state()).as("the other container's pull ending changes nothing").isEqualTo(InstanceState.FAILED);
            assertThat(published).hasSize(publications);
        }
    }

    @Test
    void aRouterThatCannotBeReachedMakesHealthUnknownWithTheReasonAndKeepsTheState() {
        try (var rig = new Rig("7.23.3")) {
            var wg = rig.install("wireguard", "home", "config", FactoryOnSimulatorTest.WG_CONF);
            rig.lifecycle.check(rig.r.router.id());
            assertThat(rig.stored(wg).health().status()).isEqualTo(InstanceHealth.Status.HEALTHY);

            rig.r.sim.close();
            long started = System.nanoTime();
            rig.lifecycle.check(rig.r.router.id());
            var took = Duration.ofNanos(System.nanoTime() - started);

            var unknown = rig.stored(wg);
            assertThat(unknown.state()).isEqualTo(InstanceState.RUNNING);
            assertThat(unknown.health().status()).isEqualTo(InstanceHealth.Status.UNKNOWN);
            assertThat(unknown.health().reason()).startsWith("router 'sim 7.23.3' could not be reached: ").doesNotContain("pw")
                    .doesNotContain("[command:");
            assertThat(took).as("within the gateway's deadline (10 s), never a hang").isLessThan(Duration.ofSeconds(10));
        }
    }
}

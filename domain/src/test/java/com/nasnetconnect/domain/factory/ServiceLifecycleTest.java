package com.nasnetconnect.domain.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.FakeRouter;
import com.nasnetconnect.domain.apply.InMemoryResourceStore;
import com.nasnetconnect.domain.apply.InMemoryRouters;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterReply;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The lifecycle's decisions over the in-memory router: what each container status, log line, route and interface
 * state makes of an instance, that only changes are stored and published, and what an unreachable router gives.
 * The same path over TCP against the simulator of both RouterOS versions is routeros/adapter's
 * ServiceLifecycleOnSimulatorTest.
 */
@Timeout(30)
class ServiceLifecycleTest {
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T01:00:00Z"));
    final ContainerRouter router = new ContainerRouter();
    final InMemoryResourceStore store = new InMemoryResourceStore();
    final InMemoryInstances instances = new InMemoryInstances();
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final ServiceInstanceFeed feed = new ServiceInstanceFeed();
    final List<ServiceInstance> published = new CopyOnWriteArrayList<>();
    final InMemoryRouters routers = new InMemoryRouters().with(ServiceFactoryTest.ROUTER);
    final ServiceFactory factory;
    final ServiceLifecycle lifecycle = new ServiceLifecycle(instances, routers, router, feed, clock);
    final RouterId lab = ServiceFactoryTest.ROUTER.id();

    ServiceLifecycleTest() {
        router.row("/interface", Map.of("name", "bridge", "type", "bridge"));
        router.platform = new PlatformInfo("7.16.2", "CHR", "x86_64", Set.of("routeros", "container"));
        var apply = new ApplyConfirmMergeService(router, new StateApplyLedger(store, new ResourceEventBus(), specs, clock), specs,
                new BasicSchemaRules(specs), LinkLossGuard.NONE, clock);
        factory = new ServiceFactory(new TestCatalog(), instances, apply, routers, router, store, r -> FactorySettings.defaults(), feed, clock);
    }

    ServiceInstance install(String template, String name, String... options) {
        var installed = factory.install(ServiceFactoryTest.OPERATOR, lab, InstallRequest.of(template, name, options));
        feed.subscribe(lab, published::add);
        return installed;
    }

    ServiceInstance check(ServiceInstance i) {
        lifecycle.check(lab);
        return instances.find(lab, i.id()).orElseThrow();
    }

    @Test
    void pullProgressIsTheMeanOfTheContainersLogLinesThenExtractingThenTheContainersAreStartedAndRun() {
        var tor = install("tor", "usa", "exitCountry", "us");
        var svc = router.container("nnc-svc101");
        var front = router.container("nnc-tor-usa");
        router.status(svc, "extracting").status(front, "extracting");
        router.log("container,info", svc, "pulling osminogin/tor-simple:0.4.8.10 60%");
        router.log("container,info", front, "pulling " + TestCatalog.HEV + " 20%");

        assertThat(check(tor)).extracting(ServiceInstance::state, ServiceInstance::progress).containsExactly(InstanceState.PULLING, 40);

        router.log("container,info", svc, "extracting osminogin/tor-simple:0.4.8.10");
        router.log("container,info", front, "extracting " + TestCatalog.HEV);
        assertThat(check(tor)).extracting(ServiceInstance::state, ServiceInstance::progress).containsExactly(InstanceState.EXTRACTING, 100);

        router.status(svc, "stopped").status(front, "stopped");
        assertThat(check(tor).state()).isEqualTo(InstanceState.STARTING);
        assertThat(router.rows("/container")).allSatisfy(c -> assertThat(c).containsEntry("status", "running"));

        clock.advance(Duration.ofSeconds(5));
        var running = check(tor);
        assertThat(running.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(running.health()).isEqualTo(InstanceHealth.healthy(clock.instant()));
        assertThat(published).extracting(ServiceInstance::state).containsExactly(InstanceState.PULLING, InstanceState.EXTRACTING,
                InstanceState.STARTING, InstanceState.RUNNING);
    }

    @Test
    void aPassThatSeesNothingNewStoresAndPublishesNothing() {
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        check(wg);
        var first = List.copyOf(published);
        clock.advance(Duration.ofMinutes(1));
        check(wg);
        check(wg);

        assertThat(first).singleElement().satisfies(i -> assertThat(i.health().status()).isEqualTo(InstanceHealth.Status.HEALTHY));
        assertThat(published).isEqualTo(first);
        assertThat(instances.find(lab, wg.id()).orElseThrow().health().checkedAt()).as("when the health was first seen")
                .contains(clock.instant().minus(Duration.ofMinutes(1)));
    }

    @Test
    void anInactiveGatewayRouteDegradesARouterNativeInstanceUntilItIsActiveAgain() {
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        var route = router.rows("/ip/route").getFirst().get(".id");
        router.set("/ip/route", route, "active", "false", "inactive", "false");
        assertThat(check(wg).health().status()).as("usable, only not the table's best route").isEqualTo(InstanceHealth.Status.HEALTHY);
        router.set("/ip/route", route, "active", "false", "inactive", "true", "check-gateway", "ping");

        var degraded = check(wg);
        assertThat(degraded.state()).isEqualTo(InstanceState.DEGRADED);
        assertThat(degraded.health().status()).isEqualTo(InstanceHealth.Status.UNHEALTHY);
        assertThat(degraded.health().reason()).isEqualTo("the default route of nnc-wg-home through nnc-wg-home is inactive: "
                + "the gateway does not answer the router's check-gateway (ping)");

        router.set("/ip/route", route, "active", "true", "inactive", "false");
        var recovered = check(wg);
        assertThat(recovered.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(recovered.health().status()).isEqualTo(InstanceHealth.Status.HEALTHY);
    }

    @Test
    void aDisabledInterfaceMakesARouterNativeInstanceUnhealthy() {
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        router.set("/interface/wireguard", router.rows("/interface/wireguard").getFirst().get(".id"), "disabled", "true");
        router.interfaceDetails = true;

        assertThat(check(wg).health().reason()).isEqualTo("interface nnc-wg-home is disabled");
    }

    @Test
    void aContainerThatStopsWhileItShouldRunDegradesTheInstanceWithTheReasonFromTheLog() {
        var tor = install("tor", "usa", "exitCountry", "us");
        var svc = router.container("nnc-svc101");
        router.status(svc, "running").status(router.container("nnc-tor-usa"), "running");
        assertThat(check(tor).state()).isEqualTo(InstanceState.RUNNING);

        router.status(svc, "stopped");
        router.log("container,error", svc, "exited with status 137");
        var degraded = check(tor);

        assertThat(degraded.state()).isEqualTo(InstanceState.DEGRADED);
        assertThat(degraded.health().reason()).isEqualTo("container nnc-svc101 stopped: exited with status 137");
        assertThat(router.rows("/container")).as("the pass does not restart it").anySatisfy(c -> assertThat(c).containsEntry("status", "stopped"));
    }

    @Test
    void aContainerStoppedOnTheRouterAfterACrashSaysItWasStoppedThere() {
        var tor = install("tor", "usa", "exitCountry", "us");
        var front = router.container("nnc-tor-usa");
        router.status(router.container("nnc-svc101"), "running").status(front, "running");
        router.log("container,error", front, "exited with status 1");
        assertThat(check(tor).state()).isEqualTo(InstanceState.RUNNING);

        router.status(front, "stopping");
        router.logLines.add(Map.of("topics", "container,info", "message", "container c" + front.substring(1) + " stopped"));

        assertThat(check(tor).health().reason()).isEqualTo("container nnc-tor-usa stopped: it was stopped on the router");
    }

    @Test
    void aContainerTheRouterWillNotStartFailsTheInstanceWithTheRoutersWords() {
        var tor = install("tor", "usa", "exitCountry", "us");
        router.status(router.container("nnc-svc101"), "stopped").status(router.container("nnc-tor-usa"), "stopped");
        router.refuseWhen(c -> c.path().equals("/container/start"));

        var failed = check(tor);
        assertThat(failed.state()).isEqualTo(InstanceState.FAILED);
        assertThat(failed.health().reason()).isEqualTo("container nnc-svc101 could not be started: failure: injected fault");
    }

    @Test
    void anUnreachableRouterMakesHealthUnknownOnceKeepingTheStateAndAPendingInstanceIsLeftAlone() {
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        check(wg);
        var pending = new ServiceInstance("6f1c1a52-8a7e-4a43-9b2a-3f1f2b9e0d11", lab, "tor", "de", "nnc-tor-de", 150, "10.99.150.0/24",
                InstanceState.PENDING, 0, InstanceHealth.unknown(), List.of(), Map.of(), Map.of(), clock.instant());
        instances.reserve(pending);
        router.unreachable = true;

        var unknown = check(wg);
        check(wg);

        assertThat(unknown.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(unknown.health().status()).isEqualTo(InstanceHealth.Status.UNKNOWN);
        assertThat(unknown.health().reason()).startsWith("router 'lab' could not be reached: connection refused");
        assertThat(published).extracting(i -> i.health().status()).containsExactly(InstanceHealth.Status.HEALTHY, InstanceHealth.Status.UNKNOWN);
        assertThat(instances.find(lab, pending.id())).contains(pending);
    }

    @Test
    void anInstanceWhoseContainersWereRemovedOutsideNasNetConnectFails() {
        var tor = install("tor", "usa", "exitCountry", "us");
        for (var c : router.rows("/container")) router.execute(null, RouterCommand.of("/container/remove").with(".id", c.get(".id")));

        assertThat(check(tor).health().reason()).isEqualTo("the router has no container of nnc-tor-usa (none carries the comment "
                + tor.tag() + "); it was removed outside NasNetConnect");
    }

    @Test
    void checkingAnUnknownRouterNamesIt() {
        assertThatThrownBy(() -> lifecycle.check(new RouterId("nowhere"))).isInstanceOf(NoSuchRouter.class).hasMessage("no router 'nowhere'");
    }

    @Test
    void startRunsPassesOnTheExecutorUntilClosed() throws InterruptedException {
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        var checked = new CountDownLatch(1);
        feed.subscribe(lab, i -> checked.countDown());
        var executor = new ScheduledThreadPoolExecutor(1);
        executor.setRemoveOnCancelPolicy(true);
        try {
            lifecycle.start(executor, Duration.ofMillis(20));
            assertThat(checked.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(instances.find(lab, wg.id()).orElseThrow().health().status()).isEqualTo(InstanceHealth.Status.HEALTHY);

            lifecycle.close();
            assertThat(executor.getQueue()).isEmpty();
        } finally {
            executor.shutdownNow();
        }
    }

    /** The in-memory router with what the lifecycle reads and does: container status, /log, /container/start, a router that is gone. */
    static final class ContainerRouter extends FakeRouter {
        final List<Map<String, String>> logLines = new ArrayList<>();
        volatile boolean unreachable;
        /** When true, /interface/print gives each interface's own row (its disabled and running). */
        boolean interfaceDetails;

        String container(String iface) {
            return rows("/container").stream().filter(c -> iface.equals(c.get("interface"))).findFirst().orElseThrow().get(".id");
        }

        ContainerRouter status(String id, String status) {
            return set("/container", id, "status", status);
        }

        ContainerRouter set(String menu, String id, String... kv) {
            var c = RouterCommand.of(menu + "/set").with(".id", id);
            for (int n = 0; n < kv.length; n += 2) c = c.with(kv[n], kv[n + 1]);
            super.execute(null, c, Duration.ofSeconds(1));
            return this;
        }

        void log(String topics, String containerId, String message) {
            String name = rows("/container").stream().filter(c -> containerId.equals(c.get(".id"))).findFirst().orElseThrow()
                    .getOrDefault("name", containerId);
            logLines.add(Map.of("topics", topics, "message", name + ": " + message));
        }

        @Override
        public synchronized RouterReply execute(RouterEndpoint endpoint, RouterCommand c, Duration timeout) {
            if (unreachable) throw new RouterException.Unreachable("connection refused", c.toString(), null);
            if (c.path().equals("/container/add")) {
                var reply = super.execute(endpoint, c, timeout);
                String id = reply.ret().orElseThrow();
                set("/container", id, "name", "c" + id.substring(1));
                return reply;
            }
            if (c.path().equals("/log/print")) {
                return RouterReply.of(logLines.stream().filter(l -> l.get("topics").startsWith("container,")).toList());
            }
            if (c.path().equals("/interface/print") && interfaceDetails) {
                var out = new ArrayList<Map<String, String>>();
                for (String menu : List.of("/interface", "/interface/vlan", "/interface/wireguard", "/interface/veth")) out.addAll(rows(menu));
                return RouterReply.of(out);
            }
            if (c.path().equals("/container/start")) {
                try {
                    super.execute(endpoint, c, timeout); // counted as a write, refused when the test says so
                } catch (RouterException.Trap e) {
                    if (!e.routerMessage().equals("no such command")) throw e;
                }
                set("/container", c.attributes().get(".id"), "status", "running");
                return RouterReply.of(List.of());
            }
            return super.execute(endpoint, c, timeout);
        }
    }

    /** A clock a test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override public Instant instant() { return now; }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
    }
}

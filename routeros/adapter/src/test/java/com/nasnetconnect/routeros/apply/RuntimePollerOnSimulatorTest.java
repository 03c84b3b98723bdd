package com.nasnetconnect.routeros.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ColdEventTier;
import com.nasnetconnect.domain.events.EventRetention;
import com.nasnetconnect.domain.events.TieredEventLog;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.telemetry.HotTelemetry;
import com.nasnetconnect.domain.telemetry.RuntimePoller;
import com.nasnetconnect.routeros.api.CertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.storage.events.SqliteHotEventTier;
import com.nasnetconnect.storage.events.SqliteWarmEventTier;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The runtime and telemetry poller against the real simulator over TCP, real SQLite (router database, hot and warm
 * tiers): what two polls leave in runtime layers and the event log, and what a poll costs in round trips.
 */
@Timeout(60)
class RuntimePollerOnSimulatorTest {
    static final String PEER_KEY = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    @TempDir Path dir;

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void afterTwoPollsAVlanHasRunningAndCountersAPeerItsHandshakeAndTheHotTierRatesAboveZero(String version) {
        var clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
        try (var r = new SimRouter(version, clock); var server = new Server(dir.resolve("data"), Duration.ofSeconds(30), clock);
             var hot = new SqliteHotEventTier(dir.resolve("hot"), Optional.empty(), SqliteHotEventTier.Settings.defaults())) {
            server.apply.apply(r.router, ChangePlan.of("lab",
                    Change.upsert(Plans.res(ResourceKind.VLAN, "name", "v77", "vlanId", "77", "interface", "ether1")),
                    Change.upsert(Plans.res(ResourceKind.WIREGUARD_INTERFACE, "name", "wg0", "listenPort", "13231")),
                    Change.upsert(Plans.res(ResourceKind.WIREGUARD_PEER, "interface", "wg0", "publicKey", PEER_KEY,
                            "allowedAddress", "10.9.0.2/32"))));
            var log = new TieredEventLog(clock, hot, new SqliteWarmEventTier(server.databases, clock), ColdEventTier.NONE,
                    EventRetention.defaults());
            var poller = new RuntimePoller(routers(r.router), server.gateway, server.store, log, clock);
            var telemetry = new HotTelemetry(log, poller, clock, Duration.ofHours(1));
            Instant start = clock.instant();

            poller.poll(r.router);
            clock.advance(Duration.ofSeconds(5));
            long before = server.gateway.roundTrips(r.router.endpoint());
            poller.poll(r.router);
            long trips = server.gateway.roundTrips(r.router.endpoint()) - before;
            hot.flush();

            assertThat(trips).as("round trips of one poll").isEqualTo(1);
            Resource vlan = find(server, r.router, ResourceKind.VLAN);
            RuntimeState v = poller.runtime(vlan.id()).orElseThrow();
            assertThat(v.running()).isTrue();
            assertThat(v.values().number("rxBytes")).get().matches(n -> n > 0);
            assertThat(v.values().number("rxBps")).get().matches(n -> n > 0);
            assertThat(server.store.find(r.router.id(), vlan.id()).orElseThrow().runtime())
                    .as("the router database holds the first observation").isPresent();

            RuntimeState peer = poller.runtime(find(server, r.router, ResourceKind.WIREGUARD_PEER).id()).orElseThrow();
            assertThat(peer.values().number("lastHandshakeSecondsAgo")).isPresent();
            assertThat(peer.values().string("lastHandshakeAt")).isPresent();
            assertThat(peer.running()).isTrue();

            var rx = telemetry.series(r.router.id(), "interface/v77/rxBps", start);
            assertThat(rx).hasSize(1);
            assertThat(rx.getFirst().metrics().get("interface/v77/rxBps")).isGreaterThan(0);
            assertThat(telemetry.series(r.router.id(), "cpuLoad", start)).hasSize(2);
            assertThat(telemetry.series(r.router.id(), "freeMemory", start)).allMatch(p -> p.metrics().get("freeMemory") > 0);
            var traffic = telemetry.traffic(r.router.id(), start);
            assertThat(traffic).containsKeys("ether1", "v77");
            assertThat(traffic.get("v77")).hasSize(2);
            assertThat(traffic.get("v77").getLast().metrics().get("rxBps")).isGreaterThan(0);
            assertThat(telemetry.interfaces(r.router.id())).anySatisfy(i -> {
                assertThat(i.name()).isEqualTo("v77");
                assertThat(i.type()).isEqualTo("vlan");
                assertThat(i.running()).isTrue();
                assertThat(i.disabled()).isFalse();
            });
            var points = telemetry.ofResource(r.router.id(), vlan.id()).samples();
            assertThat(points).hasSize(2);
            assertThat(points.getLast().metrics()).containsKeys("rxBytes", "txBytes", "rxBps", "txBps", "running");
        }
    }

    @Test
    void aRouterThatDoesNotAnswerIsSkippedWithinTheGatewaysDeadline() throws Exception {
        var clock = new TestClock(Instant.parse("2026-12-01T10:00:00Z"));
        // a router that accepts the connection and then says nothing
        try (var silent = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
             var gateway = new RouterOsGateway(new GatewaySettings(Duration.ofSeconds(2), Duration.ofSeconds(2), 2,
                     Duration.ofSeconds(1), Duration.ofSeconds(60)), CertificatePins.inMemory());
             var server = new Server(dir.resolve("data"), Duration.ofSeconds(30), clock);
             var hot = new SqliteHotEventTier(dir.resolve("hot"), Optional.empty(), SqliteHotEventTier.Settings.defaults())) {
            var router = new Router(new RouterId("silent"), "silent",
                    new RouterEndpoint("127.0.0.1", silent.getLocalPort(), false, "admin", Secret.of("pw")), false, clock.instant());
            var log = new TieredEventLog(clock, hot, new SqliteWarmEventTier(server.databases, clock), ColdEventTier.NONE,
                    EventRetention.defaults());
            var poller = new RuntimePoller(routers(router), gateway, server.store, log, clock);

            long t0 = System.nanoTime();
            assertThatThrownBy(() -> poller.poll(router)).isInstanceOf(RouterException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
            assertThat(poller.runtime(com.nasnetconnect.domain.state.ResourceId.random())).isEmpty();
        }
    }

    private static Resource find(Server server, Router router, ResourceKind kind) {
        return server.store.listAll(router.id(), Optional.of(kind)).getFirst();
    }

    private static RouterRepository routers(Router router) {
        return new RouterRepository() {
            @Override public List<Router> findAll() { return List.of(router); }
            @Override public Optional<Router> find(RouterId id) { return Optional.of(router); }
            @Override public void save(Router r) { }
            @Override public void delete(RouterId id) { }
        };
    }
}

package com.nasnetconnect.domain.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.EventJournal;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.events.NewEvent;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.Deployment;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Page;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceStore;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.state.TelemetrySample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RuntimePollerTest {
    static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    static final Router ROUTER = new Router(new RouterId("lab"), "lab",
            new RouterEndpoint("127.0.0.1", 8729, false, "admin", Secret.of("pw")), false, T0);

    final StepClock clock = new StepClock();
    final Gateway gateway = new Gateway();
    final Store store = new Store();
    final List<NewEvent> events = new ArrayList<>();
    final EventJournal journal = new EventJournal() {
        @Override public LoggedEvent record(NewEvent event) { events.add(event); return null; }
        @Override public void recordCommitted(List<ResourceEvent> committed) { }
    };
    final RuntimePoller poller = new RuntimePoller(new Routers(), gateway, store, journal, clock, Duration.ofHours(1));

    @Test
    void ratesAreBitsPerSecondBetweenTwoReadingsAndNoneWhenTheCounterWentBack() {
        assertEquals(8000.0, Rates.bitsPerSecond(1000, T0, 6000, T0.plusSeconds(5)).getAsDouble());
        assertTrue(Rates.bitsPerSecond(6000, T0, 1000, T0.plusSeconds(5)).isEmpty());
        assertTrue(Rates.bitsPerSecond(1000, T0, 2000, T0).isEmpty());
    }

    @Test
    void aVlanGetsRunningAndCountersAndTheSecondPollRecordsItsBitsPerSecond() {
        Resource vlan = store.add(ResourceKind.VLAN, "v10", "*5");
        gateway.interfaces.put("*5", Map.of(".id", "*5", "name", "v10", "running", "true", "rx-byte", "1000", "tx-byte", "500"));

        poller.poll(ROUTER);
        clock.now = T0.plusSeconds(5);
        gateway.interfaces.put("*5", Map.of(".id", "*5", "name", "v10", "running", "true", "rx-byte", "6000", "tx-byte", "3000"));
        poller.poll(ROUTER);

        RuntimeState runtime = poller.runtime(vlan.id()).orElseThrow();
        assertTrue(runtime.running());
        assertEquals(Optional.of(6000L), runtime.values().number("rxBytes"));
        assertEquals(Optional.of(8000L), runtime.values().number("rxBps"));
        assertEquals(Optional.of(4000L), runtime.values().number("txBps"));
        assertEquals(T0.plusSeconds(5), runtime.observedAt());
        var ifaceEvents = events.stream().filter(e -> e.type().equals(TelemetryEvents.INTERFACE)).toList();
        assertEquals(2, ifaceEvents.size());
        assertFalse(ifaceEvents.get(0).data().containsKey("rxBps"), "no rate from one reading");
        assertEquals(8000L, ifaceEvents.get(1).data().get("rxBps"));
        var router = events.stream().filter(e -> e.type().equals(TelemetryEvents.ROUTER)).toList();
        assertEquals(2, router.size());
        assertEquals(7L, router.get(0).data().get("cpuLoad"));
        assertEquals(300_000_000L, router.get(0).data().get("freeMemory"));
        var perResource = events.stream().filter(e -> e.type().equals(TelemetryEvents.RESOURCE)).toList();
        assertEquals(vlan.id().toString(), perResource.getLast().data().get("resource"));
        assertEquals(8000L, perResource.getLast().data().get("rxBps"));
        assertEquals("VLAN v10", perResource.getLast().data().get("label"), "named in words for the events page");
        assertTrue(events.stream().allMatch(e -> e.eventClass() == com.nasnetconnect.domain.events.EventClass.LOW));
    }

    @Test
    void everyInterfaceOfTheLatestPollIsKeptWithItsTypeAndStateManagedOrNot() {
        assertEquals(List.of(), poller.interfaces(ROUTER.id()), "nothing before the first poll");
        gateway.interfaces.put("*1", Map.of(".id", "*1", "name", "ether1", "type", "ether", "running", "true", "disabled", "false"));
        gateway.interfaces.put("*2", Map.of(".id", "*2", "name", "ether2", "type", "ether", "running", "false", "disabled", "true"));

        poller.poll(ROUTER);
        clock.now = T0.plusSeconds(5);
        gateway.interfaces.put("*1", Map.of(".id", "*1", "name", "ether1", "type", "ether", "running", "false", "disabled", "false"));
        poller.poll(ROUTER);

        assertEquals(List.of(new InterfaceState("ether1", "ether", false, false, T0.plusSeconds(5)),
                new InterfaceState("ether2", "ether", false, true, T0.plusSeconds(5))), poller.interfaces(ROUTER.id()));
        assertEquals(List.of(), poller.interfaces(new RouterId("other")));
    }

    @Test
    void thePollIsOneBatchAndReadsPeersAndContainersOnlyWhenTheRouterHasSuch() {
        store.add(ResourceKind.VLAN, "v10", "*5");
        poller.poll(ROUTER);
        assertEquals(List.of("/system/resource/print", "/interface/print"), gateway.paths);

        gateway.paths.clear();
        store.add(ResourceKind.WIREGUARD_PEER, "peer1", "*9");
        store.add(ResourceKind.CONTAINER, "c1", "*C");
        poller.poll(ROUTER);
        assertEquals(List.of("/system/resource/print", "/interface/print", "/interface/wireguard/peers/print", "/container/print"),
                gateway.paths);
    }

    @Test
    void aPeerGetsItsLastHandshakeAndAContainerItsState() {
        Resource peer = store.add(ResourceKind.WIREGUARD_PEER, "peer1", "*9");
        Resource container = store.add(ResourceKind.CONTAINER, "c1", "*C");
        gateway.peers.add(Map.of(".id", "*9", "last-handshake", "1m5s", "rx", "100", "tx", "50"));
        gateway.containers.add(Map.of(".id", "*C", "status", "running"));

        poller.poll(ROUTER);

        RuntimeState p = poller.runtime(peer.id()).orElseThrow();
        assertTrue(p.running());
        assertEquals(Optional.of(65L), p.values().number("lastHandshakeSecondsAgo"));
        assertEquals(Optional.of(T0.minusSeconds(65).toString()), p.values().string("lastHandshakeAt"));
        RuntimeState c = poller.runtime(container.id()).orElseThrow();
        assertTrue(c.running());
        assertEquals(Optional.of("running"), c.values().string("status"));
    }

    @Test
    void theRuntimeIsWrittenToTheStoreOnlyWhenFirstSeenWhenRunningChangesOrHourly() {
        store.add(ResourceKind.VLAN, "v10", "*5");
        gateway.interfaces.put("*5", Map.of(".id", "*5", "name", "v10", "running", "true", "rx-byte", "1"));
        for (int i = 0; i < 10; i++) {
            poller.poll(ROUTER);
            clock.now = clock.now.plusSeconds(5);
        }
        assertEquals(1, store.observed.size(), "ten polls, one write");

        gateway.interfaces.put("*5", Map.of(".id", "*5", "name", "v10", "running", "false", "rx-byte", "1"));
        poller.poll(ROUTER);
        assertEquals(2, store.observed.size(), "running changed");

        clock.now = clock.now.plus(Duration.ofHours(1));
        poller.poll(ROUTER);
        assertEquals(3, store.observed.size(), "an hour later");
        assertFalse(store.observed.getLast().running());
    }

    @Test
    void aResourceThatIsGoneLosesItsRuntime() {
        Resource vlan = store.add(ResourceKind.VLAN, "v10", "*5");
        gateway.interfaces.put("*5", Map.of(".id", "*5", "name", "v10", "running", "true", "rx-byte", "1"));
        poller.poll(ROUTER);
        assertTrue(poller.runtime(vlan.id()).isPresent());

        store.resources.remove(vlan.id());
        poller.poll(ROUTER);
        assertTrue(poller.runtime(vlan.id()).isEmpty());
    }

    static final class StepClock extends Clock {
        Instant now = T0;
        @Override public Instant instant() { return now; }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
    }

    static final class Routers implements RouterRepository {
        @Override public List<Router> findAll() { return List.of(ROUTER); }
        @Override public Optional<Router> find(RouterId id) { return Optional.of(ROUTER); }
        @Override public void save(Router router) { }
        @Override public void delete(RouterId id) { }
    }

    /** Answers prints from maps; records the paths asked, in order (the default session runs them one by one). */
    static final class Gateway implements RouterGateway {
        final Map<String, Map<String, String>> interfaces = new java.util.LinkedHashMap<>();
        final List<Map<String, String>> peers = new ArrayList<>();
        final List<Map<String, String>> containers = new ArrayList<>();
        final List<String> paths = new ArrayList<>();

        @Override public RouterReply execute(RouterEndpoint router, RouterCommand command) {
            return execute(router, command, Duration.ofSeconds(5));
        }

        @Override public RouterReply execute(RouterEndpoint router, RouterCommand command, Duration timeout) {
            paths.add(command.path());
            return switch (command.path()) {
                case "/system/resource/print" -> RouterReply.of(List.of(Map.of("cpu-load", "7", "free-memory", "300000000",
                        "total-memory", "1073741824")));
                case "/interface/print" -> RouterReply.of(List.copyOf(interfaces.values()));
                case "/interface/wireguard/peers/print" -> RouterReply.of(List.copyOf(peers));
                case "/container/print" -> RouterReply.of(List.copyOf(containers));
                default -> throw new IllegalArgumentException(command.path());
            };
        }

        @Override public Stream stream(RouterEndpoint router, RouterCommand command, Consumer<Map<String, String>> onRow,
                                       Consumer<com.nasnetconnect.domain.router.RouterException> onError) {
            throw new UnsupportedOperationException();
        }

        @Override public PlatformInfo platform(RouterEndpoint router) { throw new UnsupportedOperationException(); }
        @Override public void disconnect(RouterEndpoint router) { }
        @Override public void close() { }
    }

    /** Resources in memory; records what observe writes. */
    static final class Store implements ResourceStore {
        final Map<ResourceId, Resource> resources = new java.util.LinkedHashMap<>();
        final List<RuntimeState> observed = new ArrayList<>();

        Resource add(ResourceKind kind, String name, String nativeId) {
            Resource r = Resource.create(ResourceId.random(), ROUTER.id(), kind, Fields.of("name", name), Relationships.NONE,
                    Platform.MIKROTIK, T0, "alice").withDeployment(Optional.of(new Deployment(nativeId, Fields.EMPTY, T0, "alice")), T0, "alice");
            resources.put(r.id(), r);
            return r;
        }

        @Override public Optional<Resource> find(RouterId router, ResourceId id) { return Optional.ofNullable(resources.get(id)); }
        @Override public Optional<Resource> findByNativeId(RouterId router, ResourceKind kind, String nativeId) { return Optional.empty(); }
        @Override public Page<Resource> list(RouterId router, Optional<ResourceKind> kind, PageRequest page) {
            return new Page<>(List.copyOf(resources.values()), Optional.empty(), false);
        }
        @Override public Set<ResourceId> dependents(RouterId router, ResourceId id) { return Set.of(); }
        @Override public List<ResourceEvent> commit(ChangeSet changes) { throw new UnsupportedOperationException(); }
        @Override public void observe(RouterId router, ResourceId id, RuntimeState runtime, Optional<TelemetrySample> sample) {
            observed.add(runtime);
        }
    }
}

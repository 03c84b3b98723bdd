package com.nasnetconnect.domain.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@link EventLogQueries#follow}: what TieredEventLog hands its followers as it records. */
class FollowingTheEventLogTest {
    static final RouterId OFFICE = new RouterId("office");
    static final RouterId HOME = new RouterId("home");
    static final Instant T = Instant.parse("2026-03-10T12:00:00Z");

    final MemoryHot hot = new MemoryHot();
    final TieredEventLog log = new TieredEventLog(Clock.fixed(T, ZoneOffset.UTC), hot, new MemoryWarm(), ColdEventTier.NONE,
            EventRetention.defaults());

    @Test
    void aFollowerGetsEveryMatchingEventRecordedAfterItFollowsInOrder() throws Exception {
        log.record(NewEvent.of(OFFICE, EventClass.CRITICAL, "service.installed", "alice", "before", Map.of()));
        var got = new LinkedBlockingQueue<LoggedEvent>();
        try (var ignored = log.follow(EventQuery.all(1).forRouter(OFFICE).withClasses(Set.of(EventClass.CRITICAL, EventClass.NORMAL)), got::add)) {
            log.record(NewEvent.of(OFFICE, EventClass.CRITICAL, "service.installed", "alice", "first", Map.of()));
            log.record(NewEvent.of(OFFICE, EventClass.LOW, "telemetry.router", "telemetry", "filtered by class", Map.of()));
            log.record(NewEvent.of(HOME, EventClass.CRITICAL, "service.installed", "alice", "filtered by router", Map.of()));
            log.record(NewEvent.of(OFFICE, EventClass.NORMAL, "router.unreachable", "system", "second", Map.of()));
            assertEquals("first", got.poll(5, TimeUnit.SECONDS).summary());
            assertEquals("second", got.poll(5, TimeUnit.SECONDS).summary());
        }
        log.record(NewEvent.of(OFFICE, EventClass.CRITICAL, "service.installed", "alice", "after close", Map.of()));
        log.flushFollowers();
        assertTrue(got.isEmpty(), "nothing after the subscription was closed: " + got);
    }

    @Test
    void committedResourceChangesReachFollowersNamedByTheirLabel() throws Exception {
        var got = new LinkedBlockingQueue<LoggedEvent>();
        try (var ignored = log.follow(EventQuery.all(1).withTypes(Set.of("resource.created")), got::add)) {
            var vlan = Resource.create(ResourceId.random(), OFFICE, ResourceKind.VLAN, Fields.of("name", "guest", "vlanId", 30L,
                    "interface", "bridge1"), Relationships.NONE, Platform.MIKROTIK, T, "alice");
            log.recordCommitted(List.of(new ResourceEvent(7, OFFICE, vlan.id(), ResourceKind.VLAN, ChangeType.CREATED, T, "alice", 1,
                    List.of(new FieldDifference("name", Optional.empty(), Optional.of("guest"))), Optional.of(vlan))));
            LoggedEvent e = got.poll(5, TimeUnit.SECONDS);
            assertEquals("VLAN guest", e.data().get("label"));
            assertEquals("VLAN guest", EventWords.subject(e, "office"));
            assertEquals(EventTier.HOT, e.tier());
        }
    }

    @Test
    void recordingIsNotHeldUpByASlowFollower() throws Exception {
        var release = new CountDownLatch(1);
        var seen = new CopyOnWriteArrayList<String>();
        try (var ignored = log.follow(EventQuery.all(1), e -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            seen.add(e.summary());
        })) {
            for (int i = 0; i < 100; i++) log.record(NewEvent.of(OFFICE, EventClass.LOW, "telemetry.router", "telemetry", "n" + i, Map.of()));
            assertEquals(100, hot.events.size(), "every event reached the hot tier while the follower was blocked");
            assertTrue(seen.isEmpty());
            release.countDown();
            log.flushFollowers();
            assertEquals(100, seen.size());
        }
    }

    @Test
    void aFollowerThatThrowsDoesNotStopTheOthers() throws Exception {
        var got = new LinkedBlockingQueue<LoggedEvent>();
        try (var bad = log.follow(EventQuery.all(1), e -> {
            throw new IllegalStateException("boom");
        }); var good = log.follow(EventQuery.all(1), got::add)) {
            log.record(NewEvent.of(OFFICE, EventClass.NORMAL, "router.reachable", "system", "one", Map.of()));
            log.record(NewEvent.of(OFFICE, EventClass.NORMAL, "router.reachable", "system", "two", Map.of()));
            assertEquals("one", got.poll(5, TimeUnit.SECONDS).summary());
            assertEquals("two", got.poll(5, TimeUnit.SECONDS).summary());
        }
    }

    @Test
    void aDeletedResourceIsNamedFromTheConfigurationItHad() {
        var id = ResourceId.random();
        var deleted = new ResourceEvent(9, OFFICE, id, ResourceKind.IP_ADDRESS, ChangeType.DELETED, T, "bob", 3,
                List.of(new FieldDifference("address", Optional.of("10.0.0.1/24"), Optional.empty()),
                        new FieldDifference("interface", Optional.of("bridge1"), Optional.empty())), Optional.empty());
        LoggedEvent e = ResourceChangeEvents.of(deleted);
        assertEquals("IP address 10.0.0.1/24 on bridge1", EventWords.subject(e, "office"));
        assertEquals("deleted", EventWords.action(e));
        assertTrue(!EventWords.subject(e, "office").contains(id.toString()));
    }

    @Test
    void anEventWrittenBeforeLabelsIsNamedByItsKindInWordsNeverItsUuid() {
        var uuid = ResourceId.random().toString();
        var old = new LoggedEvent("res-office-1", Optional.of(OFFICE), EventClass.CRITICAL, "resource.configured", T, "alice",
                "WIREGUARD_PEER " + uuid + " configured", Map.of("resourceId", uuid, "kind", "WIREGUARD_PEER",
                "changedFields", List.of("endpoint", "allowedAddress")), EventTier.WARM);
        assertEquals("WireGuard peer", EventWords.subject(old, "office"));
        assertEquals("changed endpoint, allowedAddress", EventWords.action(old));
        var named = new LoggedEvent("res-office-2", Optional.of(OFFICE), EventClass.CRITICAL, "resource.created", T, "alice",
                "VLAN 'guest' created", Map.of("resourceId", uuid, "kind", "VLAN", "name", "guest"), EventTier.WARM);
        assertEquals("VLAN guest", EventWords.subject(named, "office"));
    }

    @Test
    void servicesAndRoutersAreNamedByInterfaceAndRouterName() {
        var service = new LoggedEvent("s1", Optional.of(OFFICE), EventClass.CRITICAL, "service.installed", T, "system", "…",
                Map.of("instanceId", "x", "name", "tor", "interface", "nnc-tor-usa", "template", "tor", "vlanId", 40L,
                        "subnet", "10.40.0.0/24"), EventTier.HOT);
        assertEquals("service nnc-tor-usa", EventWords.subject(service, "office"));
        assertEquals("installed from tor, VLAN 40, 10.40.0.0/24", EventWords.action(service));
        var cpu = new LoggedEvent("t1", Optional.of(OFFICE), EventClass.LOW, "telemetry.router", T, "telemetry", "cpu 3%",
                Map.of("cpuLoad", 3L), EventTier.HOT);
        assertEquals("router Office RB5009", EventWords.subject(cpu, "Office RB5009"));
        assertEquals("cpu 3%", EventWords.action(cpu));
        var counters = new LoggedEvent("t2", Optional.of(OFFICE), EventClass.LOW, "telemetry.resource", T, "telemetry", "…",
                Map.of("resource", ResourceId.random().toString(), "kind", "WIREGUARD_PEER", "label", "WireGuard peer 10.0.0.2/32 on wg1"), EventTier.HOT);
        assertEquals("WireGuard peer 10.0.0.2/32 on wg1", EventWords.subject(counters, "office"));
    }

    /** The hot tier as a list: appends at once. */
    static final class MemoryHot implements HotEventTier {
        final List<LoggedEvent> events = new CopyOnWriteArrayList<>();

        @Override
        public void append(LoggedEvent event) {
            events.add(event);
        }

        @Override
        public List<LoggedEvent> newest(EventQuery query, int limit) {
            return events.stream().filter(query::matches).sorted((a, b) -> a.position().compareTo(b.position())).limit(limit).toList();
        }

        @Override
        public int prune(Instant now, EventRetention retention) {
            return 0;
        }

        @Override
        public void flush() {
        }

        @Override
        public EventStorageStatus.Hot status() {
            throw new UnsupportedOperationException();
        }
    }

    static final class MemoryWarm implements WarmEventTier {
        final List<LoggedEvent> events = new ArrayList<>();

        @Override
        public synchronized void append(LoggedEvent event) {
            events.add(event);
        }

        @Override
        public synchronized void appendBatched(LoggedEvent event) {
            events.add(event);
        }

        @Override
        public void flush() {
        }

        @Override
        public synchronized List<LoggedEvent> newest(EventQuery query, int limit) {
            return events.stream().filter(query::matches).sorted((a, b) -> a.position().compareTo(b.position())).limit(limit).toList();
        }

        @Override
        public int prune(Instant now, EventRetention retention) {
            return 0;
        }

        @Override
        public List<Optional<RouterId>> scopes() {
            return List.of();
        }

        @Override
        public List<LoggedEvent> olderThan(Optional<RouterId> scope, Instant cutoff, int limit) {
            return List.of();
        }

        @Override
        public int remove(Optional<RouterId> scope, Collection<String> ids) {
            return 0;
        }

        @Override
        public EventStorageStatus.Warm status() {
            throw new UnsupportedOperationException();
        }
    }
}

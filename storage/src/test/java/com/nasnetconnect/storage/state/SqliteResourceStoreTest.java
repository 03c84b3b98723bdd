package com.nasnetconnect.storage.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Deployment;
import com.nasnetconnect.domain.state.Drift;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Page;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceChange;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.RuntimeState;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.domain.state.TelemetrySample;
import com.nasnetconnect.domain.state.Validation;
import com.nasnetconnect.domain.state.ValidationIssue;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.testing.MutableClock;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class SqliteResourceStoreTest {
    static final RouterId R = new RouterId("office");
    static final RouterId OTHER = new RouterId("branch");

    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00.123456789Z"));
    DatabaseManager databases;
    SqliteResourceStore store;

    @BeforeEach
    void open() {
        databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        store = new SqliteResourceStore(databases, 3);
    }

    @AfterEach
    void close() {
        databases.close();
    }

    Resource vlan(String name, long vlanId, ResourceId... dependsOn) {
        return Resource.create(ResourceId.random(), R, ResourceKind.VLAN, Fields.of("name", name, "vlanId", vlanId, "interface", "bridge1"),
                Relationships.dependsOn(dependsOn), Platform.MIKROTIK, clock.instant(), "alice");
    }

    List<ResourceEvent> create(Resource r) {
        return store.commit(ChangeSet.of(r.routerId(), "alice", clock.instant(), new ResourceChange.Put(r, ChangeType.CREATED)));
    }

    long eventCount(RouterId router) {
        return databases.withRouter(router, c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM resource_events")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Test
    void aCreatedResourceComesBackWithAllItsLayers() {
        var bridge = Resource.create(ResourceId.random(), R, ResourceKind.BRIDGE, Fields.of("name", "bridge1"), Relationships.NONE,
                Platform.MIKROTIK, clock.instant(), "alice");
        create(bridge);
        var wg = Resource.create(ResourceId.random(), R, ResourceKind.WIREGUARD_INTERFACE,
                        Fields.of("name", "wg0", "listenPort", 51820, "mtu", 1420L, "enabled", true, "allowed", List.of("10.0.0.0/24", "10.1.0.0/24")),
                        Relationships.dependsOn(bridge.id()), new Platform("mikrotik", Set.of("routeros>=7.18")), clock.instant(), "alice")
                .withValidation(Validation.of(List.of(), List.of(ValidationIssue.of("mtu", 1420, "mtu-low", "MTU below 1500")), clock.instant()),
                        clock.instant(), "alice")
                .withDeployment(Optional.of(new Deployment("*1A", Fields.of("name", "wg0", "publicKey", "PUBKEY="), clock.instant(), "alice")
                        .withDrift(new Drift(List.of(new FieldDifference("mtu", Optional.of(1420L), Optional.of(1500L))), false, clock.instant()))),
                        clock.instant(), "alice")
                .withTagsAndDescription(List.of("vpn", "office"), "site tunnel", clock.instant(), "bob");
        // a resource created with all layers at once still starts at version 1
        var v1 = new Resource(wg.id(), R, wg.kind(), wg.configuration(), wg.validation(), wg.deployment(), Optional.empty(),
                wg.telemetry(), new com.nasnetconnect.domain.state.Metadata(clock.instant(), "alice", clock.instant(), "bob", 1,
                List.of("vpn", "office"), "site tunnel"), wg.relationships(), wg.platform());
        store.commit(ChangeSet.of(R, "alice", clock.instant(), new ResourceChange.Put(v1, ChangeType.ADOPTED)));

        Resource found = store.find(R, wg.id()).orElseThrow();

        assertThat(found.configuration().values().keySet()).containsExactly("name", "listenPort", "mtu", "enabled", "allowed");
        assertThat(found.configuration()).isEqualTo(v1.configuration());
        assertThat(found.validation()).isEqualTo(v1.validation());
        assertThat(found.deployment()).isEqualTo(v1.deployment());
        assertThat(found.deployment().orElseThrow().confirmed().string("publicKey")).contains("PUBKEY=");
        assertThat(found.metadata()).isEqualTo(v1.metadata());
        assertThat(found.platform()).isEqualTo(v1.platform());
        assertThat(found.relationships().dependsOn()).containsExactly(bridge.id());
        assertThat(store.find(R, bridge.id()).orElseThrow().relationships().dependents()).containsExactly(wg.id());
        assertThat(found.runtime()).isEmpty();
        assertThat(found.routerId()).isEqualTo(R);
    }

    @Test
    void everyChangeWritesItsEventAndItsRow() {
        var v = vlan("vlan10", 10);
        var events = create(v);
        clock.advance(Duration.ofSeconds(1));
        var v2 = v.withConfiguration(v.configuration().with("vlanId", 11L), clock.instant(), "bob");
        var more = store.commit(ChangeSet.of(R, "bob", clock.instant(), new ResourceChange.Put(v2, ChangeType.CONFIGURED)));

        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ChangeType.CREATED);
            assertThat(e.version()).isEqualTo(1);
            assertThat(e.actor()).isEqualTo("alice");
        });
        assertThat(more).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(ChangeType.CONFIGURED);
            assertThat(e.sequence()).isGreaterThan(events.getFirst().sequence());
            assertThat(e.changes()).containsExactly(new FieldDifference("vlanId", Optional.of(10L), Optional.of(11L)));
        });
        assertThat(eventCount(R)).isEqualTo(2);
        assertThat(store.find(R, v.id()).orElseThrow().metadata().version()).isEqualTo(2);
        assertThat(store.find(R, v.id()).orElseThrow().configuration().number("vlanId")).contains(11L);
    }

    @Test
    void whenTheRowWriteFailsTheEventIsNotWrittenEither() {
        create(vlan("kept", 5));
        // a real SQLite failure on the row, after the event insert of the same change succeeded
        databases.withRouter(R, c -> c.createStatement().execute("""
                CREATE TRIGGER fail_row BEFORE INSERT ON resources WHEN NEW.configuration LIKE '%"doomed"%'
                BEGIN SELECT RAISE(ABORT, 'injected failure writing the row'); END"""));
        long before = eventCount(R);
        var doomed = vlan("doomed", 20);

        assertThatThrownBy(() -> create(doomed))
                .isInstanceOf(StateException.Storage.class)
                .hasMessageContaining("injected failure writing the row");

        assertThat(eventCount(R)).as("no event without its row").isEqualTo(before);
        assertThat(store.find(R, doomed.id())).isEmpty();
        assertThat(store.history(R, doomed.id())).isEmpty();
    }

    @Test
    void whenTheEventWriteFailsTheRowIsNotWrittenEither() {
        var v = vlan("vlan10", 10);
        create(v);
        databases.withRouter(R, c -> c.createStatement().execute("""
                CREATE TRIGGER fail_event BEFORE INSERT ON resource_events WHEN NEW.type = 'CONFIGURED'
                BEGIN SELECT RAISE(ABORT, 'injected failure writing the event'); END"""));
        var v2 = v.withConfiguration(v.configuration().with("vlanId", 99L), clock.instant(), "bob");

        assertThatThrownBy(() -> store.commit(ChangeSet.of(R, "bob", clock.instant(), new ResourceChange.Put(v2, ChangeType.CONFIGURED))))
                .hasMessageContaining("injected failure writing the event");

        Resource stored = store.find(R, v.id()).orElseThrow();
        assertThat(stored.configuration().number("vlanId")).contains(10L);
        assertThat(stored.metadata().version()).isEqualTo(1);
    }

    @Test
    void aChangeSetCommitsAllOrNothing() {
        var existing = vlan("vlan10", 10);
        create(existing);
        long before = eventCount(R);
        var fresh = vlan("vlan20", 20);
        var stale = existing.withConfiguration(existing.configuration().with("name", "x"), clock.instant(), "bob")
                .withConfiguration(existing.configuration().with("name", "y"), clock.instant(), "bob"); // version 3, stored is 1

        assertThatThrownBy(() -> store.commit(ChangeSet.of(R, "bob", clock.instant(),
                new ResourceChange.Put(fresh, ChangeType.CREATED), new ResourceChange.Put(stale, ChangeType.CONFIGURED))))
                .isInstanceOf(StateException.Conflict.class)
                .hasMessageContaining(existing.id().toString()).hasMessageContaining("version 1").hasMessageContaining("got 3");

        assertThat(store.find(R, fresh.id())).as("first change of the failed set").isEmpty();
        assertThat(eventCount(R)).isEqualTo(before);
    }

    @Test
    void creatingAnExistingIdOrUpdatingAMissingOneIsRefused() {
        var v = vlan("vlan10", 10);
        create(v);
        assertThatThrownBy(() -> create(v)).isInstanceOf(StateException.Conflict.class).hasMessageContaining("already exists");

        var ghost = vlan("ghost", 30);
        var ghost2 = ghost.withConfiguration(ghost.configuration(), clock.instant(), "bob");
        assertThatThrownBy(() -> store.commit(ChangeSet.of(R, "bob", clock.instant(), new ResourceChange.Put(ghost2, ChangeType.CONFIGURED))))
                .isInstanceOf(StateException.NotFound.class).hasMessageContaining(ghost.id().toString());
        assertThatThrownBy(() -> store.commit(ChangeSet.of(R, "bob", clock.instant(), new ResourceChange.Delete(ghost.id(), 1))))
                .isInstanceOf(StateException.NotFound.class);
        assertThatThrownBy(() -> store.commit(ChangeSet.of(R, "bob", clock.instant(), new ResourceChange.Delete(v.id(), 7))))
                .isInstanceOf(StateException.Conflict.class).hasMessageContaining("expected 7");
    }

    @Test
    void timeTravelRebuildsTheResourceAsItWasAtAnyInstant() {
        Instant t0 = clock.instant();
        var v = vlan("vlan10", 10);
        create(v);
        clock.advance(Duration.ofMinutes(1));
        Instant t1 = clock.instant();
        var v2 = v.withConfiguration(v.configuration().with("vlanId", 11L), t1, "bob");
        store.commit(ChangeSet.of(R, "bob", t1, new ResourceChange.Put(v2, ChangeType.CONFIGURED)));
        clock.advance(Duration.ofMinutes(1));
        Instant t2 = clock.instant();
        var v3 = v2.withDeployment(Optional.of(new Deployment("*5", Fields.of("name", "vlan10", "vlanId", 11L, "mtu", 1500L), t2, "bob")), t2, "bob");
        store.commit(ChangeSet.of(R, "bob", t2, new ResourceChange.Put(v3, ChangeType.DEPLOYED)));
        clock.advance(Duration.ofMinutes(1));
        Instant t3 = clock.instant();
        store.commit(ChangeSet.of(R, "carol", t3, new ResourceChange.Delete(v.id(), 3)));

        assertThat(store.resourceAt(R, v.id(), t0.minusNanos(1))).as("before it was created").isEmpty();
        assertThat(store.resourceAt(R, v.id(), t0).orElseThrow().configuration().number("vlanId")).contains(10L);
        assertThat(store.resourceAt(R, v.id(), t1.minusNanos(1)).orElseThrow().metadata().version()).isEqualTo(1);
        assertThat(store.resourceAt(R, v.id(), t1).orElseThrow().configuration().number("vlanId")).contains(11L);
        Resource atT2 = store.resourceAt(R, v.id(), t2.plusSeconds(30)).orElseThrow();
        assertThat(atT2.deployment().orElseThrow().nativeId()).isEqualTo("*5");
        assertThat(atT2.metadata().version()).isEqualTo(3);
        assertThat(atT2.metadata().updatedBy()).isEqualTo("bob");
        assertThat(store.resourceAt(R, v.id(), t3)).as("after deletion").isEmpty();
        assertThat(store.find(R, v.id())).isEmpty();

        assertThat(store.history(R, v.id())).extracting(ResourceEvent::type)
                .containsExactly(ChangeType.CREATED, ChangeType.CONFIGURED, ChangeType.DEPLOYED, ChangeType.DELETED);
        assertThat(store.history(R, v.id()).getLast().actor()).isEqualTo("carol");
        assertThat(store.history(R, v.id()).getLast().changes()).extracting(FieldDifference::field)
                .containsExactly("name", "vlanId", "interface");
        // the default (replay of the full history in the domain) agrees with the SQL-bounded one
        com.nasnetconnect.domain.state.EventLog plain = new com.nasnetconnect.domain.state.EventLog() {
            public List<ResourceEvent> history(RouterId r, ResourceId id) { return store.history(r, id); }
            public Page<ResourceEvent> events(RouterId r, Optional<Instant> s, Optional<Instant> u, PageRequest p) { throw new UnsupportedOperationException(); }
        };
        for (Instant at : List.of(t0, t1, t2, t3, t1.plusMillis(5))) {
            assertThat(plain.resourceAt(R, v.id(), at)).isEqualTo(store.resourceAt(R, v.id(), at));
        }
    }

    @Test
    void eventsArePagedWithCursorsAndFilteredByTime() {
        Instant start = clock.instant();
        for (int i = 0; i < 5; i++) {
            create(vlan("vlan" + i, 10 + i));
            clock.advance(Duration.ofSeconds(10));
        }

        Page<ResourceEvent> p1 = store.events(R, Optional.empty(), Optional.empty(), PageRequest.first(2));
        Page<ResourceEvent> p2 = store.events(R, Optional.empty(), Optional.empty(), PageRequest.first(2).after(p1.endCursor().orElseThrow()));
        Page<ResourceEvent> p3 = store.events(R, Optional.empty(), Optional.empty(), PageRequest.first(2).after(p2.endCursor().orElseThrow()));

        assertThat(p1.items()).hasSize(2);
        assertThat(p1.hasNextPage()).isTrue();
        assertThat(p2.items()).hasSize(2);
        assertThat(p3.items()).hasSize(1);
        assertThat(p3.hasNextPage()).isFalse();
        var all = new ArrayList<ResourceEvent>();
        all.addAll(p1.items());
        all.addAll(p2.items());
        all.addAll(p3.items());
        assertThat(all).extracting(e -> e.state().orElseThrow().configuration().string("name").orElseThrow())
                .containsExactly("vlan0", "vlan1", "vlan2", "vlan3", "vlan4");

        var window = store.events(R, Optional.of(start.plusSeconds(10)), Optional.of(start.plusSeconds(30)), PageRequest.first(100));
        assertThat(window.items()).extracting(e -> e.state().orElseThrow().configuration().string("name").orElseThrow())
                .containsExactly("vlan1", "vlan2");
    }

    @Test
    void resourcesArePagedInCreationOrderAndFilteredByKind() {
        var names = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            create(vlan("vlan" + i, 10 + i));
            names.add("vlan" + i);
            create(Resource.create(ResourceId.random(), R, ResourceKind.IP_ADDRESS, Fields.of("address", "10.0." + i + ".1/24"),
                    Relationships.NONE, Platform.MIKROTIK, clock.instant(), "alice"));
        }

        var seen = new ArrayList<String>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            var page = store.list(R, Optional.of(ResourceKind.VLAN), new PageRequest(2, cursor));
            page.items().forEach(r -> seen.add(r.configuration().string("name").orElseThrow()));
            cursor = page.hasNextPage() ? page.endCursor() : Optional.empty();
            pages++;
        } while (cursor.isPresent());

        assertThat(seen).containsExactlyElementsOf(names);
        assertThat(pages).isEqualTo(3);
        assertThat(store.list(R, Optional.empty(), PageRequest.first(100)).items()).hasSize(10);
        assertThat(store.list(R, Optional.of(ResourceKind.ROUTE), PageRequest.first(10)).items()).isEmpty();
        assertThat(store.list(R, Optional.of(ResourceKind.ROUTE), PageRequest.first(10)).endCursor()).isEmpty();
    }

    @Test
    void aForgedCursorIsRefusedNamingIt() {
        assertThatThrownBy(() -> store.list(R, Optional.empty(), PageRequest.first(5).after("not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'not-a-cursor'");
        String eventCursor = store.events(R, Optional.empty(), Optional.empty(), PageRequest.first(1)).endCursor().orElse("ZTox");
        assertThatThrownBy(() -> store.list(R, Optional.empty(), PageRequest.first(5).after(eventCursor)))
                .hasMessageContaining("resource cursor");
    }

    @Test
    void findsAResourceByTheRoutersId() {
        var v = vlan("vlan10", 10);
        create(v);
        var deployed = v.withDeployment(Optional.of(new Deployment("*A", Fields.of("name", "vlan10"), clock.instant(), "alice")),
                clock.instant(), "alice");
        store.commit(ChangeSet.of(R, "alice", clock.instant(), new ResourceChange.Put(deployed, ChangeType.DEPLOYED)));

        assertThat(store.findByNativeId(R, ResourceKind.VLAN, "*A")).map(Resource::id).contains(v.id());
        assertThat(store.findByNativeId(R, ResourceKind.BRIDGE, "*A")).isEmpty();
        assertThat(store.findByNativeId(R, ResourceKind.VLAN, "*B")).isEmpty();
    }

    @Test
    void observationsFillRuntimeAndTelemetryWithoutEventsOrNewVersions() {
        var v = vlan("vlan10", 10);
        create(v);
        long before = eventCount(R);
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofMinutes(5));
            store.observe(R, v.id(), new RuntimeState(true, Fields.of("rxBytes", 1000L * i), clock.instant()),
                    Optional.of(new TelemetrySample(clock.instant(), Map.of("rxBytes", 1000.0 * i))));
        }

        Resource r = store.find(R, v.id()).orElseThrow();
        assertThat(r.runtime().orElseThrow().values().number("rxBytes")).contains(4000L);
        assertThat(r.runtime().orElseThrow().observedAt()).isEqualTo(clock.instant());
        assertThat(r.telemetry().samples()).as("window of 3").extracting(s -> s.metrics().get("rxBytes"))
                .containsExactly(2000.0, 3000.0, 4000.0);
        assertThat(r.metadata().version()).isEqualTo(1);
        assertThat(eventCount(R)).isEqualTo(before);
        assertThatThrownBy(() -> store.observe(R, ResourceId.random(), new RuntimeState(false, Fields.EMPTY, clock.instant()), Optional.empty()))
                .isInstanceOf(StateException.NotFound.class);
    }

    @Test
    void theEventLogIsAppendOnly() {
        create(vlan("vlan10", 10));
        assertThatThrownBy(() -> databases.withRouter(R, c -> c.createStatement().executeUpdate("UPDATE resource_events SET actor = 'mallory'")))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> databases.withRouter(R, c -> c.createStatement().executeUpdate("DELETE FROM resource_events")))
                .hasMessageContaining("append-only");
    }

    @Test
    void eachRouterSeesOnlyItsOwnResources() {
        var v = vlan("vlan10", 10);
        create(v);
        var elsewhere = Resource.create(ResourceId.random(), OTHER, ResourceKind.VLAN, Fields.of("name", "vlan10"), Relationships.NONE,
                Platform.MIKROTIK, clock.instant(), "alice");
        create(elsewhere);

        assertThat(store.find(OTHER, v.id())).isEmpty();
        assertThat(store.list(OTHER, Optional.empty(), PageRequest.first(10)).items()).extracting(Resource::id).containsExactly(elsewhere.id());
        assertThat(databases.routerFile(R)).exists();
        assertThat(databases.routerFile(OTHER)).exists();
    }

    @Test
    void deletingARemovesItsRelationshipsRuntimeAndTelemetryButKeepsItsHistory() {
        var bridge = vlan("base", 1);
        create(bridge);
        var v = vlan("vlan10", 10, bridge.id());
        create(v);
        store.observe(R, v.id(), new RuntimeState(true, Fields.EMPTY, clock.instant()), Optional.of(new TelemetrySample(clock.instant(), Map.of("x", 1.0))));

        store.commit(ChangeSet.of(R, "alice", clock.instant(), new ResourceChange.Delete(v.id(), 1)));

        assertThat(store.dependents(R, bridge.id())).isEmpty();
        assertThat(store.history(R, v.id())).hasSize(2);
        long leftovers = databases.withRouter(R, c -> {
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT (SELECT count(*) FROM resource_runtime) + (SELECT count(*) FROM telemetry_samples) + (SELECT count(*) FROM resource_relationships)")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(leftovers).isZero();
    }

    @Test
    void datesBeyondTheStorableRangeAreRefusedNamingTheValueAndTheRange() {
        var v = vlan("vlan10", 10);
        create(v);
        Instant far = Instant.parse("2300-01-01T00:00:00Z");
        Instant early = Instant.parse("1600-01-01T00:00:00Z");

        assertThatThrownBy(() -> store.events(R, Optional.of(far), Optional.empty(), PageRequest.first(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2300-01-01T00:00:00Z").hasMessageContaining("1678-01-01T00:00:00Z")
                .hasMessageContaining("2261-12-31T23:59:59Z");
        assertThatThrownBy(() -> store.events(R, Optional.empty(), Optional.of(early), PageRequest.first(10)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1600-01-01T00:00:00Z");
        assertThatThrownBy(() -> store.resourceAt(R, v.id(), early))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1600-01-01T00:00:00Z");
        var late = vlan("late", 11);
        assertThatThrownBy(() -> store.commit(ChangeSet.of(R, "alice", far, new ResourceChange.Put(late, ChangeType.CREATED))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2300-01-01T00:00:00Z");
        assertThat(store.find(R, late.id())).isEmpty();
        assertThat(store.resourceAt(R, v.id(), com.nasnetconnect.domain.state.StoredTime.MAX)).isPresent();
    }

    @Test
    void readingARouterWithoutDataCreatesNoDatabaseFile() {
        var nobody = new RouterId("never-used");

        assertThat(store.find(nobody, ResourceId.random())).isEmpty();
        assertThat(store.list(nobody, Optional.empty(), PageRequest.first(10)).items()).isEmpty();
        assertThat(store.events(nobody, Optional.empty(), Optional.empty(), PageRequest.first(10)).items()).isEmpty();
        assertThat(store.history(nobody, ResourceId.random())).isEmpty();
        assertThat(store.resourceAt(nobody, ResourceId.random(), clock.instant())).isEmpty();
        assertThat(store.dependents(nobody, ResourceId.random())).isEmpty();
        assertThat(databases.routerFile(nobody)).doesNotExist();
    }

    @Test
    void readsOfAQuarantinedRouterFailInsteadOfLookingEmpty() throws Exception {
        create(vlan("vlan10", 10));
        databases.closeRouter(R);
        java.nio.file.Files.writeString(databases.routerFile(R), "garbage ".repeat(100));

        assertThatThrownBy(() -> store.list(R, Optional.empty(), PageRequest.first(10)))
                .isInstanceOfSatisfying(StateException.Storage.class, e -> assertThat(e.quarantined()).isTrue());
        assertThatThrownBy(() -> store.find(R, ResourceId.random()))
                .isInstanceOfSatisfying(StateException.Storage.class, e -> assertThat(e.quarantined()).isTrue());
        var other = Resource.create(ResourceId.random(), OTHER, ResourceKind.VLAN, Fields.of("name", "x"), Relationships.NONE,
                Platform.MIKROTIK, clock.instant(), "alice");
        create(other);
        assertThat(store.find(OTHER, other.id())).isPresent();
    }

    @Test
    void ofTwoConcurrentWritersOfOneVersionExactlyOneWins() throws Exception {
        var v = vlan("vlan10", 10);
        create(v);
        int writers = 6;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            var results = new ArrayList<java.util.concurrent.Future<String>>();
            for (int i = 0; i < writers; i++) {
                long id = i;
                results.add(pool.submit(() -> {
                    start.await();
                    var next = v.withConfiguration(v.configuration().with("vlanId", 100L + id), clock.instant(), "w" + id);
                    try {
                        store.commit(ChangeSet.of(R, "w" + id, clock.instant(), new ResourceChange.Put(next, ChangeType.CONFIGURED)));
                        return "won";
                    } catch (StateException.Conflict e) {
                        return "conflict";
                    }
                }));
            }
            start.countDown();
            var outcomes = new ArrayList<String>();
            for (var f : results) outcomes.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertThat(outcomes).containsOnlyOnce("won");
            assertThat(outcomes).filteredOn("conflict"::equals).hasSize(writers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.find(R, v.id()).orElseThrow().metadata().version()).isEqualTo(2);
        assertThat(store.history(R, v.id())).hasSize(2);
    }
}

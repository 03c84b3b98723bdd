package com.nasnetconnect.storage.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.ChangeSet;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Impact;
import com.nasnetconnect.domain.state.ImpactedResource;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceChange;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceService;
import com.nasnetconnect.domain.state.StateException;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Impact analysis and deletes through {@link ResourceService}, on real router databases. */
@Timeout(60)
class ImpactAndDeleteTest {
    static final RouterId R = new RouterId("office");
    static final Principal ALICE = new Principal("alice", Role.OPERATOR, false);

    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
    DatabaseManager databases;
    SqliteResourceStore store;
    ResourceEventBus bus;
    ResourceService service;

    @BeforeEach
    void open() {
        databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
        store = new SqliteResourceStore(databases);
        bus = new ResourceEventBus();
        service = new ResourceService(store, bus, clock);
    }

    @AfterEach
    void close() {
        databases.close();
    }

    Resource make(ResourceKind kind, String name, Resource... dependsOn) {
        return service.create(ALICE, R, kind, Fields.of("name", name),
                Relationships.dependsOn(java.util.Arrays.stream(dependsOn).map(Resource::id).toArray(ResourceId[]::new)));
    }

    @Test
    void impactListsEveryTransitiveDependentNearestFirst() {
        var bridge = make(ResourceKind.BRIDGE, "bridge1");
        var vlan = make(ResourceKind.VLAN, "vlan10", bridge);
        var ip = make(ResourceKind.IP_ADDRESS, "ip10", vlan);
        var filter = make(ResourceKind.FIREWALL_FILTER, "allow-vlan10", vlan);
        var dhcp = make(ResourceKind.DHCP_SERVER, "dhcp10", ip);
        var unrelated = make(ResourceKind.BRIDGE, "bridge2");

        Impact impact = service.impactOfDeleting(R, bridge.id());

        assertThat(impact.target()).isEqualTo(bridge.id());
        assertThat(impact.affected()).extracting(ImpactedResource::name).containsExactlyInAnyOrder("vlan10", "ip10", "allow-vlan10", "dhcp10");
        assertThat(impact.affected().getFirst().name()).isEqualTo("vlan10");
        assertThat(impact.affected().getFirst().depth()).isEqualTo(1);
        assertThat(impact.affected()).filteredOn(a -> a.name().equals("dhcp10")).singleElement().satisfies(a -> {
            assertThat(a.depth()).isEqualTo(3);
            assertThat(a.via()).isEqualTo(ip.id());
            assertThat(a.kind()).isEqualTo(ResourceKind.DHCP_SERVER);
        });
        assertThat(impact.affected()).extracting(ImpactedResource::id).doesNotContain(unrelated.id(), bridge.id());
        assertThat(service.impactOfDeleting(R, dhcp.id()).safeToDelete()).isTrue();
        assertThat(service.impactOfDeleting(R, filter.id()).safeToDelete()).isTrue();
    }

    @Test
    void impactTerminatesOnCyclesAndListsEachResourceOnce() {
        var a = make(ResourceKind.ROUTING_TABLE, "a");
        var b = make(ResourceKind.ROUTE, "b", a);
        var c = make(ResourceKind.ROUTE, "c", b);
        // close the loop: a depends on c (a -> c -> b -> a)
        var a2 = a.withDependsOn(Set.of(c.id()), clock.instant(), "alice");
        service.commit(ALICE, ChangeSet.of(R, "alice", clock.instant(), new ResourceChange.Put(a2, ChangeType.RELATIONSHIPS_CHANGED)));
        // and a two-node cycle hanging off b
        var d = make(ResourceKind.ROUTE, "d", b);
        var d2 = d; // d depends on b; b will depend on d too
        var bNow = store.find(R, b.id()).orElseThrow();
        var b2 = bNow.withDependsOn(Set.of(a.id(), d2.id()), clock.instant(), "alice");
        service.commit(ALICE, ChangeSet.of(R, "alice", clock.instant(), new ResourceChange.Put(b2, ChangeType.RELATIONSHIPS_CHANGED)));

        Impact impact = service.impactOfDeleting(R, a.id());

        assertThat(impact.affected()).extracting(ImpactedResource::name).containsExactly("b", "c", "d");
        assertThat(impact.affected()).extracting(ImpactedResource::depth).containsExactly(1, 2, 2);
        assertThat(service.impactOfDeleting(R, c.id()).affected()).extracting(ImpactedResource::name).containsExactlyInAnyOrder("a", "b", "d");
    }

    @Test
    void deleteWithDependentsIsRefusedWithTheirList() {
        var bridge = make(ResourceKind.BRIDGE, "bridge1");
        make(ResourceKind.VLAN, "vlan10", bridge);
        var events = new ArrayList<ResourceEvent>();
        bus.subscribe(events::add);

        assertThatThrownBy(() -> service.delete(ALICE, R, bridge.id(), false))
                .isInstanceOfSatisfying(StateException.HasDependents.class,
                        e -> assertThat(e.impact().affected()).extracting(ImpactedResource::name).containsExactly("vlan10"))
                .hasMessageContaining("vlan10").hasMessageContaining("cascade");

        assertThat(store.find(R, bridge.id())).isPresent();
        assertThat(events).isEmpty();
    }

    @Test
    void cascadeDeletesDependentsFirstInOneTransactionThenPublishes() {
        var bridge = make(ResourceKind.BRIDGE, "bridge1");
        var vlan = make(ResourceKind.VLAN, "vlan10", bridge);
        var ip = make(ResourceKind.IP_ADDRESS, "ip10", vlan);
        var keep = make(ResourceKind.BRIDGE, "bridge2");
        var seenAtDelivery = new ArrayList<Boolean>();
        var delivered = new ArrayList<ResourceEvent>();
        bus.subscribe(R, e -> {
            delivered.add(e);
            // published after commit: the store already shows the whole cascade done
            seenAtDelivery.add(store.find(R, bridge.id()).isEmpty() && store.find(R, ip.id()).isEmpty());
        });

        List<ResourceEvent> events = service.delete(ALICE, R, bridge.id(), true);

        assertThat(events).extracting(ResourceEvent::resourceId).containsExactly(ip.id(), vlan.id(), bridge.id());
        assertThat(events).allSatisfy(e -> assertThat(e.type()).isEqualTo(ChangeType.DELETED));
        assertThat(delivered).isEqualTo(events);
        assertThat(seenAtDelivery).containsOnly(true);
        assertThat(store.find(R, keep.id())).isPresent();
        assertThat(store.list(R, Optional.empty(), com.nasnetconnect.domain.state.PageRequest.first(10)).items())
                .extracting(Resource::id).containsExactly(keep.id());
    }

    @Test
    void nothingIsPublishedWhenTheCommitFails() {
        var v = make(ResourceKind.VLAN, "vlan10");
        var delivered = new ArrayList<ResourceEvent>();
        bus.subscribe(delivered::add);
        var stale = v.withConfiguration(Fields.of("name", "x"), clock.instant(), "alice");
        service.commit(ALICE, ChangeSet.of(R, "alice", clock.instant(), new ResourceChange.Put(stale, ChangeType.CONFIGURED)));
        delivered.clear();

        assertThatThrownBy(() -> service.commit(ALICE, ChangeSet.of(R, "alice", clock.instant(), new ResourceChange.Put(stale, ChangeType.CONFIGURED))))
                .isInstanceOf(StateException.Conflict.class);
        assertThat(delivered).isEmpty();
    }

    @Test
    void aViewerMayAnalyseButNotDelete() {
        var bridge = make(ResourceKind.BRIDGE, "bridge1");
        var viewer = new Principal("victor", Role.VIEWER, false);

        assertThat(service.impactOfDeleting(R, bridge.id()).safeToDelete()).isTrue();
        assertThatThrownBy(() -> service.delete(viewer, R, bridge.id(), false)).isInstanceOf(AccessDeniedException.class);
        assertThat(store.find(R, bridge.id())).isPresent();
    }

    @Test
    void reconfigureWithAStaleVersionIsRefused() {
        var v = make(ResourceKind.VLAN, "vlan10");
        var updated = service.reconfigure(ALICE, R, v.id(), 1, Fields.of("name", "vlan11"));
        assertThat(updated.metadata().version()).isEqualTo(2);
        assertThat(updated.validation().validated()).isFalse();

        assertThatThrownBy(() -> service.reconfigure(ALICE, R, v.id(), 1, Fields.of("name", "vlan12")))
                .isInstanceOf(StateException.Conflict.class).hasMessageContaining("version 2");
    }

    @Test
    void impactOfAnUnknownResourceNamesIt() {
        var ghost = ResourceId.random();
        assertThatThrownBy(() -> service.impactOfDeleting(R, ghost))
                .isInstanceOf(StateException.NotFound.class).hasMessageContaining(ghost.toString());
    }
}

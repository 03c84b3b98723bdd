package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.Fixtures.ROUTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.EventLog;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.NoSuchResource;
import com.nasnetconnect.domain.state.Page;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The in-port for reading, over the in-memory router and store: by uuid alone, time travel, events newest first. */
class ResourceQueriesTest {
    static final Principal VIEWER = new Principal("vera", Role.VIEWER, false);
    static final Principal OPERATOR = new Principal("otto", Role.OPERATOR, false);

    /** Stands still until the test moves it. */
    static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        Instant advance() {
            now = now.plus(Duration.ofMinutes(1));
            return now;
        }

        @Override public Instant instant() { return now; }
        @Override public ZoneId getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
    }

    final StepClock clock = new StepClock();
    final FakeRouter router = Fixtures.router();
    final InMemoryResourceStore store = new InMemoryResourceStore();
    final EventLog log = new EventLog() {
        @Override
        public List<ResourceEvent> history(RouterId r, ResourceId id) {
            return store.events.stream().filter(e -> e.routerId().equals(r) && e.resourceId().equals(id)).toList();
        }

        @Override
        public Page<ResourceEvent> events(RouterId r, Optional<Instant> since, Optional<Instant> until, PageRequest page) {
            return new Page<>(store.events.stream().filter(e -> e.routerId().equals(r)
                    && since.map(s -> !e.at().isBefore(s)).orElse(true) && until.map(u -> e.at().isBefore(u)).orElse(true)).toList(),
                    Optional.empty(), false);
        }
    };
    final InMemoryRouters routers = new InMemoryRouters().with(ROUTER);
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final ResourceEventBus bus = new ResourceEventBus();
    final ApplyConfirmMergeService apply = new ApplyConfirmMergeService(router, new StateApplyLedger(store, bus, specs, clock),
            specs, new BasicSchemaRules(specs), LinkLossGuard.NONE, clock);
    final ResourceLocator locator = new ResourceLocator(routers, store, bus);
    final ResourceChanges changes = new ResourceChanges(apply, routers, store, bus, locator);
    final ResourceQueries queries = new ResourceQueries(routers, store, log, locator, bus);

    ResourceId vlan(String name, int id) {
        return changes.create(OPERATOR, ROUTER.id(), ResourceKind.VLAN, Fields.of("name", name, "vlanId", String.valueOf(id),
                "interface", "ether1")).id();
    }

    @Test
    void aViewerFindsAResourceByItsUuidAloneAlsoWhenTheIndexHasNotSeenIt() {
        var id = vlan("v10", 10);
        var fresh = new ResourceQueries(routers, store, log, new ResourceLocator(routers, store), bus);

        assertThat(queries.get(VIEWER, id)).hasValueSatisfying(r -> assertThat(r.routerId()).isEqualTo(ROUTER.id()));
        assertThat(fresh.get(VIEWER, id)).hasValueSatisfying(r -> assertThat(r.configuration().string("name")).contains("v10"));
        assertThat(queries.get(VIEWER, ResourceId.random())).isEmpty();
    }

    @Test
    void aResourceIsShownAsItWasAtAnInstantAndItsHistoryOutlivesIt() {
        Instant beforeCreate = clock.instant();
        clock.advance();
        var id = vlan("v10", 10);
        Instant afterCreate = clock.advance();
        clock.advance();
        changes.update(OPERATOR, id, ResourceKind.VLAN, Fields.of("vlanId", "20"));
        Instant afterUpdate = clock.advance();
        clock.advance();
        changes.delete(OPERATOR, id, false);
        Instant afterDelete = clock.advance();

        assertThat(queries.at(VIEWER, id, beforeCreate)).isEmpty();
        assertThat(queries.at(VIEWER, id, afterCreate)).hasValueSatisfying(r -> assertThat(r.configuration().string("vlanId")).contains("10"));
        assertThat(queries.at(VIEWER, id, afterUpdate)).hasValueSatisfying(r -> assertThat(r.configuration().string("vlanId")).contains("20"));
        assertThat(queries.at(VIEWER, id, afterDelete)).isEmpty();
        assertThat(queries.history(VIEWER, id)).extracting(ResourceEvent::type)
                .containsExactly(ChangeType.CREATED, ChangeType.DEPLOYED, ChangeType.DELETED);
        assertThat(queries.get(VIEWER, id)).isEmpty();
    }

    @Test
    void eventsComeNewestFirstAPageAtATime() {
        var ids = List.of(vlan("v1", 1), vlan("v2", 2), vlan("v3", 3));

        var first = queries.newestEvents(VIEWER, ROUTER.id(), Optional.empty(), Optional.empty(), Long.MAX_VALUE, 2);
        assertThat(first.items()).extracting(ResourceEvent::resourceId).containsExactly(ids.get(2), ids.get(1));
        assertThat(first.hasNextPage()).isTrue();
        var second = queries.newestEvents(VIEWER, ROUTER.id(), Optional.empty(), Optional.empty(),
                first.items().getLast().sequence(), 2);
        assertThat(second.items()).extracting(ResourceEvent::resourceId).containsExactly(ids.get(0));
        assertThat(second.hasNextPage()).isFalse();
        assertThatThrownBy(() -> queries.newestEvents(VIEWER, ROUTER.id(), Optional.empty(), Optional.empty(), Long.MAX_VALUE, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("first must be 1..1000: 0");
    }

    @Test
    void aRouterIsListedAndCountedAndAnUnknownOneIsNoSuchRouter() {
        vlan("v1", 1);
        vlan("v2", 2);

        assertThat(queries.list(VIEWER, ROUTER.id(), Optional.of(ResourceKind.VLAN), PageRequest.first(10)).items()).hasSize(2);
        assertThat(queries.count(VIEWER, ROUTER.id(), Optional.empty())).isEqualTo(2);
        assertThatThrownBy(() -> queries.count(VIEWER, new RouterId("nowhere"), Optional.empty()))
                .isInstanceOf(NoSuchRouter.class).hasMessage("no router 'nowhere'");
        assertThatThrownBy(() -> queries.follow(VIEWER, new RouterId("nowhere"), e -> { })).isInstanceOf(NoSuchRouter.class);
    }

    @Test
    void theImpactOfAnUnknownUuidIsNoSuchResourceAndFollowersSeeEveryCommittedChange() {
        assertThatThrownBy(() -> queries.impact(VIEWER, ResourceId.random())).isInstanceOf(NoSuchResource.class);
        var seen = new ArrayList<ResourceEvent>();

        try (var following = queries.follow(VIEWER, ROUTER.id(), seen::add)) {
            var id = vlan("v10", 10);
            assertThat(queries.impact(VIEWER, id).requiresCascade()).isFalse();
        }
        vlan("v11", 11);

        assertThat(seen).singleElement().satisfies(e -> assertThat(e.type()).isEqualTo(ChangeType.CREATED));
    }
}

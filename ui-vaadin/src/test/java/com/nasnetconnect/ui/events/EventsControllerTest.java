package com.nasnetconnect.ui.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventIds;
import com.nasnetconnect.domain.events.EventTier;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.events.ResourceChangeEvents;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.FieldDifference;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.Platform;
import com.nasnetconnect.domain.state.Relationships;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.ui.events.EventsController.EventRow;
import com.nasnetconnect.ui.events.EventsController.Window;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventsControllerTest {
    static final RouterId LAB = new RouterId("lab");
    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Vienna");

    final MemoryEventLog log = new MemoryEventLog();
    final Map<ResourceId, List<ResourceEvent>> histories = new HashMap<>();
    final EventsController c = new EventsController(log, id -> histories.getOrDefault(id, List.of()),
            id -> id.equals(LAB) ? Optional.of("Lab router") : Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC), ZONE, 2);

    LoggedEvent at(int minutesAgo, EventClass cls, String type) {
        return log.record(LAB, cls, type, NOW.minus(Duration.ofMinutes(minutesAgo)), "alice", Map.of());
    }

    static List<String> ids(EventsController.State s) {
        return s.rows().stream().map(EventRow::id).toList();
    }

    @Test
    void theFiltersBecomeTheEventQueryOfTheRouter() {
        c.open("lab");
        c.classes(Set.of(EventClass.CRITICAL, EventClass.NORMAL));
        c.types(Set.of("resource.created", "service.installed"));
        c.window(Window.LAST_DAY);

        var q = log.lastQuery;
        assertThat(q.routerId()).contains(LAB);
        assertThat(q.classes()).containsExactlyInAnyOrder(EventClass.CRITICAL, EventClass.NORMAL);
        assertThat(q.types()).containsExactlyInAnyOrder("resource.created", "service.installed");
        assertThat(q.since()).contains(NOW.minus(Duration.ofDays(1)));
        assertThat(q.until()).isEmpty();
        assertThat(q.first()).isEqualTo(2);
        assertThat(q.after()).isEmpty();
        assertThat(c.state().filter().window()).isEqualTo(Window.LAST_DAY);
    }

    @Test
    void aCustomRangeIsReadInThePagesZoneAndABackwardsOneIsRefusedNamingBothTimes() {
        c.open("lab");
        c.range(Optional.of(LocalDateTime.parse("2026-03-10T08:00")), Optional.of(LocalDateTime.parse("2026-03-10T09:30")));
        assertThat(log.lastQuery.since()).contains(Instant.parse("2026-03-10T07:00:00Z"));
        assertThat(log.lastQuery.until()).contains(Instant.parse("2026-03-10T08:30:00Z"));

        var before = log.lastQuery;
        c.range(Optional.of(LocalDateTime.parse("2026-03-10T10:00")), Optional.of(LocalDateTime.parse("2026-03-10T09:00")));
        assertThat(c.state().notice()).hasValueSatisfying(n -> assertThat(n.text())
                .isEqualTo("From 2026-03-10 10:00:00 must be before to 2026-03-10 09:00:00."));
        assertThat(log.lastQuery).as("nothing asked of the log").isSameAs(before);
    }

    @Test
    void pagesGoOlderAndBackNewestFirst() {
        var e1 = at(50, EventClass.NORMAL, "router.reachable");
        var e2 = at(40, EventClass.NORMAL, "router.reachable");
        var e3 = at(30, EventClass.NORMAL, "router.reachable");
        var e4 = at(20, EventClass.NORMAL, "router.reachable");
        var e5 = at(10, EventClass.NORMAL, "router.reachable");
        c.open("lab");
        assertThat(ids(c.state())).containsExactly(e5.id(), e4.id());
        assertThat(c.state().hasOlder()).isTrue();
        assertThat(c.state().hasNewer()).isFalse();

        c.older();
        assertThat(ids(c.state())).containsExactly(e3.id(), e2.id());
        assertThat(c.state().page()).isEqualTo(2);
        c.older();
        assertThat(ids(c.state())).containsExactly(e1.id());
        assertThat(c.state().hasOlder()).isFalse();
        c.newer();
        assertThat(ids(c.state())).containsExactly(e3.id(), e2.id());
        c.newer();
        assertThat(ids(c.state())).containsExactly(e5.id(), e4.id());
        assertThat(c.state().page()).isEqualTo(1);
    }

    @Test
    void aLiveEventGoesOnTopOnlyOfTheNewestPageAndIsCountedOnOlderOnes() {
        at(30, EventClass.NORMAL, "router.reachable");
        var e2 = at(20, EventClass.NORMAL, "router.reachable");
        var e3 = at(10, EventClass.NORMAL, "router.reachable");
        c.open("lab");
        var rendered = new ArrayList<EventsController.State>();
        try (var watching = c.subscribe(rendered::add)) {
            var live = log.record(LAB, EventClass.CRITICAL, "resource.created", NOW.plusSeconds(1), "bob", Map.of("kind", "VLAN", "label", "VLAN guest"));
            assertThat(ids(c.state())).containsExactly(live.id(), e3.id());
            assertThat(c.state().rows().getFirst().subject()).isEqualTo("VLAN guest");
            assertThat(c.state().hasOlder()).isTrue();

            c.older();
            var page2 = ids(c.state());
            assertThat(page2).containsExactly(e2.id(), log.events.getFirst().id());
            log.record(LAB, EventClass.CRITICAL, "resource.deleted", NOW.plusSeconds(2), "bob", Map.of("kind", "VLAN"));
            log.record(LAB, EventClass.CRITICAL, "resource.deleted", NOW.plusSeconds(3), "bob", Map.of("kind", "VLAN"));
            assertThat(ids(c.state())).as("the page being read stays still").isEqualTo(page2);
            assertThat(c.state().newEvents()).isEqualTo(2);

            c.newest();
            assertThat(c.state().newEvents()).isZero();
            assertThat(c.state().page()).isEqualTo(1);
            assertThat(c.state().rows().getFirst().action()).isEqualTo("deleted");
        }
        assertThat(log.followers).as("nobody watches: no follow").isEmpty();
    }

    @Test
    void aPageOpensWithCriticalAndNormalEventsOnly() {
        at(2, EventClass.LOW, "telemetry.router");
        var normal = at(1, EventClass.NORMAL, "router.reachable");
        c.open("lab");
        assertThat(c.state().filter().classes()).containsExactlyInAnyOrder(EventClass.CRITICAL, EventClass.NORMAL);
        assertThat(ids(c.state())).containsExactly(normal.id());
    }

    @Test
    void aLiveEventTheFiltersExcludeIsNotShown() {
        c.open("lab");
        try (var watching = c.subscribe(s -> { })) {
            c.classes(Set.of(EventClass.CRITICAL));
            assertThat(log.followers).hasSize(1);
            log.record(LAB, EventClass.LOW, "telemetry.router", NOW.plusSeconds(1), "telemetry", Map.of());
            assertThat(c.state().rows()).isEmpty();
            log.record(LAB, EventClass.CRITICAL, "service.uninstalled", NOW.plusSeconds(2), "system", Map.of("interface", "nnc-tor-usa"));
            assertThat(c.state().rows()).extracting(EventRow::subject).containsExactly("service nnc-tor-usa");
        }
    }

    @Test
    void eachEventNamesItsObjectInWordsNeverByUuidAndWhoDidIt() {
        var vlan = Resource.create(ResourceId.random(), LAB, ResourceKind.VLAN, Fields.of("name", "guest", "vlanId", 30L,
                "interface", "bridge1"), Relationships.NONE, Platform.MIKROTIK, NOW, "alice");
        var deleted = new ResourceEvent(12, LAB, vlan.id(), ResourceKind.VLAN, ChangeType.DELETED, NOW, "alice", 2,
                List.of(new FieldDifference("name", Optional.of("guest"), Optional.empty())), Optional.empty());
        log.add(ResourceChangeEvents.of(deleted));
        String uuid = ResourceId.random().toString();
        log.add(new LoggedEvent("res-lab-3", Optional.of(LAB), EventClass.CRITICAL, "resource.configured", NOW.minusSeconds(5), "api-key ci",
                "WIREGUARD_PEER " + uuid + " configured", Map.of("resourceId", uuid, "kind", "WIREGUARD_PEER",
                "changedFields", List.of("endpoint")), EventTier.COLD));

        c.open("lab");

        assertThat(c.state().rows()).extracting(EventRow::subject).containsExactly("VLAN guest", "WireGuard peer");
        assertThat(c.state().rows()).extracting(EventRow::actor).containsExactly("alice", "api-key ci");
        assertThat(c.state().rows()).extracting(EventRow::action).containsExactly("deleted", "changed endpoint");
        assertThat(c.state().rows()).extracting(EventRow::tier).containsExactly("warm", "cold");
        assertThat(c.state().rows()).allSatisfy(r -> assertThat(r.subject() + r.action()).doesNotContain(uuid, vlan.id().toString()));
        assertThat(c.state().rows().getFirst().at()).isEqualTo("2026-03-10 13:00:00");
    }

    @Test
    void theChangesOfAResourceEventShowOldAndNewValuesWithSecretsMasked() {
        var wg = Resource.create(ResourceId.random(), LAB, ResourceKind.WIREGUARD_INTERFACE, Fields.of("name", "wg1",
                "privateKey", "YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWY=", "listenPort", 51821L), Relationships.NONE, Platform.MIKROTIK, NOW, "alice");
        var configured = new ResourceEvent(8, LAB, wg.id(), ResourceKind.WIREGUARD_INTERFACE, ChangeType.CONFIGURED, NOW, "alice", 2,
                List.of(new FieldDifference("listenPort", Optional.of(51820L), Optional.of(51821L)),
                        new FieldDifference("privateKey", Optional.of("b2xkb2xkb2xkb2xkb2xkb2xkb2xkb2xkb2xkb2xkb2w="),
                                Optional.of("YWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXphYmNkZWY="))), Optional.of(wg));
        histories.put(wg.id(), List.of(configured));
        LoggedEvent e = log.add(ResourceChangeEvents.of(configured));
        c.open("lab");
        EventRow row = c.state().rows().getFirst();
        assertThat(row.changes()).isTrue();
        assertThat(row.subject()).isEqualTo("WireGuard interface wg1");

        c.changes(e.id());

        assertThat(c.state().changes().get(e.id())).containsExactly("listenPort: 51820 → 51821",
                "privateKey: " + Redactor.MASK + " → " + Redactor.MASK);
        c.changes(e.id());
        assertThat(c.state().changes()).as("a second click closes them").isEmpty();
    }

    @Test
    void anUnknownRouterIsSaidInWordsAndNothingIsQueried() {
        c.open("nowhere");
        assertThat(c.state().router()).isEmpty();
        assertThat(c.state().notice()).hasValueSatisfying(n -> assertThat(n.text()).isEqualTo("There is no router 'nowhere'."));
        assertThat(log.lastQuery).isNull();
    }

    @Test
    void theTypeFilterOffersTheKnownTypesAndThoseSeen() {
        log.add(new LoggedEvent(EventIds.next(NOW), Optional.of(LAB), EventClass.NORMAL, "custom.thing", NOW, "x", "s", Map.of(), EventTier.HOT));
        c.open("lab");
        assertThat(c.state().typeChoices()).contains("resource.created", "router.unreachable", "custom.thing");
    }
}

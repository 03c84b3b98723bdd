package com.nasnetconnect.domain.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ChangeType;
import com.nasnetconnect.domain.state.ResourceEvent;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceEventBusTest {
    static ResourceEvent deleted(String router, long seq) {
        return new ResourceEvent(seq, new RouterId(router), ResourceId.random(), ResourceKind.VLAN, ChangeType.DELETED,
                Instant.EPOCH, "alice", 1, List.of(), Optional.empty());
    }

    @Test
    void deliversEventsInOrderAndOnlyTheSubscribedRoutersOnes() {
        var bus = new ResourceEventBus();
        var all = new ArrayList<Long>();
        var office = new ArrayList<Long>();
        bus.subscribe(e -> all.add(e.sequence()));
        bus.subscribe(new RouterId("office"), e -> office.add(e.sequence()));

        bus.publish(List.of(deleted("office", 1), deleted("branch", 2), deleted("office", 3)));

        assertThat(all).containsExactly(1L, 2L, 3L);
        assertThat(office).containsExactly(1L, 3L);
    }

    @Test
    void aFailingSubscriberDoesNotStopTheOthers() {
        var bus = new ResourceEventBus();
        var got = new ArrayList<Long>();
        bus.subscribe(e -> { throw new IllegalStateException("broken listener"); });
        bus.subscribe(e -> got.add(e.sequence()));

        bus.publish(List.of(deleted("office", 1), deleted("office", 2)));

        assertThat(got).containsExactly(1L, 2L);
    }

    @Test
    void closingASubscriptionStopsDeliveryToItOnly() {
        var bus = new ResourceEventBus();
        var a = new ArrayList<Long>();
        var b = new ArrayList<Long>();
        java.util.function.Consumer<ResourceEvent> same = e -> a.add(e.sequence());
        var first = bus.subscribe(same);
        bus.subscribe(same);
        bus.subscribe(e -> b.add(e.sequence()));

        first.close();
        first.close();
        bus.publish(List.of(deleted("office", 7)));

        assertThat(a).containsExactly(7L);
        assertThat(b).containsExactly(7L);
        assertThat(bus.subscriberCount()).isEqualTo(2);
    }
}

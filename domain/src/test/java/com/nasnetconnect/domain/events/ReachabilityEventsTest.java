package com.nasnetconnect.domain.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.state.ResourceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReachabilityEventsTest {
    private final List<NewEvent> recorded = new ArrayList<>();
    private final EventJournal journal = new EventJournal() {
        @Override
        public LoggedEvent record(NewEvent event) {
            recorded.add(event);
            return null;
        }

        @Override
        public void recordCommitted(List<ResourceEvent> committed) {
        }
    };

    private static RouterStatus status(boolean reachable, String problem) {
        return new RouterStatus(new RouterId("r1"), "Office", reachable, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.ofNullable(problem),
                Instant.parse("2026-01-31T12:00:00Z"));
    }

    @Test
    void recordsUnreachableWithTheReasonAndReachableAgainNamingTheRouterOnlyOnChanges() {
        var events = new ReachabilityEvents(journal);

        events.accept(List.of(status(true, null)));
        events.accept(List.of(status(true, null)));
        events.accept(List.of(status(false, "connection refused")));
        events.accept(List.of(status(false, "connection refused")));
        events.accept(List.of(status(true, null)));

        assertThat(recorded).extracting(NewEvent::type).containsExactly("router.unreachable", "router.reachable");
        assertThat(recorded).allSatisfy(e -> assertThat(e.eventClass()).isEqualTo(EventClass.NORMAL));
        assertThat(recorded.get(0).summary()).isEqualTo("router 'Office' is unreachable: connection refused");
        assertThat(recorded.get(1).summary()).isEqualTo("router 'Office' is reachable again");
    }

    @Test
    void aRouterFirstSeenUnreachableIsRecorded() {
        new ReachabilityEvents(journal).accept(List.of(status(false, "timeout")));

        assertThat(recorded).extracting(NewEvent::type).containsExactly("router.unreachable");
    }
}

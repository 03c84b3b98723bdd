package com.nasnetconnect.domain.factory;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.domain.events.EventJournal;
import com.nasnetconnect.domain.events.LoggedEvent;
import com.nasnetconnect.domain.events.NewEvent;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ResourceEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ServiceInstanceEventsTest {
    private static final Instant T = Instant.parse("2026-01-31T12:00:00Z");
    private final List<NewEvent> recorded = new ArrayList<>();
    private final ServiceInstanceFeed feed = new ServiceInstanceFeed();

    ServiceInstanceEventsTest() {
        feed.subscribeAll(new ServiceInstanceEvents(new EventJournal() {
            @Override
            public LoggedEvent record(NewEvent event) {
                recorded.add(event);
                return null;
            }

            @Override
            public void recordCommitted(List<ResourceEvent> committed) {
            }
        }));
    }

    private static ServiceInstance pending() {
        return new ServiceInstance(UUID.randomUUID().toString(), new RouterId("r1"), "tor", "deu", "nnc-tor-deu", 101, "10.99.1.0/24",
                InstanceState.PENDING, 0, InstanceHealth.unknown(), List.of(), Map.of("exitCountry", "de"),
                Map.of("password", Secret.of("s3cret-option")), T);
    }

    @Test
    void anInstallIsCriticalItsStateChangesNormalAndItsUninstallCriticalEachNamingTheService() {
        ServiceInstance installed = pending().with(InstanceState.PULLING, 0);

        feed.publish(installed);
        feed.publish(installed.with(InstanceState.RUNNING, 100).with(InstanceHealth.healthy(T)));
        feed.publish(installed.with(InstanceState.RUNNING, 100).with(InstanceHealth.healthy(T.plusSeconds(2))));
        feed.publish(installed.with(InstanceState.DEGRADED, 100).with(InstanceHealth.unhealthy("gateway does not answer", T)));
        feed.publish(installed.with(InstanceState.STOPPED, 0));

        assertThat(recorded).extracting(NewEvent::type)
                .containsExactly("service.installed", "service.state", "service.state", "service.uninstalled");
        assertThat(recorded).extracting(NewEvent::eventClass)
                .containsExactly(EventClass.CRITICAL, EventClass.NORMAL, EventClass.NORMAL, EventClass.CRITICAL);
        assertThat(recorded).allSatisfy(e -> assertThat(e.summary()).contains("'deu'"));
        assertThat(recorded.get(2).summary()).isEqualTo("service 'deu' is degraded, unhealthy: gateway does not answer");
        assertThat(recorded.toString()).doesNotContain("s3cret-option");
    }
}

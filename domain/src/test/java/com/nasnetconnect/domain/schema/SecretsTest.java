package com.nasnetconnect.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.RouterCommand;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretsTest {
    static final String KEY = "KEYAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
    static final RouterId R = new RouterId("office");
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void theSensitiveRouterAttributesAreThoseOfTheSchemasSensitiveFields() {
        assertThat(SchemaTables.sensitiveRouterAttributes()).containsExactlyInAnyOrder("private-key", "preshared-key", "password", "value");
        assertThat(Secrets.configurationFields(ResourceKind.WIREGUARD_INTERFACE)).containsExactly("privateKey");
        assertThat(Secrets.configurationFields(ResourceKind.WIREGUARD_PEER)).containsExactly("presharedKey");
        assertThat(Secrets.configurationFields(ResourceKind.CONTAINER_ENV)).containsExactly("value");
        assertThat(Secrets.configurationFields(ResourceKind.VLAN)).isEmpty();
    }

    @Test
    void routerCommandTextMasksTheValuesOfSensitiveAttributesOnly() {
        var add = RouterCommand.of("/interface/wireguard/add").with("name", "wg0").with("private-key", KEY);
        var login = RouterCommand.of("/login").with("name", "admin").with("password", "hunter2");

        assertThat(add.toString()).startsWith("/interface/wireguard/add ").contains("=private-key=******", "=name=wg0")
                .doesNotContain(KEY);
        assertThat(login.toString()).doesNotContain("hunter2").contains("=name=admin");
    }

    @Test
    void theEventBusDeliversSensitiveConfigurationValuesMaskedInStateAndChanges() {
        var wg = Resource.create(ResourceId.random(), R, ResourceKind.WIREGUARD_INTERFACE,
                Fields.of("name", "wg0", "privateKey", KEY), Relationships.NONE, Platform.MIKROTIK, T, "alice");
        var event = new ResourceEvent(1, R, wg.id(), wg.kind(), ChangeType.CREATED, T, "alice", 1,
                List.of(new FieldDifference("privateKey", Optional.empty(), Optional.of(KEY)),
                        new FieldDifference("name", Optional.empty(), Optional.of("wg0"))),
                Optional.of(wg));
        var bus = new ResourceEventBus();
        var seen = new ArrayList<ResourceEvent>();
        bus.subscribe(seen::add);

        bus.publish(List.of(event));

        assertThat(seen).singleElement().satisfies(e -> {
            assertThat(e.toString()).doesNotContain(KEY);
            assertThat(e.state().orElseThrow().configuration().get("privateKey")).contains(Redactor.MASK);
            assertThat(e.state().orElseThrow().configuration().get("name")).contains("wg0");
            assertThat(e.changes().getFirst().after()).contains(Redactor.MASK);
            assertThat(e.changes().get(1).after()).contains("wg0");
        });
        assertThat(event.state().orElseThrow().configuration().get("privateKey")).as("the committed event is kept").contains(KEY);
    }

    @Test
    void anEventOfAKindWithoutSecretsIsDeliveredAsItIs() {
        var vlan = Resource.create(ResourceId.random(), R, ResourceKind.VLAN, Fields.of("name", "v10"),
                Relationships.NONE, Platform.MIKROTIK, T, "alice");
        var event = new ResourceEvent(1, R, vlan.id(), vlan.kind(), ChangeType.CREATED, T, "alice", 1, List.of(), Optional.of(vlan));

        assertThat(com.nasnetconnect.domain.state.SensitiveState.redact(event)).isSameAs(event);
    }

    @Test
    void scrubbingReplacesEveryOccurrenceOfAKnownSecretValue() {
        assertThat(Secrets.scrub("failure: bad key " + KEY + " (" + KEY + ")", List.of(KEY)))
                .isEqualTo("failure: bad key ****** (******)");
        assertThat(Secrets.scrub("nothing secret", List.of(KEY))).isEqualTo("nothing secret");
    }
}

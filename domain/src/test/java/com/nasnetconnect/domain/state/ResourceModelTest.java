package com.nasnetconnect.domain.state;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.schema.ResourceKinds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.router.RouterId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResourceModelTest {
    static final RouterId R = new RouterId("office");
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void fieldsKeepInsertionOrderAndWidenIntegers() {
        Fields f = Fields.of("name", "vlan10", "vlanId", 10, "enabled", true, "ports", List.of("ether1", "ether2"));

        assertThat(f.values().keySet()).containsExactly("name", "vlanId", "enabled", "ports");
        assertThat(f.values().get("vlanId")).isEqualTo(10L);
        assertThat(f.number("vlanId")).contains(10L);
        assertThat(f.bool("enabled")).contains(true);
        assertThat(f.list("ports")).containsExactly("ether1", "ether2");
        assertThat(f.with("vlanId", 11).values().keySet()).containsExactly("name", "vlanId", "enabled", "ports");
    }

    @Test
    void fieldsRefuseRouterOsNamesNullsAndOddTypesNamingThem() {
        assertThatThrownBy(() -> Fields.of("vlan-id", 10)).hasMessageContaining("'vlan-id'");
        assertThatThrownBy(() -> Fields.of("name", null)).hasMessageContaining("name");
        assertThatThrownBy(() -> Fields.of("ratio", 0.5)).hasMessageContaining("ratio").hasMessageContaining("Double");
        assertThatThrownBy(() -> Fields.of("ports", List.of(1, 2))).hasMessageContaining("ports");
        assertThatThrownBy(() -> Fields.of("vlanId", "ten").number("vlanId")).hasMessageContaining("'ten'");
    }

    @Test
    void diffNamesChangedAddedAndRemovedFields() {
        Fields before = Fields.of("name", "a", "mtu", 1500, "comment", "x");
        Fields after = Fields.of("name", "a", "mtu", 1400, "disabled", true);

        assertThat(before.diff(after)).containsExactly(
                new FieldDifference("mtu", Optional.of(1500L), Optional.of(1400L)),
                new FieldDifference("comment", Optional.of("x"), Optional.empty()),
                new FieldDifference("disabled", Optional.empty(), Optional.of(true)));
    }

    @Test
    void validationCannotAllowApplyWithErrorsOrBeforeValidating() {
        var error = ValidationIssue.of("vlanId", 5000, "vlan-id-range", "VLAN id must be 1..4094");

        assertThat(Validation.of(List.of(error), List.of(), T).canApply()).isFalse();
        assertThat(Validation.of(List.of(), List.of(error), T).canApply()).isTrue();
        assertThat(Validation.notValidated().canApply()).isFalse();
        assertThatThrownBy(() -> new Validation(true, List.of(error), List.of(), Optional.of(T))).hasMessageContaining("vlanId='5000'");
        assertThatThrownBy(() -> new Validation(true, List.of(), List.of(), Optional.empty())).hasMessageContaining("never validated");
    }

    @Test
    void everyIntentChangeBumpsTheVersionButObservationsDoNot() {
        var r = Resource.create(ResourceId.random(), R, ResourceKind.VLAN, Fields.of("name", "v"), Relationships.NONE, Platform.MIKROTIK, T, "alice");
        var validated = r.withValidation(Validation.of(List.of(), List.of(), T), T.plusSeconds(1), "system");
        var reconfigured = validated.withConfiguration(Fields.of("name", "w"), T.plusSeconds(2), "bob");
        var observed = reconfigured.withRuntime(Optional.of(new RuntimeState(true, Fields.EMPTY, T.plusSeconds(3))));

        assertThat(r.metadata().version()).isEqualTo(1);
        assertThat(validated.metadata().version()).isEqualTo(2);
        assertThat(validated.validation().canApply()).isTrue();
        assertThat(reconfigured.metadata().version()).isEqualTo(3);
        assertThat(reconfigured.validation().validated()).as("new intent needs validating again").isFalse();
        assertThat(reconfigured.metadata().updatedBy()).isEqualTo("bob");
        assertThat(reconfigured.metadata().createdBy()).isEqualTo("alice");
        assertThat(observed.metadata()).isEqualTo(reconfigured.metadata());
    }

    @Test
    void aResourceCannotDependOnItself() {
        var id = ResourceId.random();
        assertThatThrownBy(() -> Resource.create(id, R, ResourceKind.VLAN, Fields.EMPTY, Relationships.dependsOn(id), Platform.MIKROTIK, T, "a"))
                .hasMessageContaining(id.toString());
    }

    @Test
    void deploymentNeedsTheRoutersId() {
        assertThatThrownBy(() -> new Deployment(" ", Fields.EMPTY, T, "alice")).hasMessageContaining("' '");
    }

    @Test
    void changeSetRefusesDuplicatesForeignRoutersAndEmptiness() {
        var r = Resource.create(ResourceId.random(), R, ResourceKind.VLAN, Fields.EMPTY, Relationships.NONE, Platform.MIKROTIK, T, "a");
        var put = new ResourceChange.Put(r, ChangeType.CREATED);

        assertThatThrownBy(() -> ChangeSet.of(R, "a", T, put, new ResourceChange.Delete(r.id(), 1))).hasMessageContaining("twice");
        assertThatThrownBy(() -> ChangeSet.of(new RouterId("other"), "a", T, put)).hasMessageContaining("office");
        assertThatThrownBy(() -> new ChangeSet(R, "a", T, List.of())).hasMessageContaining("empty");
        assertThatThrownBy(() -> new ResourceChange.Put(r.withConfiguration(Fields.EMPTY, T, "a"), ChangeType.CREATED))
                .hasMessageContaining("version 1");
    }

    @Test
    void replayFoldsEventsUpToTheInstantAndRefusesDisorder() {
        var r1 = Resource.create(ResourceId.random(), R, ResourceKind.VLAN, Fields.of("name", "a"), Relationships.NONE, Platform.MIKROTIK, T, "x");
        var r2 = r1.withConfiguration(Fields.of("name", "b"), T.plusSeconds(10), "x");
        var created = new ResourceEvent(1, R, r1.id(), r1.kind(), ChangeType.CREATED, T, "x", 1, List.of(), Optional.of(r1));
        var changed = new ResourceEvent(2, R, r1.id(), r1.kind(), ChangeType.CONFIGURED, T.plusSeconds(10), "x", 2, List.of(), Optional.of(r2));
        var deleted = new ResourceEvent(3, R, r1.id(), r1.kind(), ChangeType.DELETED, T.plusSeconds(20), "x", 2, List.of(), Optional.empty());
        var history = List.of(created, changed, deleted);

        assertThat(ResourceReplay.stateAt(history, T.minusNanos(1))).isEmpty();
        assertThat(ResourceReplay.stateAt(history, T.plusSeconds(5))).contains(r1);
        assertThat(ResourceReplay.stateAt(history, T.plusSeconds(10))).contains(r2);
        assertThat(ResourceReplay.stateAt(history, T.plusSeconds(20))).isEmpty();
        assertThatThrownBy(() -> ResourceReplay.stateAt(List.of(changed, created), T.plusSeconds(30))).hasMessageContaining("out of order");
    }

    @Test
    void kindsParseInEitherSpelling() {
        assertThat(ResourceKinds.parse("wireguard-peer")).isEqualTo(ResourceKind.WIREGUARD_PEER);
        assertThat(ResourceKinds.parse("Firewall_Nat")).isEqualTo(ResourceKind.FIREWALL_NAT);
        assertThatThrownBy(() -> ResourceKinds.parse("toaster")).hasMessageContaining("'toaster'");
        assertThat(ResourceKind.values()).hasSize(22);
    }

    @Test
    void telemetrySamplesAreKeptOldestFirstAndMustBeFinite() {
        var t = new Telemetry(List.of(new TelemetrySample(T.plusSeconds(5), Map.of("rx", 2.0)), new TelemetrySample(T, Map.of("rx", 1.0))));
        assertThat(t.samples()).extracting(TelemetrySample::at).containsExactly(T, T.plusSeconds(5));
        assertThatThrownBy(() -> new TelemetrySample(T, Map.of("rx", Double.NaN))).hasMessageContaining("rx");
    }
}

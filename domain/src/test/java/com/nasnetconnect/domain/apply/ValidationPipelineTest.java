package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidationPipelineTest {
    final FakeRouter router = Fixtures.router();
    final FakeLedger ledger = new FakeLedger();
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final ValidationPipeline pipeline = new ValidationPipeline(specs, new BasicSchemaRules(specs), ledger, router);

    @Test
    void outOfRangeVlanIdIsAnErrorNamingFieldAndValue() {
        var v = pipeline.validate(ROUTER, ChangePlan.of("alice", Change.upsert(vlan("v10", 5000))));
        assertThat(v.canApply()).isFalse();
        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("vlanId");
            assertThat(e.value()).isEqualTo("5000");
            assertThat(e.toString()).contains("vlanId='5000'").contains("1..4094");
        });
    }

    @Test
    void aReportBecomesTheResourcesValidationLayer() {
        var v = pipeline.validate(ROUTER, ChangePlan.of("alice", Change.upsert(vlan("v10", 5000))));
        var layer = v.reports().values().iterator().next().toLayer(CLOCK.instant());
        assertThat(layer.canApply()).isFalse();
        assertThat(layer.errors()).singleElement().satisfies(i -> {
            assertThat(i.field()).isEqualTo("vlanId");
            assertThat(i.value()).isEqualTo("5000");
            assertThat(i.code()).isEqualTo("schema");
        });
    }

    @Test
    void invalidConfigurationNeverReachesTheRouter() {
        pipeline.validate(ROUTER, ChangePlan.of("alice", Change.upsert(vlan("v10", 0)),
                Change.upsert(address("10.0.0.300/24", "v10"))));
        assertThat(router.log).isEmpty();
        assertThat(router.writes()).isZero();
    }

    @Test
    void unknownFieldIsRejected() {
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(res(ResourceKind.BRIDGE, "name", "br0", "colour", "red"))));
        assertThat(v.errors()).extracting(ValidationIssue::field).containsExactly("colour");
    }

    @Test
    void referenceToAMissingInterfaceIsAnError() {
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(address("10.0.0.1/24", "vlan99"))));
        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.stage()).isEqualTo("references");
            assertThat(e.field()).isEqualTo("interface");
            assertThat(e.value()).isEqualTo("vlan99");
        });
    }

    @Test
    void referenceToAnInterfaceAlreadyOnTheRouterOrInThePlanIsFine() {
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(address("10.0.0.1/24", "ether2")),
                Change.upsert(address("10.0.1.1/24", "v10")), Change.upsert(vlan("v10", 10))));
        assertThat(v.errors()).isEmpty();
    }

    @Test
    void planIsOrderedByDependenciesAndDryRunListsTheCommands() {
        var addr = address("10.0.1.1/24", "v10");
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(addr), Change.upsert(vlan("v10", 10))));
        assertThat(v.canApply()).isTrue();
        assertThat(v.dryRun()).hasSize(2);
        assertThat(v.dryRun().get(0)).startsWith("/interface/vlan/add").contains("=name=v10", "=vlan-id=10", "=interface=ether1");
        assertThat(v.dryRun().get(1)).startsWith("/ip/address/add").contains("=address=10.0.1.1/24", "=interface=v10");
        assertThat(router.writes()).isZero();
    }

    @Test
    void duplicateNamesAndVlanIdsConflict() {
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(vlan("v10", 10)), Change.upsert(vlan("v10", 10))));
        assertThat(v.errors()).extracting(ValidationIssue::field).contains("name", "vlanId");
        assertThat(v.errors()).allSatisfy(e -> assertThat(e.stage()).isEqualTo("conflicts"));
    }

    @Test
    void overlappingSubnetsConflict() {
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(address("10.0.0.1/24", "ether1")),
                Change.upsert(address("10.0.0.129/25", "ether2"))));
        assertThat(v.errors()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.field()).isEqualTo("address");
            assertThat(e.message()).contains("overlaps");
        });
    }

    @Test
    void subnetOverlappingAnUnmanagedAddressOnTheRouterConflicts() {
        router.row("/ip/address", Map.of("address", "192.168.88.1/24", "interface", "ether2"));
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(address("192.168.88.7/24", "ether1"))));
        assertThat(v.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("192.168.88.1/24"));
    }

    @Test
    void objectAlreadyOnTheRouterButUnmanagedMustBeAdopted() {
        router.row("/interface/bridge", Map.of("name", "br0"));
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(res(ResourceKind.BRIDGE, "name", "br0"))));
        assertThat(v.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("adopt"));
    }

    @Test
    void containerNeedsTheContainerPackage() {
        var veth = res(ResourceKind.VETH, "name", "veth1", "address", "172.17.0.2/24");
        var c = res(ResourceKind.CONTAINER, "remoteImage", "nginx:latest", "interface", "veth1");
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(veth), Change.upsert(c)));
        assertThat(v.errors()).extracting(ValidationIssue::stage).containsOnly("platform");
        assertThat(v.errors()).first().satisfies(e -> assertThat(e.message()).contains("'container'"));

        router.platform = new PlatformInfo("7.16.2", "CHR", "x86_64", Set.of("routeros", "container"));
        var fresh = new ValidationPipeline(specs, new BasicSchemaRules(specs), ledger, router); // platform is cached per pipeline
        assertThat(fresh.validate(ROUTER, ChangePlan.of("a", Change.upsert(veth), Change.upsert(c))).canApply()).isTrue();
    }

    @Test
    void aBadPrivateKeyIsReportedWithoutEchoingIt() {
        var wg = res(ResourceKind.WIREGUARD_INTERFACE, "name", "wg0", "privateKey", "not-a-key-but-secret");
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(wg)));
        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("privateKey");
            assertThat(e.toString()).doesNotContain("not-a-key-but-secret");
        });
    }

    @Test
    void deletingAResourceOthersStillReferenceIsRefused() {
        var v10 = vlan("v10", 10);
        var addr = address("10.0.1.1/24", "v10");
        ledger.put(ROUTER.id(), v10, java.util.Optional.empty());
        ledger.put(ROUTER.id(), addr, java.util.Optional.empty());
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.delete(v10.id())));
        assertThat(v.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("still referenced by IP address '10.0.1.1/24 v10'"));
    }

    @Test
    void aDuplicateNameNamesTheOtherResourceByItsNameNotItsId() {
        var existing = vlan("iot", 10);
        ledger.put(ROUTER.id(), existing, java.util.Optional.empty());

        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(vlan("iot", 11))));

        assertThat(v.errors()).anySatisfy(e -> {
            assertThat(e.field()).isEqualTo("name");
            assertThat(e.message()).isEqualTo("is already used by VLAN 'iot'").doesNotContain(existing.id());
        });
    }

    @Test
    void aMissingInterfaceIsNamedWithTheRouterInPlainWords() {
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(address("10.0.0.1/24", "ether9"))));

        assertThat(v.errors()).singleElement().satisfies(e ->
                assertThat(e.message()).isEqualTo("interface 'ether9' does not exist on router 'lab'"));
    }

    @Test
    void aLongValueIsEchoedShortenedInTheIssueAndItsMessage() {
        String longName = "x".repeat(60);
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(address("10.0.0.1/24", longName))));

        assertThat(v.errors()).singleElement().satisfies(e -> {
            assertThat(e.value()).isEqualTo("x".repeat(32) + "…");
            assertThat(e.message()).contains("'" + "x".repeat(32) + "…'").doesNotContain(longName);
        });
    }
}

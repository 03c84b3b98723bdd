package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.Fixtures.ROUTER;
import static com.nasnetconnect.domain.apply.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.schema.PlatformFieldMap;
import com.nasnetconnect.domain.schema.SchemaTables;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Attributes RouterOS renamed, as the schema states them ({@code @mikrotik(field:, renamedIn:, formerly:)}) and
 * the apply engine uses them: the router's version picks the name on write, read-back and drift.
 */
class RenamedAttributesTest {
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();

    @Test
    void theGeneratedMapNamesEnvListsByNameBefore720AndByListFrom720() {
        var map = SchemaTables.mikrotik();
        assertThat(map.of(ResourceKind.CONTAINER_ENV).renamed()).containsEntry("list", new PlatformFieldMap.Rename("name", "7.20"));
        assertThat(map.on("7.16.2").attribute(ResourceKind.CONTAINER_ENV, "list")).contains("name");
        assertThat(map.on("7.19.9").attribute(ResourceKind.CONTAINER_MOUNT, "list")).contains("name");
        assertThat(map.on("7.20").attribute(ResourceKind.CONTAINER_ENV, "list")).contains("list");
        assertThat(map.on("7.23.3 (stable)").attribute(ResourceKind.CONTAINER_MOUNT, "list")).contains("list");
        assertThat(map.on("8.1").attribute(ResourceKind.CONTAINER, "envlist")).contains("envlists");
        assertThat(map.on("7.16.2").of(ResourceKind.CONTAINER).attributes())
                .containsEntry("envlist", "envlist").containsEntry("mounts", "mounts").containsEntry("interface", "interface");
        assertThat(map.on("7.23.3").of(ResourceKind.CONTAINER).attributes())
                .containsEntry("envlist", "envlists").containsEntry("mounts", "mountlists");
        assertThat(map.on("7.16.2").of(ResourceKind.VLAN)).isEqualTo(map.of(ResourceKind.VLAN));
    }

    @Test
    void aRenameNeedsAMajorMinorVersionAndAFormerName() {
        assertThatThrownBy(() -> new PlatformFieldMap.Rename("name", "seven")).hasMessageContaining("'seven'");
        assertThatThrownBy(() -> new PlatformFieldMap.Rename(" ", "7.20")).hasMessageContaining("former");
        assertThat(new PlatformFieldMap.Rename("name", "7.20").appliesTo("garbage")).isTrue();
    }

    @Test
    void onlyKindsWithARenamedAttributeDependOnTheVersion() {
        assertThat(specs.versionDependent(ResourceKind.CONTAINER_ENV)).isTrue();
        assertThat(specs.versionDependent(ResourceKind.CONTAINER_MOUNT)).isTrue();
        assertThat(specs.versionDependent(ResourceKind.CONTAINER)).isTrue();
        assertThat(specs.versionDependent(ResourceKind.VLAN)).isFalse();
        assertThat(specs.versionDependent(ResourceKind.ROUTING_RULE)).isFalse();
        assertThat(specs.on("7.16.2")).isSameAs(specs.on("7.16.2"));
    }

    @Test
    void aRowReadBackFromEitherVersionGivesTheSchemasFields() {
        assertThat(specs.on("7.16.2").fromRouter(ResourceKind.CONTAINER_ENV, Map.of(".id", "*1", "name", "tor", "key", "A", "value", "1")))
                .containsEntry("list", "tor").containsEntry("key", "A");
        assertThat(specs.on("7.23.3").fromRouter(ResourceKind.CONTAINER_ENV, Map.of(".id", "*1", "list", "tor", "key", "A", "value", "1")))
                .containsEntry("list", "tor");
        assertThat(specs.on("7.23.3").confirmedFromRouter(ResourceKind.CONTAINER_ENV, Map.of("list", "tor", "key", "A", "value", "s3cret")))
                .containsEntry("value", ResourceKindSpecs.fingerprint("s3cret"));
    }

    @Test
    void thePipelineWritesEachVersionsNamesForTheSameEnvAndContainer() {
        for (var v : Map.of("7.16.2", new String[] {"name", "envlist"}, "7.23.3", new String[] {"list", "envlists"}).entrySet()) {
            var router = Fixtures.router().row("/interface/veth", Map.of("name", "veth1", "address", "10.0.0.2/24"));
            router.platform = new PlatformInfo(v.getKey(), "CHR", "x86_64", Set.of("routeros", "container"));
            var pipeline = new ValidationPipeline(specs, new BasicSchemaRules(specs), new FakeLedger(), router);
            var env = res(ResourceKind.CONTAINER_ENV, "list", "tor", "key", "SOCKS5_PORT", "value", "9050");
            var container = res(ResourceKind.CONTAINER, "remoteImage", "heiher/hev-socks5-tunnel:2.14.3", "interface", "veth1",
                    "envlist", "tor");
            var plan = pipeline.validate(ROUTER, ChangePlan.of("otto", Change.upsert(container), Change.upsert(env)));
            assertThat(plan.errors()).as(v.getKey()).isEmpty();
            assertThat(plan.steps()).extracting(s -> s.command().path()).as(v.getKey())
                    .containsExactly("/container/envs/add", "/container/add");
            assertThat(plan.steps().get(0).command().attributes()).as(v.getKey()).containsEntry(v.getValue()[0], "tor")
                    .containsEntry("key", "SOCKS5_PORT");
            assertThat(plan.steps().get(1).command().attributes()).as(v.getKey()).containsEntry(v.getValue()[1], "tor");
        }
    }

    @Test
    void aBlackholeRouteNeedsNoGatewayButAnyOtherRouteDoes() {
        var rules = new BasicSchemaRules(specs);
        assertThat(rules.check("r1", ResourceKind.ROUTE, Map.of("dstAddress", "0.0.0.0/0", "blackhole", "yes", "distance", "250")))
                .isEmpty();
        assertThat(rules.check("r2", ResourceKind.ROUTE, Map.of("dstAddress", "0.0.0.0/0", "distance", "1")))
                .singleElement().satisfies(i -> {
                    assertThat(i.field()).isEqualTo("gateway");
                    assertThat(i.message()).contains("ROUTE", "blackhole");
                });
        assertThat(rules.check("r3", ResourceKind.ROUTE, Map.of("dstAddress", "0.0.0.0/0", "gateway", "10.0.0.1", "checkGateway", "ping")))
                .isEmpty();
    }
}

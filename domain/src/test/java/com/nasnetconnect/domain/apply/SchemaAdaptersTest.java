package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.FieldRule;
import com.nasnetconnect.domain.schema.PlatformFieldMap;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schema-driven field mapping and rules, as the server builds them from schema.graphql's directives. */
class SchemaAdaptersTest {
    static final com.nasnetconnect.domain.schema.types.ResourceKind S_VLAN = com.nasnetconnect.domain.schema.types.ResourceKind.VLAN;
    static final com.nasnetconnect.domain.schema.types.ResourceKind S_WG = com.nasnetconnect.domain.schema.types.ResourceKind.WIREGUARD_INTERFACE;

    final PlatformFieldMap mikrotik = new PlatformFieldMap("mikrotik", Map.of(
            S_VLAN, new PlatformFieldMap.KindMap("/interface/vlan", ordered("name", "name", "vlanId", "vlan-id", "interface", "interface", "mtu", "mtu")),
            S_WG, new PlatformFieldMap.KindMap("/interface/wireguard", ordered("name", "name", "privateKey", "private-key"))));
    final com.nasnetconnect.domain.apply.SchemaFieldMapping mapping = new com.nasnetconnect.domain.apply.SchemaFieldMapping(
            mikrotik, new com.nasnetconnect.domain.schema.Redactor(Map.of("WireguardInterfaceConfig", Set.of("privateKey")),
                    (who, subject, field, reason, at) -> { }, java.time.Clock.systemUTC()));

    static Map<String, String> ordered(String... kv) {
        var m = new LinkedHashMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }

    static FieldRule rule(String field, boolean required, boolean list, Double min, Double max, Integer maxLength, Integer maxItems) {
        return new FieldRule(field, required, list, false, min, max, null, maxLength, null, null, null, null, maxItems, null);
    }

    final ValidationRules rules = new ValidationRules(Map.of(
            "VlanInput", Map.of(
                    "name", rule("name", true, false, null, null, 15, null),
                    "vlanId", rule("vlanId", true, false, 1.0, 4094.0, null, null),
                    "interface", rule("interface", true, false, null, null, 64, null)),
            "IpPoolInput", Map.of(
                    "name", rule("name", true, false, null, null, 15, null),
                    "ranges", rule("ranges", true, true, null, null, null, 2))), Map.of());

    @Test
    void theSchemaMappingTranslatesFieldsAndMarksSensitiveOnesSecret() {
        assertThat(mapping.attribute(ResourceKind.VLAN, "vlanId")).isEqualTo("vlan-id");
        assertThat(mapping.byDomainField(ResourceKind.WIREGUARD_INTERFACE, "privateKey")).get()
                .satisfies(b -> assertThat(b.secret()).isTrue());
        assertThat(mapping.bindings(ResourceKind.ROUTE)).isEmpty();
    }

    @Test
    void aPipelineOnTheSchemaMappingPlansRouterAttributes() {
        var specs = ResourceKindSpecs.defaults(mapping);
        var router = Fixtures.router();
        var pipeline = new ValidationPipeline(specs, new com.nasnetconnect.domain.apply.SchemaRulesAdapter(rules), new FakeLedger(), router);
        var v = pipeline.validate(ROUTER, ChangePlan.of("a", Change.upsert(vlan("v10", 10))));
        assertThat(v.errors()).isEmpty();
        assertThat(v.dryRun()).singleElement().asString().contains("=vlan-id=10");
    }

    @Test
    void schemaRulesCheckTextValuesAsTheTypesTheirRulesExpect() {
        var schema = new com.nasnetconnect.domain.apply.SchemaRulesAdapter(rules);
        assertThat(schema.check("r1", ResourceKind.VLAN, Map.of("name", "v10", "vlanId", "5000", "interface", "ether1")))
                .singleElement().satisfies(i -> {
                    assertThat(i.field()).isEqualTo("vlanId");
                    assertThat(i.value()).isEqualTo("5000");
                    assertThat(i.message()).contains("4094");
                });
        assertThat(schema.check("r1", ResourceKind.VLAN, Map.of("name", "a-name-longer-than-15", "vlanId", "10", "interface", "e1")))
                .extracting(ValidationIssue::field).containsExactly("name");
        assertThat(schema.check("r2", ResourceKind.IP_POOL, Map.of("name", "p", "ranges", "10.0.0.1-10.0.0.2,10.0.1.1-10.0.1.2,10.0.2.1-10.0.2.2")))
                .extracting(ValidationIssue::field).containsExactly("ranges");
        assertThat(schema.check("r3", ResourceKind.VLAN, Map.of("name", "v10"))).extracting(ValidationIssue::field)
                .containsExactlyInAnyOrder("vlanId", "interface");
        assertThat(schema.check("r4", ResourceKind.ROUTE, Map.of("dstAddress", "x"))).isEmpty(); // no input type: no rules
    }

    @Test
    void combinedRulesReportOneProblemPerField() {
        var specs = ResourceKindSpecs.defaults();
        var both = new BasicSchemaRules(specs).and(new com.nasnetconnect.domain.apply.SchemaRulesAdapter(rules));
        var issues = both.check("r1", ResourceKind.VLAN, Map.of("name", "v10", "vlanId", "5000", "interface", "ether1"));
        assertThat(issues).extracting(ValidationIssue::field).containsExactly("vlanId");
        assertThat(both.check("r1", ResourceKind.VLAN, Map.of("name", "abcdefghijklmnopq", "vlanId", "10", "interface", "ether1")))
                .extracting(ValidationIssue::field).containsExactly("name");
    }
}

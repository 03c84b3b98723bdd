package com.nasnetconnect.server.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import graphql.language.FieldDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.ObjectTypeDefinition;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class SchemaDirectivesTest {
    private final SchemaDirectives schema = TestServer.directives();
    private final graphql.schema.idl.TypeDefinitionRegistry parsed = schema.registry();

    @Test
    void everyResourceKindHasAResourceTypeAConfigurationAnInputAndCreateAndUpdateMutations() {
        var registry = schema.registry();
        var mutation = registry.getType("Mutation", ObjectTypeDefinition.class).orElseThrow();
        var mutations = mutation.getFieldDefinitions().stream().map(FieldDefinition::getName).toList();
        for (ResourceKind kind : ResourceKind.values()) {
            String type = SchemaDirectives.typeName(kind);
            var resource = registry.getType(type, ObjectTypeDefinition.class);
            assertThat(resource).as(type).isPresent();
            assertThat(resource.get().getImplements().toString()).as(type).contains("Resource");
            assertThat(registry.getType(type + "Config", ObjectTypeDefinition.class)).as(type + "Config").isPresent();
            assertThat(registry.getType(type + "Input", InputObjectTypeDefinition.class)).as(type + "Input").isPresent();
            assertThat(mutations).as("mutations of " + kind).contains("create" + type, "update" + type);
        }
    }

    /** The schema is held for the server's life: its nodes share the one empty source location; descriptions stay. */
    @Test
    void theHeldSchemaKeepsDescriptionsButNoSourceLocations() {
        var query = parsed.getType("Query", ObjectTypeDefinition.class).orElseThrow();
        var eventLog = query.getFieldDefinitions().stream().filter(f -> f.getName().equals("eventLog")).findFirst().orElseThrow();
        assertThat(eventLog.getDescription().getContent()).contains("newest first");
        assertThat(eventLog.getSourceLocation()).isSameAs(graphql.language.SourceLocation.EMPTY);
        assertThat(query.getSourceLocation()).isSameAs(graphql.language.SourceLocation.EMPTY);
        assertThat(eventLog.getInputValueDefinitions().getFirst().getSourceLocation()).isSameAs(graphql.language.SourceLocation.EMPTY);
    }

    @Test
    void everyInputFieldIsAConfigurationFieldWithTheSameRules() {
        var rules = schema.validationRules();
        var registry = parsed;
        for (ResourceKind kind : ResourceKind.values()) {
            String type = SchemaDirectives.typeName(kind);
            var config = registry.getType(type + "Config", ObjectTypeDefinition.class).orElseThrow();
            for (var rule : rules.rules(type + "Input").values()) {
                var field = config.getFieldDefinitions().stream().filter(f -> f.getName().equals(rule.field())).findFirst();
                assertThat(field).as(type + "Config." + rule.field()).isPresent();
                assertThat(field.get().getDirectives("validate").toString().replaceAll("sourceLocation=[^,}]*", ""))
                        .as("@validate of " + type + "Input." + rule.field())
                        .isEqualTo(inputDirective(type + "Input", rule.field()));
                assertThat(field.get().hasDirective("sensitive")).as("@sensitive of " + rule.field()).isEqualTo(rule.sensitive());
            }
        }
    }

    private String inputDirective(String input, String field) {
        return parsed.getType(input, InputObjectTypeDefinition.class).orElseThrow()
                .getInputValueDefinitions().stream().filter(f -> f.getName().equals(field)).findFirst().orElseThrow()
                .getDirectives("validate").toString().replaceAll("sourceLocation=[^,}]*", "");
    }

    @Test
    void everyMikrotikMenuAndAttributeExistsInRouterOs7() throws Exception {
        Map<String, List<String>> addArguments;
        try (var in = getClass().getResourceAsStream("/routeros-7.23.3-add-arguments.json")) {
            addArguments = JsonMapper.shared().readValue(in, new TypeReference<>() { });
        }
        var map = schema.mikrotik();
        assertThat(map.kinds()).containsExactlyInAnyOrder(ResourceKind.values());
        for (ResourceKind kind : ResourceKind.values()) {
            String menu = map.menu(kind);
            assertThat(addArguments).as("RouterOS menu " + menu).containsKey(menu);
            assertThat(addArguments.get(menu)).as("attributes of " + menu)
                    .containsAll(map.of(kind).attributes().values());
        }
    }

    /**
     * An attribute RouterOS renamed is spelled the old way on 7.16.2 (e.g. /container/envs name, /container
     * envlist), and the kinds the factory added exist there with every attribute.
     */
    @Test
    void everyRenamedAttributeAndTheFactoryKindsExistInRouterOs7162UnderTheirOlderNames() throws Exception {
        Map<String, List<String>> addArguments;
        try (var in = getClass().getResourceAsStream("/routeros-7.16.2-add-arguments.json")) {
            addArguments = JsonMapper.shared().readValue(in, new TypeReference<>() { });
        }
        var map = schema.mikrotik();
        var old = map.on("7.16.2");
        for (ResourceKind kind : ResourceKind.values()) {
            String menu = map.menu(kind);
            for (var renamed : map.of(kind).renamed().entrySet()) {
                assertThat(old.attribute(kind, renamed.getKey())).hasValue(renamed.getValue().formerly());
                assertThat(addArguments.get(menu)).as("attributes of " + menu + " on 7.16.2").contains(renamed.getValue().formerly())
                        .doesNotContain(map.of(kind).attributes().get(renamed.getKey()));
            }
        }
        for (ResourceKind kind : List.of(ResourceKind.CONTAINER_ENV, ResourceKind.CONTAINER_MOUNT, ResourceKind.ROUTING_RULE)) {
            assertThat(addArguments.get(map.menu(kind))).as("attributes of " + map.menu(kind) + " on 7.16.2")
                    .containsAll(old.of(kind).attributes().values());
        }
        assertThat(map.of(ResourceKind.CONTAINER_ENV).renamed()).containsKey("list");
        assertThat(map.of(ResourceKind.CONTAINER).renamed()).containsKeys("envlist", "mounts");
    }

    @Test
    void mapsDomainFieldsToRouterOsAttributesBothWays() {
        var map = schema.mikrotik();
        assertThat(map.menu(ResourceKind.VLAN)).isEqualTo("/interface/vlan");
        assertThat(map.attribute(ResourceKind.VLAN, "vlanId")).hasValue("vlan-id");
        assertThat(map.field(ResourceKind.WIREGUARD_INTERFACE, "private-key")).hasValue("privateKey");
        assertThat(map.toRouter(ResourceKind.BRIDGE_VLAN, Map.of("bridge", "br0", "vlanIds", List.of(10, 20))))
                .containsEntry("vlan-ids", "10,20").containsEntry("bridge", "br0");
        assertThat(map.fromRouter(ResourceKind.VLAN, Map.of("vlan-id", "7", ".id", "*1", "name", "v7")))
                .containsExactly(Map.entry("name", "v7"), Map.entry("vlanId", "7"));
        assertThat(schema.openwrt().attribute(ResourceKind.VLAN, "vlanId")).hasValue("vid");
        assertThat(schema.openwrt().supports(ResourceKind.CONTAINER)).isFalse();
    }

    @Test
    void findsTheSensitiveFields() {
        assertThat(schema.sensitiveFields())
                .containsEntry("WireguardInterfaceConfig", Set.of("privateKey"))
                .containsEntry("WireguardPeerConfig", Set.of("presharedKey"))
                .containsEntry("AddRouterInput", Set.of("password"));
    }

    @Test
    void readsValidationRulesForInputsAndArguments() {
        var rules = schema.validationRules();
        var vlanId = rules.rule("VlanInput", "vlanId").orElseThrow();
        assertThat(vlanId.required()).isTrue();
        assertThat(vlanId.min()).isEqualTo(1.0);
        assertThat(vlanId.max()).isEqualTo(4094.0);
        var violations = rules.validateArguments("Mutation", "applyPlan", Map.of("routerId", "r1", "changes",
                List.of(Map.of("op", "CREATE", "kind", "VLAN", "vlan", Map.of("name", "v", "vlanId", 0, "interface", "e1")))));
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.fieldPath()).isEqualTo("changes[0].vlan.vlanId");
            assertThat(v.badValue()).isEqualTo(0);
        });
    }

    @Test
    void theApplyServicesFieldMappingIsTheSchemasMikrotikMapWithSecretsFromSensitive() {
        var generated = com.nasnetconnect.domain.apply.SchemaFieldMapping.generated();
        for (var kind : com.nasnetconnect.domain.schema.types.ResourceKind.values()) {
            assertThat(generated.bindings(kind)).as("bindings of " + kind).isNotEmpty();
            for (var b : generated.bindings(kind)) {
                assertThat(schema.mikrotik().attribute(kind, b.domainField())).as(kind + "." + b.domainField())
                        .hasValue(b.routerAttribute());
                assertThat(b.secret()).as("secret " + kind + "." + b.domainField()).isEqualTo(schema.sensitiveFields()
                        .getOrDefault(SchemaDirectives.typeName(kind) + "Config", Set.of()).contains(b.domainField()));
            }
        }
        assertThat(generated.byDomainField(com.nasnetconnect.domain.schema.types.ResourceKind.WIREGUARD_INTERFACE, "privateKey"))
                .hasValueSatisfying(b -> assertThat(b.secret()).isTrue());
        assertThat(com.nasnetconnect.domain.schema.SchemaTables.sensitiveRouterAttributes())
                .contains("private-key", "preshared-key");
    }

    @Test
    void theApplyPipelineGetsTheSchemaRulesOnTextConfiguration() {
        var adapter = new com.nasnetconnect.domain.apply.SchemaRulesAdapter(schema.validationRules());
        var vlan = com.nasnetconnect.domain.schema.types.ResourceKind.VLAN;
        assertThat(adapter.check("r1", vlan, Map.of("name", "v10", "vlanId", "10", "interface", "ether1"))).isEmpty();
        assertThat(adapter.check("r1", vlan, Map.of("name", "v10", "vlanId", "5000", "interface", "ether1")))
                .singleElement().satisfies(i -> {
                    assertThat(i.field()).isEqualTo("vlanId");
                    assertThat(i.value()).isEqualTo("5000");
                    assertThat(i.message()).isEqualTo("must be at most 4094, was 5000");
                    assertThat(i.stage()).isEqualTo("schema");
                });
        assertThat(adapter.check("r1", vlan, Map.of("name", "v10", "vlanId", "ten", "interface", "ether1")))
                .singleElement().satisfies(i -> assertThat(i.message()).isEqualTo("must be a number: 'ten'"));
        var bridgeVlan = com.nasnetconnect.domain.schema.types.ResourceKind.BRIDGE_VLAN;
        assertThat(adapter.check("r2", bridgeVlan, Map.of("bridge", "br0", "vlanIds", "10,5000")))
                .singleElement().satisfies(i -> assertThat(i.field()).isEqualTo("vlanIds"));
        var wg = com.nasnetconnect.domain.schema.types.ResourceKind.WIREGUARD_INTERFACE;
        assertThat(adapter.check("r3", wg, Map.of("name", "wg0", "privateKey", "not-a-key")).toString())
                .contains("privateKey").doesNotContain("not-a-key");
    }
}

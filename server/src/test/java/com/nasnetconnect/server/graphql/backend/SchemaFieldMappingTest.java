package com.nasnetconnect.server.graphql.backend;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.apply.FieldBinding;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.state.ResourceKind;
import com.nasnetconnect.server.graphql.SchemaDirectives;
import graphql.language.InputObjectTypeDefinition;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class SchemaFieldMappingTest {
    static final SchemaDirectives SCHEMA = SchemaDirectives.fromClasspath();
    final SchemaFieldMapping mapping = new SchemaFieldMapping(SCHEMA);

    @Test
    void everyFieldOfEveryGraphQlInputReachesTheRouterUnderTheSchemasAttribute() {
        var unmapped = new ArrayList<String>();
        for (ResourceKind kind : ResourceKind.values()) {
            String input = SchemaDirectives.typeName(GraphQlMapper.kind(kind)) + "Input";
            var def = SCHEMA.registry().getType(input, InputObjectTypeDefinition.class).orElseThrow();
            for (var field : def.getInputValueDefinitions()) {
                if (mapping.byDomainField(kind, field.getName()).isEmpty()) unmapped.add(input + "." + field.getName());
            }
        }
        assertThat(unmapped).isEmpty();
        assertThat(mapping.attribute(ResourceKind.DHCP_NETWORK, "dnsServers")).isEqualTo("dns-server");
        assertThat(mapping.attribute(ResourceKind.BRIDGE, "pvid")).isEqualTo("pvid");
    }

    @Test
    void aBuiltInNameForAnAttributeTheSchemaMapsIsDroppedSoEachAttributeHasOneName() {
        assertThat(mapping.byDomainField(ResourceKind.DHCP_NETWORK, "dnsServer")).isEmpty();
        assertThat(mapping.bindings(ResourceKind.DHCP_NETWORK).stream().map(FieldBinding::routerAttribute))
                .doesNotHaveDuplicates();
    }

    @Test
    void identityFieldsOfTheApplySpecsStayResolvable() {
        var specs = ResourceKindSpecs.defaults(mapping);
        for (ResourceKind kind : ResourceKind.values()) {
            for (String field : specs.spec(kind).identity()) {
                assertThat(mapping.byDomainField(kind, field)).as(kind + "." + field).isPresent();
            }
        }
        assertThat(mapping.attribute(ResourceKind.FIREWALL_MANGLE, "protocol")).isEqualTo("protocol");
    }

    @Test
    void sensitiveSchemaFieldsAreSecretBindings() {
        assertThat(mapping.byDomainField(ResourceKind.WIREGUARD_INTERFACE, "privateKey")).get()
                .extracting(FieldBinding::secret).isEqualTo(true);
        assertThat(mapping.byDomainField(ResourceKind.WIREGUARD_PEER, "presharedKey")).get()
                .extracting(FieldBinding::secret).isEqualTo(true);
        assertThat(mapping.byDomainField(ResourceKind.WIREGUARD_PEER, "publicKey")).get()
                .extracting(FieldBinding::secret).isEqualTo(false);
    }
}

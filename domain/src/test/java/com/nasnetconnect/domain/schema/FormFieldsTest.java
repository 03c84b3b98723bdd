package com.nasnetconnect.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The generated form model: every resource kind's input can be built as a form from the schema alone. */
class FormFieldsTest {
    static String input(ResourceKind kind) {
        var sb = new StringBuilder();
        for (String w : kind.name().split("_")) sb.append(w.charAt(0)).append(w.substring(1).toLowerCase(Locale.ROOT));
        return sb + "Input";
    }

    @Test
    void everyResourceKindHasAFormWithTheFieldsOfItsInputInSchemaOrder() {
        for (ResourceKind kind : ResourceKind.values()) {
            var fields = SchemaTables.formFields().get(input(kind));
            assertThat(fields).as(kind.name()).isNotEmpty();
            assertThat(fields.stream().map(FormField::name).toList()).as(kind.name())
                    .containsExactlyElementsOf(SchemaTables.validationRules().rules(input(kind)).keySet());
        }
    }

    @Test
    void aVlanFormHasTypedRequiredAndOptionalFields() {
        var fields = SchemaTables.formFields().get("VlanInput");
        assertThat(fields).extracting(FormField::name).startsWith("name", "vlanId", "interface");
        assertThat(fields.get(0)).satisfies(f -> {
            assertThat(f.type()).isEqualTo("String");
            assertThat(f.required()).isTrue();
        });
        assertThat(fields.get(1).integer()).isTrue();
        assertThat(fields).filteredOn(f -> f.name().equals("disabled")).singleElement()
                .satisfies(f -> assertThat(f.bool()).isTrue()).satisfies(f -> assertThat(f.required()).isFalse());
    }

    @Test
    void aOneOfBecomesTheFieldsChoices() {
        var action = SchemaTables.formFields().get("FirewallFilterInput").stream().filter(f -> f.name().equals("action")).findFirst().orElseThrow();
        assertThat(action.choice()).isTrue();
        assertThat(action.choices()).contains("accept", "drop", "reject");
        var states = SchemaTables.formFields().get("FirewallFilterInput").stream().filter(f -> f.name().equals("connectionState")).findFirst().orElseThrow();
        assertThat(states.list()).isTrue();
        assertThat(states.choices()).contains("established", "related");
    }

    @Test
    void sensitiveFieldsAreFlagged() {
        var privateKey = SchemaTables.formFields().get("WireguardInterfaceInput").stream()
                .filter(f -> f.name().equals("privateKey")).findFirst().orElseThrow();
        assertThat(privateKey.sensitive()).isTrue();
        assertThat(SchemaTables.formFields().get("WireguardInterfaceInput")).filteredOn(FormField::sensitive)
                .extracting(FormField::name).containsExactly("privateKey");
    }

    @Test
    void anEnumTypedFieldOffersTheEnumsValues() {
        var kind = SchemaTables.formFields().get("PlanChangeInput").stream().filter(f -> f.name().equals("kind")).findFirst().orElseThrow();
        assertThat(kind.type()).isEqualTo("ResourceKind");
        assertThat(kind.choices()).contains("VLAN", "IP_ADDRESS", "FIREWALL_FILTER");
    }
}

package com.nasnetconnect.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.types.Configuration;
import com.nasnetconnect.domain.schema.types.PlanChangeInput;
import com.nasnetconnect.domain.schema.types.PlanOp;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.schema.types.WireguardPeerInput;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    @Test
    void everyKindHasOneConfigurationRecordWithTheFieldsOfItsInputInSchemaOrder() {
        var records = Arrays.stream(Configuration.class.getPermittedSubclasses()).toList();
        assertThat(records).hasSize(ResourceKind.values().length);
        for (ResourceKind kind : ResourceKind.values()) {
            String type = ResourceKinds.typeName(kind);
            var record = records.stream().filter(c -> c.getSimpleName().equals(type)).findFirst();
            assertThat(record).as("Configuration." + type).isPresent();
            var fields = Arrays.stream(record.get().getRecordComponents()).map(RecordComponent::getName)
                    .map(n -> n.endsWith("_") ? n.substring(0, n.length() - 1) : n).toList();
            assertThat(fields).as(type).containsExactlyElementsOf(SchemaTables.validationRules().rules(type + "Input").keySet());
        }
    }

    @Test
    void aPlanChangeGivesTheConfigurationOfItsKindAndNamesTheInputsItCarries() {
        var peer = new WireguardPeerInput("wg0", "PUBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", null,
                List.of("10.0.0.2/32", "10.0.1.0/24"), null, 51820, null, false, null);
        var change = new PlanChangeInput();
        change.setOp(PlanOp.CREATE);
        change.setKind(ResourceKind.WIREGUARD_PEER);
        change.setWireguardPeer(peer);

        var configuration = Configuration.from(change);

        assertThat(configuration).isEqualTo(Configuration.WireguardPeer.from(peer));
        assertThat(configuration.kind()).isEqualTo(ResourceKind.WIREGUARD_PEER);
        assertThat(configuration.text()).containsExactly(Map.entry("interface", "wg0"),
                Map.entry("publicKey", "PUBAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="),
                Map.entry("allowedAddress", "10.0.0.2/32,10.0.1.0/24"), Map.entry("endpointPort", "51820"),
                Map.entry("disabled", "no"));
        assertThat(Configuration.givenInputs(change)).containsExactly("wireguardPeer");
        change.setVlan(new com.nasnetconnect.domain.schema.types.VlanInput());
        assertThat(Configuration.givenInputs(change)).containsExactly("vlan", "wireguardPeer");
    }

    @Test
    void aPlanChangeWithoutTheInputOfItsKindHasNoConfiguration() {
        var change = new PlanChangeInput();
        change.setOp(PlanOp.DELETE);
        change.setKind(ResourceKind.VLAN);

        assertThat(Configuration.from(change)).isNull();
        assertThat(Configuration.givenInputs(change)).isEmpty();
    }
}

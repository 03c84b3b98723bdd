package com.nasnetconnect.domain.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.schema.types.Configuration;
import com.nasnetconnect.domain.schema.types.VlanInput;
import com.nasnetconnect.domain.schema.types.WireguardInterfaceInput;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTextTest {

    @Test
    void booleansAreRouterOsWords() {
        assertThat(RouterText.of(true)).isEqualTo("yes");
        assertThat(RouterText.of(false)).isEqualTo("no");
    }

    @Test
    void wholeNumbersAreDigitsWhateverTheirJavaType() {
        assertThat(RouterText.of(10)).isEqualTo("10");
        assertThat(RouterText.of(10L)).isEqualTo("10");
        assertThat(RouterText.of((short) 7)).isEqualTo("7");
        assertThat(RouterText.of(-3)).isEqualTo("-3");
    }

    @Test
    void doublesWithoutAFractionAreDigitsAndOthersPlainDecimalsNeverExponents() {
        assertThat(RouterText.of(10.0)).isEqualTo("10");
        assertThat(RouterText.of(1.0e10)).isEqualTo("10000000000");
        assertThat(RouterText.of(1.5)).isEqualTo("1.5");
        assertThat(RouterText.of(1.0e-7)).isEqualTo("0.0000001");
        assertThat(RouterText.of(2.5f)).isEqualTo("2.5");
        assertThat(RouterText.of(new BigDecimal("3.1400"))).isEqualTo("3.14");
    }

    @Test
    void notANumberAndInfinitiesAreRefused() {
        assertThatThrownBy(() -> RouterText.of(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> RouterText.of(Double.POSITIVE_INFINITY)).hasMessageContaining("Infinity");
    }

    @Test
    void listsAreCommaJoinedWithEachItemConvertedTheSameWay() {
        assertThat(RouterText.of(List.of(10, 20))).isEqualTo("10,20");
        assertThat(RouterText.of(List.of("br1", "ether2"))).isEqualTo("br1,ether2");
        assertThat(RouterText.of(List.of(true, false))).isEqualTo("yes,no");
        assertThat(RouterText.of(List.of(1.0, 2.5))).isEqualTo("1,2.5");
        assertThat(RouterText.of(List.of())).isEmpty();
    }

    @Test
    void durationsAreRouterOsDurationsInWholeSeconds() {
        assertThat(RouterText.of(Duration.ofMinutes(90))).isEqualTo("1h30m");
        assertThat(RouterText.of(Duration.ZERO)).isEqualTo("0s");
        assertThat(RouterText.of(Duration.ofMillis(2500))).isEqualTo("2s");
    }

    @Test
    void textIsKeptAsItIsAndOtherTypesAndNullAreRefusedNamingTheType() {
        assertThat(RouterText.of("ether1")).isEqualTo("ether1");
        assertThat(RouterText.of("")).isEmpty();
        assertThatThrownBy(() -> RouterText.of(Map.of("a", 1))).hasMessageContaining("no router text").hasMessageContaining("Map");
        assertThatThrownBy(() -> RouterText.of(null)).isInstanceOf(NullPointerException.class);
        assertThat(RouterText.of(Set.of(5))).isEqualTo("5");
    }

    @Test
    void aTypedInputBecomesItsKindsConfigurationAndRouterTextWithoutAbsentFields() {
        var vlan = Configuration.of(new VlanInput("v10", 10, "ether1", null, true, ""));

        assertThat(vlan).isInstanceOf(Configuration.Vlan.class);
        assertThat(vlan.kind()).isEqualTo(com.nasnetconnect.domain.schema.types.ResourceKind.VLAN);
        assertThat(vlan.text()).containsExactly(Map.entry("name", "v10"), Map.entry("vlanId", "10"),
                Map.entry("interface", "ether1"), Map.entry("disabled", "yes"), Map.entry("comment", ""));
        assertThatThrownBy(() -> Configuration.of("VlanInput")).hasMessageContaining("String");
    }

    @Test
    void aConfigurationsTextNeverShowsItsValues() {
        var key = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
        var wg = Configuration.of(new WireguardInterfaceInput("wg0", 13231, key, null, null, null));

        assertThat(wg.toString()).contains("privateKey").doesNotContain(key);
    }
}

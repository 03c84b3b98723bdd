package com.nasnetconnect.domain.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionRuleTest {
    @Test
    void aCountryIsAnIsoCodeInAnyCaseKeptInLowerCase() {
        assertThat(OptionRule.COUNTRY.problem("exitCountry", "US")).isEmpty();
        assertThat(OptionRule.COUNTRY.normalize(" DE ")).isEqualTo("de");
        assertThat(OptionRule.COUNTRY.problem("exitCountry", "zz")).contains(
                "exitCountry 'zz' is not an ISO 3166 country code (two letters, e.g. us, de, nl)");
        assertThat(OptionRule.COUNTRY.problem("exitCountry", "usa")).isPresent();
    }

    @Test
    void aHostIsANameOrAnIpv4AddressAndAPortIsOneTo65535() {
        assertThat(OptionRule.HOST.problem("host", "proxy.example.net")).isEmpty();
        assertThat(OptionRule.HOST.problem("host", "203.0.113.9")).isEmpty();
        assertThat(OptionRule.HOST.problem("host", "300.1.1.1")).contains("host '300.1.1.1' is neither a host name nor an IPv4 address");
        assertThat(OptionRule.PORT.problem("port", "0")).isPresent();
        assertThat(OptionRule.PORT.problem("port", "65535")).isEmpty();
    }

    @Test
    void aWgQuickFileGivesItsIpv4PartsAndNoMessageHoldsItsPrivateKey() {
        var wg = WgQuickConfig.parse(TestCatalog.WG_CONF);
        assertThat(wg.addresses()).containsExactly("10.66.0.2/32");
        assertThat(wg.allowedIps()).containsExactly("0.0.0.0/0");
        assertThat(wg.endpointHost()).isEqualTo("vpn.example.net");
        assertThat(wg.endpointPort()).isEqualTo(51820);
        assertThat(wg.persistentKeepalive()).contains(25);
        assertThat(wg.toString()).doesNotContain(TestCatalog.PRIVATE_KEY);
        assertThatThrownBy(() -> WgQuickConfig.parse(TestCatalog.WG_CONF.replaceAll("Endpoint = .*", "")))
                .hasMessage("has no [Peer] Endpoint");
    }

    @Test
    void aSubnetKnowsWhatItOverlaps() {
        assertThat(Subnet.of("10.99.0.1/16").overlaps(Subnet.of("10.99.101.0/24"))).isTrue();
        assertThat(Subnet.of("10.99.100.1/24").overlaps(Subnet.of("10.99.101.0/24"))).isFalse();
        assertThat(Subnet.of("10.99.101.7/24").cidr()).isEqualTo("10.99.101.0/24");
    }
}

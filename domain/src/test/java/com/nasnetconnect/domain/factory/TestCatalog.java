package com.nasnetconnect.domain.factory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The four templates as storage seeds them (V4__service_catalog.sql), in memory. */
final class TestCatalog implements ServiceCatalog {
    static final String HEV = "ghcr.io/heiher/hev-socks5-tunnel:2.14.3";

    static final ServiceTemplate TOR = new ServiceTemplate("tor", "Tor", "Route through the Tor network, exiting in one country.",
            List.of(new ContainerSpec(ContainerSpec.Role.SERVICE, "osminogin/tor-simple:0.4.8.10", Map.of(),
                            Optional.of("tor --SocksPort ${address}:9050 --ExitNodes {${exitCountry}} --StrictNodes 1")),
                    new ContainerSpec(ContainerSpec.Role.GATEWAY, HEV, Map.of("SOCKS5_ADDR", "${serviceAddress}", "SOCKS5_PORT", "9050",
                            "IPV4_INCLUDED_ROUTES", "0.0.0.0/0"), Optional.empty())),
            List.of(new TemplateOption("exitCountry", "Exit country", "ISO 3166 code of the country Tor exits in", OptionRule.COUNTRY,
                    true, Optional.empty())),
            GatewayMechanism.SOCKS_TUN, "tor");
    static final ServiceTemplate WIREGUARD = new ServiceTemplate("wireguard", "WireGuard VPN", "A WireGuard client from a wg-quick file.",
            List.of(), List.of(new TemplateOption("config", "wg-quick configuration", "The provider's .conf file", OptionRule.WG_QUICK,
                    true, Optional.empty())), GatewayMechanism.WIREGUARD, "wg");
    static final ServiceTemplate SOCKS5 = new ServiceTemplate("socks5", "SOCKS5 proxy", "An upstream SOCKS5 proxy as a gateway.",
            List.of(new ContainerSpec(ContainerSpec.Role.GATEWAY, HEV, Map.of("SOCKS5_ADDR", "${host}", "SOCKS5_PORT", "${port}",
                    "SOCKS5_USERNAME", "${username}", "SOCKS5_PASSWORD", "${password}", "IPV4_INCLUDED_ROUTES", "0.0.0.0/0"), Optional.empty())),
            List.of(new TemplateOption("host", "Proxy host", "", OptionRule.HOST, true, Optional.empty()),
                    new TemplateOption("port", "Proxy port", "", OptionRule.PORT, false, Optional.of("1080")),
                    new TemplateOption("username", "User", "", OptionRule.TEXT, false, Optional.empty()),
                    new TemplateOption("password", "Password", "", OptionRule.SECRET_TEXT, false, Optional.empty())),
            GatewayMechanism.SOCKS_TUN, "socks");
    static final ServiceTemplate ADGUARD = new ServiceTemplate("adguard", "AdGuard Home", "DNS filtering for the networks routed to it.",
            List.of(new ContainerSpec(ContainerSpec.Role.SERVICE, "adguard/adguardhome:v0.107.78", Map.of(), Optional.empty())),
            List.of(), GatewayMechanism.DNS, "adg");

    static final String PRIVATE_KEY = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";
    static final String PEER_KEY = "xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=";
    static final String WG_CONF = """
            [Interface]
            PrivateKey = %s
            Address = 10.66.0.2/32, fd00::2/128
            DNS = 10.66.0.1

            [Peer]
            PublicKey = %s
            AllowedIPs = 0.0.0.0/0, ::/0
            Endpoint = vpn.example.net:51820
            PersistentKeepalive = 25
            """.formatted(PRIVATE_KEY, PEER_KEY);

    @Override
    public List<ServiceTemplate> templates() {
        return List.of(ADGUARD, SOCKS5, TOR, WIREGUARD);
    }

    @Override
    public Optional<ServiceTemplate> template(String id) {
        return templates().stream().filter(t -> t.id().equals(id)).findFirst();
    }
}

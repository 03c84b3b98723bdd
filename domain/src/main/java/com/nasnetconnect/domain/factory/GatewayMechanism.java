package com.nasnetconnect.domain.factory;

/** How an instance carries the traffic routed to it. */
public enum GatewayMechanism {
    /**
     * A SOCKS-style service behind a TUN gateway: a container running hev-socks5-tunnel turns the packets routed
     * to its veth into SOCKS5 connections (to a service container such as Tor, or to an upstream proxy).
     */
    SOCKS_TUN,
    /** The router's own WireGuard client interface: no container. */
    WIREGUARD,
    /** A DNS service container: DNS queries of the networks routed to it are redirected to it. */
    DNS
}

package com.nasnetconnect.domain.factory;

import java.util.Objects;

/**
 * What an instance gets on its router, and the address plan inside its /24 subnet:
 * <ul>
 *   <li>{@code .0/25}: the instance's own network on its VLAN ({@code nnc-vlanN}, router at {@code .1}); devices
 *       that join VLAN N go through the instance</li>
 *   <li>{@code .248/30}: the service container's link ({@code nnc-svcN}: router {@code .249}, container {@code .250})</li>
 *   <li>{@code .252/30}: the front link on the instance interface (router {@code .253}, container {@code .254}),
 *       where the routing table's default route points</li>
 * </ul>
 *
 * @param interfaceName the user-visible interface, {@code nnc-<prefix>-<name>}; also the routing table's name
 */
public record Allocation(int vlanId, Subnet subnet, String interfaceName) {
    public Allocation {
        if (vlanId < 1 || vlanId > 4094) throw new IllegalArgumentException("VLAN id out of 1-4094: " + vlanId);
        Objects.requireNonNull(subnet, "subnet");
        if (subnet.prefix() != 24) throw new IllegalArgumentException("an instance subnet is a /24: " + subnet);
        Objects.requireNonNull(interfaceName, "interfaceName");
    }

    public String vlanInterface() {
        return "nnc-vlan" + vlanId;
    }

    public String serviceInterface() {
        return "nnc-svc" + vlanId;
    }

    public String routingTable() {
        return interfaceName;
    }

    /** The router's address on the instance VLAN, {@code .1/25}. */
    public Subnet vlanAddress() {
        return new Subnet(subnet.network() + 1, 25);
    }

    public Subnet clientNetwork() {
        return subnet.part(0, 25);
    }

    public Subnet frontLink() {
        return subnet.part(252, 30);
    }

    public Subnet frontRouterAddress() {
        return new Subnet(subnet.network() + 253, 30);
    }

    public Subnet frontAddress() {
        return new Subnet(subnet.network() + 254, 30);
    }

    public Subnet serviceLink() {
        return subnet.part(248, 30);
    }

    public Subnet serviceRouterAddress() {
        return new Subnet(subnet.network() + 249, 30);
    }

    public Subnet serviceAddress() {
        return new Subnet(subnet.network() + 250, 30);
    }
}

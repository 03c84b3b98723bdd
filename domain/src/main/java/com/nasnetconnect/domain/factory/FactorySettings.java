package com.nasnetconnect.domain.factory;

import java.util.Objects;

/**
 * How the factory allocates per router. VLAN id {@code N} of the pool gives the VLAN interface {@code nnc-vlanN}
 * and the subnet {@code <subnetBase>.N.0/24}, so the pool must fit an octet.
 *
 * @param vlanFirst     first VLAN id of the pool (default 101)
 * @param vlanLast      last VLAN id of the pool (default 199)
 * @param subnetBase    the first two octets of every instance subnet (default {@code 10.99})
 * @param vlanParent    the router interface the instance VLANs are created on (default {@code bridge}, the LAN
 *                      bridge of RouterOS's default configuration)
 * @param containerRoot the directory on the router's disk under which container root directories go
 */
public record FactorySettings(int vlanFirst, int vlanLast, String subnetBase, String vlanParent, String containerRoot) {
    public FactorySettings {
        if (vlanFirst < 2 || vlanLast > 254 || vlanFirst > vlanLast) {
            throw new IllegalArgumentException("VLAN pool " + vlanFirst + "-" + vlanLast
                    + " must lie within 2-254 (its ids are the third octet of the instance subnets)");
        }
        if (subnetBase == null || Subnet.parseAddress(subnetBase + ".0.0").isEmpty()) {
            throw new IllegalArgumentException("subnet base '" + subnetBase + "' is not two octets such as 10.99");
        }
        if (vlanParent == null || vlanParent.isBlank()) throw new IllegalArgumentException("VLAN parent interface is blank");
        Objects.requireNonNull(containerRoot, "containerRoot");
    }

    public static FactorySettings defaults() {
        return new FactorySettings(101, 199, "10.99", "bridge", "nnc");
    }

    public FactorySettings withVlanPool(int first, int last) {
        return new FactorySettings(first, last, subnetBase, vlanParent, containerRoot);
    }

    public FactorySettings withVlanParent(String parent) {
        return new FactorySettings(vlanFirst, vlanLast, subnetBase, parent, containerRoot);
    }

    /** The /24 of VLAN id {@code vlanId}. */
    public Subnet subnet(int vlanId) {
        return Subnet.of(subnetBase + "." + vlanId + ".0/24");
    }
}

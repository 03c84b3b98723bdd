package com.nasnetconnect.domain.factory;

import static com.nasnetconnect.domain.schema.types.ResourceKind.*;

import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.apply.DesiredResource;
import com.nasnetconnect.domain.schema.types.Configuration.Container;
import com.nasnetconnect.domain.schema.types.Configuration.ContainerEnv;
import com.nasnetconnect.domain.schema.types.Configuration.FirewallFilter;
import com.nasnetconnect.domain.schema.types.Configuration.FirewallMangle;
import com.nasnetconnect.domain.schema.types.Configuration.FirewallNat;
import com.nasnetconnect.domain.schema.types.Configuration.IpAddress;
import com.nasnetconnect.domain.schema.types.Configuration.Route;
import com.nasnetconnect.domain.schema.types.Configuration.RoutingTable;
import com.nasnetconnect.domain.schema.types.Configuration.Veth;
import com.nasnetconnect.domain.schema.types.Configuration.Vlan;
import com.nasnetconnect.domain.schema.types.Configuration.WireguardInterface;
import com.nasnetconnect.domain.schema.types.Configuration.WireguardPeer;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.state.ResourceId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;

/**
 * The install plan as a pure function of (template, option values, allocation, instance id): the same inputs give
 * the same plan, resource ids included (each is derived from the instance id and the object's role). Every object
 * carries the comment {@code nnc:<instance-id>}; relationships follow from the fields that name other objects
 * (an address names its interface, a container its veth, a route its table), as for any managed resource.
 *
 * <p>What an install creates (N = the VLAN id, S = the instance's /24, see {@link Allocation}):
 * <ul>
 *   <li>always: VLAN {@code nnc-vlanN} on the settings' parent interface, and the router's address S.1/25 on it</li>
 *   <li>per container: a veth with the container's address and the router's address on the veth's link, and the
 *       container (image, command, root directory, start on boot, logging); the front container (the gateway, or
 *       the service when there is no gateway) sits on the instance interface {@code nnc-<prefix>-<name>}, a
 *       second one on {@code nnc-svcN}. Its environment is an env list named after its veth (so the front
 *       container's list is named after the instance interface): one {@code CONTAINER_ENV} per variable, the
 *       value in the {@code @sensitive} field (secret option values go nowhere else), and the container's
 *       {@code envlist} names the list</li>
 *   <li>WireGuard: the WireGuard interface (the instance interface, private key from the wg-quick file), its peer
 *       and its tunnel addresses</li>
 *   <li>SOCKS-over-TUN and WireGuard: the routing table {@code nnc-<prefix>-<name>} with a default route through
 *       the gateway, a mangle rule marking what enters on the VLAN for that table, a forward accept from the VLAN
 *       to the instance interface and a forward drop for everything else from the VLAN (the kill switch: when the
 *       gateway fails, the VLAN's traffic is dropped, never sent out of the WAN), and a masquerade out of the
 *       instance interface. A second kill switch sits in the table: a blackhole default route with distance
 *       {@value #BLACKHOLE_DISTANCE}, so when the gateway route goes inactive the table has no way out. A
 *       SOCKS-over-TUN gateway route has {@code check-gateway=ping}: the router pings the gateway container and
 *       the route goes inactive when it stops answering. A WireGuard route has none: its gateway is the
 *       WireGuard interface itself, which RouterOS does not ping (an interface gateway is up while the
 *       interface is), and a dead tunnel is seen by its peer's last handshake, not by a ping</li>
 *   <li>DNS: dst-nat of UDP and TCP port 53 from the instance network to the service</li>
 *   <li>with containers: a masquerade of the container links (the containers' own way out)</li>
 * </ul>
 */
public final class InstallPlanner {
    /** The distance of the blackhole default route in an instance's table: above any gateway route's. */
    public static final int BLACKHOLE_DISTANCE = 250;

    private final FactorySettings settings;

    public InstallPlanner(FactorySettings settings) {
        this.settings = java.util.Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param values every option's value (given or default), already validated; secrets in clear (they go only
     *               into {@code @sensitive} fields, never into a command line or a comment)
     */
    public PlannedInstall plan(ServiceTemplate template, Map<String, String> values, Allocation a, String instanceId,
                               String appliedBy) {
        var b = new Builder(ServiceInstance.tag(instanceId), instanceId);
        String iface = a.interfaceName();
        b.add("vlan", VLAN, Vlan.NAME, a.vlanInterface(), Vlan.VLAN_ID, String.valueOf(a.vlanId()), Vlan.INTERFACE, settings.vlanParent());
        b.add("vlan-address", IP_ADDRESS, IpAddress.ADDRESS, a.vlanAddress().toString(), IpAddress.INTERFACE, a.vlanInterface());

        var environments = new LinkedHashMap<ContainerSpec.Role, Map<String, String>>();
        var notApplied = new ArrayList<String>();
        var front = template.container(ContainerSpec.Role.GATEWAY).or(() -> template.container(ContainerSpec.Role.SERVICE));
        for (ContainerSpec c : template.containers()) {
            boolean isFront = front.isPresent() && front.get().role() == c.role();
            String veth = isFront ? iface : a.serviceInterface();
            Subnet address = isFront ? a.frontAddress() : a.serviceAddress();
            Subnet routerSide = isFront ? a.frontRouterAddress() : a.serviceRouterAddress();
            String role = c.role().name().toLowerCase(java.util.Locale.ROOT);
            b.add(role + "-veth", VETH, Veth.NAME, veth, Veth.ADDRESS, address.toString(), Veth.GATEWAY, routerSide.ip());
            b.add(role + "-address", IP_ADDRESS, IpAddress.ADDRESS, routerSide.toString(), IpAddress.INTERFACE, veth);
            var placeholders = new LinkedHashMap<String, String>(values);
            placeholders.put("address", address.ip());
            placeholders.put("serviceAddress", a.serviceAddress().ip());
            var container = new ArrayList<String>(List.of(Container.REMOTE_IMAGE, c.image(), Container.INTERFACE, veth,
                    Container.ROOT_DIR, settings.containerRoot() + "/" + veth, Container.HOSTNAME, veth,
                    Container.START_ON_BOOT, "yes", Container.LOGGING, "yes"));
            c.command().ifPresent(cmd -> {
                container.add(Container.CMD);
                container.add(expand(cmd, placeholders, template, false));
            });
            var env = new LinkedHashMap<String, String>();
            c.environment().forEach((k, v) -> {
                String shown = expand(v, placeholders, template, true);
                if (shown.isEmpty()) return;
                env.put(k, shown);
                // the value in clear goes only into the env's @sensitive value
                b.add(role + "-env-" + k, CONTAINER_ENV, ContainerEnv.LIST, veth, ContainerEnv.KEY, k,
                        ContainerEnv.VALUE, expand(v, placeholders, template, false));
            });
            if (!env.isEmpty()) {
                environments.put(c.role(), env);
                container.add(Container.ENVLIST);
                container.add(veth);
            }
            b.add(role + "-container", CONTAINER, container.toArray(String[]::new));
        }

        if (template.gateway() == GatewayMechanism.WIREGUARD) {
            var wg = WgQuickConfig.parse(values.get("config"));
            var wgFields = new ArrayList<String>(List.of(WireguardInterface.NAME, iface, WireguardInterface.PRIVATE_KEY, wg.privateKey().reveal()));
            wg.mtu().ifPresent(m -> { wgFields.add(WireguardInterface.MTU); wgFields.add(String.valueOf(m)); });
            b.add("wireguard", WIREGUARD_INTERFACE, wgFields.toArray(String[]::new));
            var peer = new ArrayList<String>(List.of(WireguardPeer.INTERFACE, iface, WireguardPeer.PUBLIC_KEY, wg.peerPublicKey(),
                    WireguardPeer.ALLOWED_ADDRESS, String.join(",", wg.allowedIps()), WireguardPeer.ENDPOINT_ADDRESS, wg.endpointHost(),
                    WireguardPeer.ENDPOINT_PORT, String.valueOf(wg.endpointPort())));
            wg.presharedKey().ifPresent(k -> { peer.add(WireguardPeer.PRESHARED_KEY); peer.add(k.reveal()); });
            wg.persistentKeepalive().ifPresent(k -> { peer.add(WireguardPeer.PERSISTENT_KEEPALIVE); peer.add(String.valueOf(k)); });
            b.add("wireguard-peer", WIREGUARD_PEER, peer.toArray(String[]::new));
            for (int i = 0; i < wg.addresses().size(); i++) {
                b.add("wireguard-address-" + i, IP_ADDRESS, IpAddress.ADDRESS, wg.addresses().get(i), IpAddress.INTERFACE, iface);
            }
        }
        if (template.gateway() != GatewayMechanism.DNS) {
            String via = template.gateway() == GatewayMechanism.WIREGUARD ? iface : a.frontAddress().ip();
            b.add("table", ROUTING_TABLE, RoutingTable.NAME, a.routingTable(), RoutingTable.FIB, "yes");
            var route = new ArrayList<String>(List.of(Route.DST_ADDRESS, "0.0.0.0/0", Route.GATEWAY, via,
                    Route.ROUTING_TABLE, a.routingTable(), Route.DISTANCE, "1"));
            if (template.gateway() == GatewayMechanism.SOCKS_TUN) {
                route.add(Route.CHECK_GATEWAY);
                route.add("ping");
            }
            b.add("route", ROUTE, route.toArray(String[]::new));
            b.add("blackhole-route", ROUTE, Route.DST_ADDRESS, "0.0.0.0/0", Route.BLACKHOLE, "yes", Route.ROUTING_TABLE,
                    a.routingTable(), Route.DISTANCE, String.valueOf(BLACKHOLE_DISTANCE));
            b.add("mangle", FIREWALL_MANGLE, FirewallMangle.CHAIN, "prerouting", FirewallMangle.ACTION, "mark-routing",
                    FirewallMangle.IN_INTERFACE, a.vlanInterface(), FirewallMangle.NEW_ROUTING_MARK, a.routingTable(),
                    FirewallMangle.PASSTHROUGH, "no");
            b.add("forward-accept", FIREWALL_FILTER, FirewallFilter.CHAIN, "forward", FirewallFilter.ACTION, "accept",
                    FirewallFilter.IN_INTERFACE, a.vlanInterface(), FirewallFilter.OUT_INTERFACE, iface);
            b.add("kill-switch-drop", FIREWALL_FILTER, FirewallFilter.CHAIN, "forward", FirewallFilter.ACTION, "drop",
                    FirewallFilter.IN_INTERFACE, a.vlanInterface());
            b.add("masquerade", FIREWALL_NAT, FirewallNat.CHAIN, "srcnat", FirewallNat.ACTION, "masquerade", FirewallNat.OUT_INTERFACE, iface);
            notApplied.add("rule position: FirewallFilter has no placeBefore, so the forward rules are appended after "
                    + "the router's own (a default 'drop all not from LAN' before them wins)");
        } else {
            for (String protocol : List.of("udp", "tcp")) {
                b.add("dns-" + protocol, FIREWALL_NAT, FirewallNat.CHAIN, "dstnat", FirewallNat.ACTION, "dst-nat",
                        FirewallNat.PROTOCOL, protocol, FirewallNat.DST_PORT, "53", FirewallNat.SRC_ADDRESS, a.clientNetwork().cidr(),
                        FirewallNat.TO_ADDRESSES, a.frontAddress().ip());
            }
        }
        if (template.needsContainer()) {
            b.add("container-masquerade", FIREWALL_NAT, FirewallNat.CHAIN, "srcnat", FirewallNat.ACTION, "masquerade",
                    FirewallNat.SRC_ADDRESS, a.subnet().part(248, 29).cidr());
        }
        return new PlannedInstall(new ChangePlan(b.changes, appliedBy), b.ids, environments, notApplied);
    }

    /** The resource id of an instance's object with this role: the same on every call. */
    public static ResourceId resourceId(String instanceId, String role) {
        return new ResourceId(UUID.nameUUIDFromBytes((instanceId + "/" + role).getBytes(StandardCharsets.UTF_8)));
    }

    private static String expand(String text, Map<String, String> values, ServiceTemplate template, boolean secretsHidden) {
        Matcher m = ContainerSpec.PLACEHOLDER.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            String key = m.group(1);
            boolean secret = template.option(key).map(o -> o.rule().secret()).orElse(false);
            String v = secret && secretsHidden ? (values.containsKey(key) ? "(secret " + key + ")" : "") : values.getOrDefault(key, "");
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static final class Builder {
        final List<Change> changes = new ArrayList<>();
        final List<ResourceId> ids = new ArrayList<>();
        final String tag;
        final String instanceId;

        Builder(String tag, String instanceId) {
            this.tag = tag;
            this.instanceId = instanceId;
        }

        void add(String role, ResourceKind kind, String... fieldValues) {
            var cfg = new LinkedHashMap<String, String>();
            for (int i = 0; i < fieldValues.length; i += 2) cfg.put(fieldValues[i], fieldValues[i + 1]);
            cfg.put("comment", tag);
            ResourceId id = resourceId(instanceId, role);
            ids.add(id);
            changes.add(Change.upsert(new DesiredResource(id.toString(), kind, cfg)));
        }
    }
}

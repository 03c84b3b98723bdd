package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.router.RouterSession;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * In-port: route a network, a device or a domain through a service instance, switched by one small
 * apply-confirm-merge plan (no reinstall). Routing a match that already goes through another instance moves it
 * (the old policy's objects are removed and the new ones created in the same plan).
 *
 * <p>A request is checked before anything reaches the router, each problem an {@link InputRefused} naming the
 * value: the instance ({@code instanceId}), the match's value ({@code match.<field>}: an IPv4 network in CIDR form,
 * an IPv4 address, a MAC, a DNS name, an interface the router has and no instance owns), a MAC the router has no
 * DHCP lease for, a domain through a DNS service, and the same match already through this instance. Matches are
 * kept normalized (a network as its network address, a MAC in upper case, a domain in lower case without the final
 * dot), so {@code 192.168.88.7/24} and {@code 192.168.88.0/24} are one match. A source address may not overlap a
 * service's own network, nor the source of another instance's policy (RouterOS applies the first matching rule, and
 * the schema cannot place a rule before another). The objects come from the
 * {@link PolicyPlanner}, tagged with the instance's comment, so an uninstall of the instance removes them too (and
 * the store forgets the instance's policies with it). After each change the instance is published on the
 * {@link ServiceInstanceFeed}: its subscribers show its policies.
 */
public final class RoutingPolicies {
    private static final java.util.regex.Pattern MAC = java.util.regex.Pattern.compile("[0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2}){5}");
    private static final java.util.regex.Pattern LABEL = java.util.regex.Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private final ServiceInstanceStore instances;
    private final RoutingPolicyStore policies;
    private final ApplyConfirmMergeService apply;
    private final RouterRepository routers;
    private final RouterGateway gateway;
    private final ResourceStore store;
    private final ServiceInstanceFeed feed;
    private final Clock clock;

    public RoutingPolicies(ServiceInstanceStore instances, RoutingPolicyStore policies, ApplyConfirmMergeService apply,
                           RouterRepository routers, RouterGateway gateway, ResourceStore store, ServiceInstanceFeed feed,
                           Clock clock) {
        this.instances = Objects.requireNonNull(instances, "instances");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.store = Objects.requireNonNull(store, "store");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The router's policies, oldest first. */
    public List<RoutingPolicy> list(Principal who, RouterId router) {
        who.require(Role.VIEWER, "see routing policies");
        requireRouter(router);
        return policies.list(router);
    }

    /**
     * Routes what {@code match} names through the instance.
     *
     * @throws com.nasnetconnect.domain.common.InputRefused a bad match value ({@code match.<field>}), an unknown
     *         instance ({@code instanceId}), a MAC without a DHCP lease, an unknown interface; nothing reached the router
     * @throws com.nasnetconnect.domain.router.NoSuchRouter no such router
     * @throws com.nasnetconnect.domain.apply.ApplyException the router refused; router and store are as before
     * @throws com.nasnetconnect.domain.router.RouterException the router could not be read (its interfaces or DHCP
     *         leases, for an interface or MAC match); nothing was changed
     * @return the new policy, its match normalized
     */
    public RoutingPolicy routeThrough(Principal who, RouterId router, String instanceId, PolicyMatch match) {
        who.require(Role.OPERATOR, "route traffic through services");
        Objects.requireNonNull(match, "match");
        Router r = requireRouter(router);
        return feed.exclusively(router, () -> routeThroughLocked(who, r, instanceId, match));
    }

    private RoutingPolicy routeThroughLocked(Principal who, Router router, String instanceId, PolicyMatch given) {
        var problems = new ArrayList<InputRefused.Problem>();
        List<ServiceInstance> all = instances.list(router.id());
        Optional<ServiceInstance> through = all.stream().filter(i -> i.id().equals(instanceId)).findFirst();
        if (through.isEmpty()) {
            problems.add(new InputRefused.Problem(List.of("instanceId"), "no service instance has id '" + instanceId
                    + "' on router '" + router.name() + "'", instanceId));
        }
        Optional<PolicyMatch> match = normalize(given, problems);
        if (match.isPresent() && match.get().kind() == PolicyMatch.Kind.INTERFACE) {
            for (ServiceInstance i : all) {
                if (Set.of(i.interfaceName(), "nnc-vlan" + i.vlanId(), "nnc-svc" + i.vlanId()).contains(match.get().value())) {
                    problems.add(problem(given, "interface " + match.get().value() + " belongs to the " + i.template() + " service "
                            + i.interfaceName() + "; route the devices behind it, or the network it serves"));
                }
            }
        }
        if (through.isPresent() && match.isPresent() && match.get().kind() == PolicyMatch.Kind.DOMAIN && carrier(through.get()) == PolicyPlanner.Carrier.DNS) {
            problems.add(problem(given, "service " + through.get().interfaceName() + " (" + through.get().template()
                    + ") answers the DNS of a network or a device; route domain " + match.get().value()
                    + " through a service that carries traffic (tor, socks5, wireguard)"));
        }
        if (!problems.isEmpty()) throw new InputRefused(problems);

        ServiceInstance instance = through.orElseThrow();
        PolicyMatch m = match.orElseThrow();
        Optional<RoutingPolicy> existing = policies.list(router.id()).stream().filter(p -> p.match().equals(m)).findFirst();
        if (existing.isPresent() && existing.get().instanceId().equals(instance.id())) {
            throw new InputRefused(List.of(problem(given, m.field() + " " + m.value() + " is already routed through "
                    + instance.interfaceName() + " (policy " + existing.get().id() + ")")));
        }
        Optional<String> macAddress = Optional.empty();
        if (m.kind() == PolicyMatch.Kind.INTERFACE || m.kind() == PolicyMatch.Kind.MAC) {
            macAddress = readRouter(router, m, given);
        }

        checkOverlaps(router, instance, m, macAddress, existing, all, given);

        String id = UUID.randomUUID().toString();
        var planned = PolicyPlanner.plan(id, instance, carrier(instance), m, macAddress);
        var changes = new ArrayList<Change>();
        if (existing.isPresent()) {
            present(router.id(), existing.get()).forEach(r -> changes.add(Change.delete(r.toString())));
        }
        changes.addAll(planned.changes());
        apply.apply(router, new ChangePlan(changes, who.name()));

        var policy = new RoutingPolicy(id, router.id(), instance.id(), m, planned.resources(), clock.instant());
        existing.ifPresent(old -> policies.delete(router.id(), old.id()));
        policies.save(policy);
        existing.flatMap(old -> instances.find(router.id(), old.instanceId())).ifPresent(feed::publish);
        instances.find(router.id(), instance.id()).ifPresent(feed::publish);
        return policy;
    }

    /**
     * Removes the policy's objects from the router (one plan) and forgets it; returns it as it was.
     *
     * @throws com.nasnetconnect.domain.common.InputRefused no policy has this id ({@code id})
     */
    public RoutingPolicy remove(Principal who, String policyId) {
        who.require(Role.OPERATOR, "route traffic through services");
        // the policy's router from the index: one database opened, whatever the number of routers
        for (Router router : policies.routerOf(policyId).flatMap(routers::find).stream().toList()) {
            if (policies.find(router.id(), policyId).isEmpty()) continue;
            Optional<RoutingPolicy> removed = feed.exclusively(router.id(), () -> {
                var found = policies.find(router.id(), policyId);
                if (found.isEmpty()) return Optional.<RoutingPolicy>empty();
                RoutingPolicy policy = found.get();
                List<ResourceId> remove = present(router.id(), policy);
                if (!remove.isEmpty()) {
                    apply.apply(router, new ChangePlan(remove.stream().map(r -> Change.delete(r.toString())).toList(), who.name()));
                }
                policies.delete(router.id(), policyId);
                instances.find(router.id(), policy.instanceId()).ifPresent(feed::publish);
                return Optional.of(policy);
            });
            if (removed.isPresent()) return removed.get();
            break;
        }
        throw InputRefused.of(List.of("id"), "no routing policy has id '" + policyId + "'", policyId);
    }

    /**
     * A source address (a subnet, an address, a MAC's leased address) may overlap neither a service's own network
     * (its containers' traffic would be routed away) nor the source of another instance's policy of the same kind of
     * carrier: the router applies whichever rule came first, so the new policy would silently not take effect.
     */
    private void checkOverlaps(Router router, ServiceInstance instance, PolicyMatch m, Optional<String> macAddress,
                               Optional<RoutingPolicy> moved, List<ServiceInstance> all, PolicyMatch given) {
        Optional<Subnet> source = switch (m.kind()) {
            case SUBNET, ADDRESS -> Subnet.parse(m.value());
            case MAC -> macAddress.flatMap(Subnet::parse);
            case INTERFACE, DOMAIN -> Optional.empty();
        };
        if (source.isEmpty()) return;
        String shown = m.field() + " " + m.value() + (m.kind() == PolicyMatch.Kind.MAC ? " (" + macAddress.orElseThrow() + ")" : "");
        var problems = new ArrayList<InputRefused.Problem>();
        for (ServiceInstance i : all) {
            if (Subnet.of(i.subnet()).overlaps(source.get())) {
                problems.add(problem(given, shown + " overlaps " + i.subnet() + ", the network of service " + i.interfaceName()
                        + "; a service's own network cannot be routed through a service"));
            }
        }
        Map<String, ServiceInstance> byId = new java.util.HashMap<>();
        all.forEach(i -> byId.put(i.id(), i));
        for (RoutingPolicy p : policies.list(router.id())) {
            if (moved.isPresent() && moved.get().id().equals(p.id())) continue;
            ServiceInstance other = byId.get(p.instanceId());
            if (other == null || other.id().equals(instance.id()) || carrier(other) != carrier(instance)) continue;
            Optional<Subnet> theirs = p.resources().stream().flatMap(r -> store.find(router.id(), r).stream())
                    .flatMap(r -> r.configuration().string("srcAddress").stream()).findFirst().flatMap(Subnet::parse);
            if (theirs.isPresent() && theirs.get().overlaps(source.get())) {
                problems.add(problem(given, shown + " overlaps " + p.match().field() + " " + p.match().value() + ", routed through "
                        + other.interfaceName() + " (policy " + p.id() + "); the router applies the rule that came first, so "
                        + "remove that policy first"));
            }
        }
        if (!problems.isEmpty()) throw new InputRefused(problems);
    }

    /** The policy's resources the store still holds (an uninstall, or a change by hand, may have removed some). */
    private List<ResourceId> present(RouterId router, RoutingPolicy policy) {
        return policy.resources().stream().filter(r -> store.find(router, r).isPresent()).toList();
    }

    /** An instance whose install made a routing table carries traffic; the others (a DNS service) answer DNS. */
    private static PolicyPlanner.Carrier carrier(ServiceInstance instance) {
        return instance.resources().contains(InstallPlanner.resourceId(instance.id(), "table"))
                ? PolicyPlanner.Carrier.ROUTED : PolicyPlanner.Carrier.DNS;
    }

    private static InputRefused.Problem problem(PolicyMatch given, String message) {
        return new InputRefused.Problem(List.of("match", given.field()), message, given.value());
    }

    /** The match in the form it is kept and compared in, or a problem naming the value. */
    static Optional<PolicyMatch> normalize(PolicyMatch given, List<InputRefused.Problem> problems) {
        String v = given.value().strip();
        Optional<String> normal = switch (given.kind()) {
            case INTERFACE -> v.isEmpty() || v.length() > 64 || v.chars().anyMatch(c -> c < 0x20) ? Optional.empty() : Optional.of(v);
            case SUBNET -> v.contains("/") ? Subnet.parse(v).map(Subnet::cidr) : Optional.empty();
            case ADDRESS -> Subnet.parseAddress(v).map(a -> new Subnet(a, 32).ip());
            case MAC -> MAC.matcher(v).matches() ? Optional.of(v.replace('-', ':').toUpperCase(Locale.ROOT)) : Optional.empty();
            case DOMAIN -> domain(v);
        };
        if (normal.isEmpty()) {
            String what = switch (given.kind()) {
                case INTERFACE -> "is not an interface name";
                case SUBNET -> "is not an IPv4 network in CIDR form, such as 192.168.88.0/24";
                case ADDRESS -> "is not an IPv4 address, such as 192.168.88.10";
                case MAC -> "is not a MAC address, such as 02:00:00:00:00:0A";
                case DOMAIN -> "is not a domain name, such as example.com";
            };
            problems.add(problem(given, given.field() + " '" + given.value() + "' " + what));
        }
        return normal.map(n -> new PolicyMatch(given.kind(), n));
    }

    private static Optional<String> domain(String v) {
        String d = v.toLowerCase(Locale.ROOT);
        if (d.endsWith(".")) d = d.substring(0, d.length() - 1);
        if (d.isEmpty() || d.length() > 253) return Optional.empty();
        String[] labels = d.split("\\.", -1);
        if (labels.length < 2 || labels[labels.length - 1].matches("[0-9]+")) return Optional.empty();
        for (String l : labels) if (!LABEL.matcher(l).matches()) return Optional.empty();
        return Optional.of(d);
    }

    /**
     * One read of the router for what the match names: its interfaces (the interface must exist) or its DHCP leases
     * (the MAC's address). Returns the MAC's address.
     */
    private Optional<String> readRouter(Router router, PolicyMatch m, PolicyMatch given) {
        boolean iface = m.kind() == PolicyMatch.Kind.INTERFACE;
        List<Map<String, String>> rows;
        try (RouterSession session = gateway.session(router.endpoint())) {
            RouterReply reply = session.execute(RouterCommand.of(iface ? "/interface/print" : "/ip/dhcp-server/lease/print"));
            rows = reply.rows();
        }
        if (iface) {
            var names = new HashSet<String>();
            rows.forEach(r -> { if (r.get("name") != null) names.add(r.get("name")); });
            if (!names.contains(m.value())) {
                throw new InputRefused(List.of(problem(given, "router '" + router.name() + "' has no interface named '" + m.value() + "'")));
            }
            return Optional.empty();
        }
        for (var lease : rows) {
            if (!m.value().equalsIgnoreCase(lease.getOrDefault("mac-address", "")) || "true".equals(lease.get("disabled"))) continue;
            for (String key : List.of("active-address", "address")) {
                var address = Subnet.parseAddress(lease.get(key));
                if (address.isPresent() && address.get() != 0) return Optional.of(new Subnet(address.get(), 32).ip());
            }
        }
        throw new InputRefused(List.of(problem(given, "no DHCP lease on router '" + router.name() + "' for " + m.value()
                + "; the device must have taken an address first, or route its IP")));
    }

    private Router requireRouter(RouterId id) {
        return routers.find(id).orElseThrow(() -> new NoSuchRouter(id.value()));
    }
}

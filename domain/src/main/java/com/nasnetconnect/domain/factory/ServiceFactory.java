package com.nasnetconnect.domain.factory;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.Change;
import com.nasnetconnect.domain.apply.ChangePlan;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterGateway;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.router.RouterSession;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.Resource;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * In-port of the Virtual Interface Factory, whoever asks (GraphQL, the UI): the catalog, a router's instances,
 * install and uninstall.
 *
 * <p>An install is checked before anything reaches the router: the template, the name (and the interface name it
 * makes, at most 15 characters), every option against its rule, a name already installed, then, from one read of
 * the router (platform, addresses, VLANs, interfaces), the {@code container} package, an interface of that name,
 * and a free VLAN id of the router's pool whose subnet overlaps no address on the router. What is wrong comes back
 * as an {@link InputRefused} naming the value (never a secret), under the paths {@code template}, {@code name},
 * {@code options.<key>} and {@code routerId}. The instance is then reserved (its VLAN id and interface name), and the
 * {@link InstallPlanner}'s plan goes through apply-confirm-merge as one unit: a failure there leaves the router and
 * the store as before and forgets the reservation. An uninstall removes every resource the instance created, and
 * any other resource tagged with its comment, in one plan, then forgets the instance.
 */
public final class ServiceFactory {
    private static final int INTERFACE_NAME_MAX = 15;

    private final ServiceCatalog catalog;
    private final ServiceInstanceStore instances;
    private final ApplyConfirmMergeService apply;
    private final RouterRepository routers;
    private final RouterGateway gateway;
    private final ResourceStore store;
    private final Function<RouterId, FactorySettings> settings;
    private final ServiceInstanceFeed feed;
    private final Clock clock;

    /**
     * @param settings each router's pool, subnet base and VLAN parent
     */
    public ServiceFactory(ServiceCatalog catalog, ServiceInstanceStore instances, ApplyConfirmMergeService apply,
                          RouterRepository routers, RouterGateway gateway, ResourceStore store,
                          Function<RouterId, FactorySettings> settings, ServiceInstanceFeed feed, Clock clock) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.instances = Objects.requireNonNull(instances, "instances");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.gateway = Objects.requireNonNull(gateway, "gateway");
        this.store = Objects.requireNonNull(store, "store");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.feed = Objects.requireNonNull(feed, "feed");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Follows the router's instances as they change (install, lifecycle, health, policies, uninstall). Close the
     * subscription to stop.
     */
    public ResourceEventBus.Subscription follow(Principal who, RouterId router, Consumer<ServiceInstance> listener) {
        who.require(Role.VIEWER, "see services");
        requireRouter(router);
        return feed.subscribe(router, listener);
    }

    /** What an uninstall of the instance would remove (its resources and every resource tagged with its comment), in plan order. */
    public List<Resource> uninstallPreview(Principal who, String instanceId) {
        who.require(Role.VIEWER, "see services");
        for (Router router : holderOf(instanceId)) {
            var found = instances.find(router.id(), instanceId);
            if (found.isPresent()) return removable(router, found.get());
        }
        throw InputRefused.of(List.of("id"), "no service instance has id '" + instanceId + "'", instanceId);
    }

    /** The router holding the instance (one index lookup, not a visit of every router's database), if still registered. */
    private List<Router> holderOf(String instanceId) {
        return instances.routerOf(instanceId).flatMap(routers::find).stream().toList();
    }

    private List<Resource> removable(Router router, ServiceInstance instance) {
        var byId = new LinkedHashMap<ResourceId, Resource>();
        var tagged = new ArrayList<Resource>();
        String tag = instance.tag();
        for (Resource r : store.listAll(router.id(), Optional.empty())) {
            byId.put(r.id(), r);
            if (r.configuration().string("comment").map(tag::equals).orElse(false)) tagged.add(r);
        }
        var remove = new LinkedHashMap<ResourceId, Resource>();
        tagged.forEach(r -> remove.put(r.id(), r));
        instance.resources().stream().filter(byId::containsKey).forEach(id -> remove.putIfAbsent(id, byId.get(id)));
        return List.copyOf(remove.values());
    }

    /** The services a user can install. */
    public List<ServiceTemplate> templates(Principal who) {
        who.require(Role.VIEWER, "see services");
        return catalog.templates();
    }

    /** The router's installed services, oldest first. */
    public List<ServiceInstance> instances(Principal who, RouterId router) {
        who.require(Role.VIEWER, "see services");
        requireRouter(router);
        return instances.list(router);
    }

    /**
     * Installs a service on the router and returns its instance ({@link InstanceState#PULLING} while the router
     * fetches a container image, {@link InstanceState#RUNNING} for a router-native gateway).
     *
     * @throws InputRefused   what the request gets wrong, each problem naming the value; nothing reached the router
     * @throws NoSuchRouter   no such router
     * @throws com.nasnetconnect.domain.apply.ApplyException the router refused or could not confirm; router and
     *                        store are as before, and the instance was forgotten
     * @throws com.nasnetconnect.domain.router.RouterException the router could not be read; nothing was changed
     */
    public ServiceInstance install(Principal who, RouterId routerId, InstallRequest request) {
        who.require(Role.OPERATOR, "install services");
        Router router = requireRouter(routerId);
        return feed.exclusively(routerId, () -> installLocked(who, router, request));
    }

    private ServiceInstance installLocked(Principal who, Router router, InstallRequest request) {
        var problems = new ArrayList<InputRefused.Problem>();
        var template = catalog.template(request.template());
        if (template.isEmpty()) {
            problems.add(new InputRefused.Problem(List.of("template"), "unknown service template '" + request.template()
                    + "'; the catalog has " + String.join(", ", catalog.templates().stream().map(ServiceTemplate::id).toList()),
                    request.template()));
            throw new InputRefused(problems);
        }
        ServiceTemplate t = template.get();
        String interfaceName = "nnc-" + t.interfacePrefix() + "-" + request.name();
        checkName(t, request.name(), interfaceName, problems);
        var values = new LinkedHashMap<String, String>();
        checkOptions(t, request.options(), values, problems);
        List<ServiceInstance> existing = instances.list(router.id());
        existing.stream().filter(i -> i.interfaceName().equals(interfaceName)).findFirst().ifPresent(i ->
                problems.add(new InputRefused.Problem(List.of("name"), "a " + i.template() + " service named '" + i.name()
                        + "' is already installed on router '" + router.name() + "' (interface " + interfaceName + ")", request.name())));
        if (!problems.isEmpty()) throw new InputRefused(problems);

        FactorySettings s = settings.apply(router.id());
        var seen = readRouter(router);
        if (t.needsContainer() && !seen.platform().hasPackage("container")) {
            problems.add(new InputRefused.Problem(List.of("routerId"), "service " + t.id() + " runs in a container, and router '"
                    + router.name() + "' (RouterOS " + seen.platform().version() + ") does not have the 'container' package installed",
                    router.id().value()));
        }
        if (seen.interfaces().contains(interfaceName)) {
            problems.add(new InputRefused.Problem(List.of("name"), "router '" + router.name() + "' already has an interface named "
                    + interfaceName + "; choose another name", request.name()));
        }
        Optional<Allocation> allocation = allocate(router, s, existing, seen, interfaceName, problems);
        if (!problems.isEmpty()) throw new InputRefused(problems);

        String id = UUID.randomUUID().toString();
        PlannedInstall planned = new InstallPlanner(s).plan(t, values, allocation.orElseThrow(), id, who.name());
        var plain = new LinkedHashMap<String, String>();
        var secrets = new LinkedHashMap<String, Secret>();
        values.forEach((k, v) -> {
            if (t.option(k).map(o -> o.rule().secret()).orElse(false)) secrets.put(k, Secret.of(v));
            else plain.put(k, v);
        });
        var instance = new ServiceInstance(id, router.id(), t.id(), request.name(), interfaceName, allocation.get().vlanId(),
                allocation.get().subnet().cidr(), InstanceState.PENDING, 0, InstanceHealth.unknown(), planned.resources(), plain,
                secrets, clock.instant());
        try {
            instances.reserve(instance);
        } catch (ServiceInstanceStore.Taken e) {
            throw InputRefused.of(List.of("name"), e.getMessage(), request.name());
        }
        try {
            apply.apply(router, planned.plan());
        } catch (RuntimeException e) {
            instances.delete(router.id(), id);
            throw e;
        }
        var installed = t.needsContainer() ? instance.with(InstanceState.PULLING, 0) : instance.with(InstanceState.RUNNING, 100);
        instances.update(installed);
        feed.publish(installed);
        return installed;
    }

    /**
     * Removes every object the instance created (and every resource tagged {@code nnc:<id>}, such as its routing
     * policies) in one plan, then forgets the instance. Returns the instance as it was, {@link InstanceState#STOPPED},
     * with the resources removed.
     *
     * @throws InputRefused no instance has this id ({@code id})
     * @throws com.nasnetconnect.domain.apply.ApplyException the router refused or could not confirm; router, store
     *                      and instance are as before
     */
    public ServiceInstance uninstall(Principal who, String instanceId) {
        who.require(Role.OPERATOR, "uninstall services");
        for (Router router : holderOf(instanceId)) {
            var found = instances.find(router.id(), instanceId);
            if (found.isEmpty()) continue;
            Optional<ServiceInstance> gone = feed.exclusively(router.id(), () -> {
                var current = instances.find(router.id(), instanceId);
                if (current.isEmpty()) return Optional.<ServiceInstance>empty();
                ServiceInstance instance = current.get();
                stopContainers(router, instance);
                List<ResourceId> remove = removable(router, instance).stream().map(Resource::id).toList();
                if (!remove.isEmpty()) {
                    apply.apply(router, new ChangePlan(remove.stream().map(r -> Change.delete(r.toString())).toList(), who.name()));
                }
                instances.delete(router.id(), instanceId);
                apply.tidy(router); // the removal plan's journal script goes too: nothing of the instance stays
                var stopped = instance.with(InstanceState.STOPPED, 0).withResources(remove);
                feed.publish(stopped);
                return Optional.of(stopped);
            });
            if (gone.isPresent()) return gone.get();
            break;
        }
        throw InputRefused.of(List.of("id"), "no service instance has id '" + instanceId + "'", instanceId);
    }

    /**
     * RouterOS refuses to remove a running container, and the service lifecycle starts them: an uninstall first
     * stops the instance's running containers (a runtime action, outside the plan). One that is still stopping
     * makes the plan fail with the router's words, and the uninstall can be tried again.
     */
    private void stopContainers(Router router, ServiceInstance instance) {
        if (!catalog.template(instance.template()).map(ServiceTemplate::needsContainer).orElse(true)) return;
        try (RouterSession session = gateway.session(router.endpoint())) {
            var running = session.execute(RouterCommand.of("/container/print").where("?comment=" + instance.tag())).rows().stream()
                    .filter(c -> "running".equals(c.get("status"))).toList();
            if (running.isEmpty()) return;
            var batch = session.batch();
            running.forEach(c -> batch.add(RouterCommand.of("/container/stop").with(".id", c.get(".id"))));
            batch.run();
        } catch (com.nasnetconnect.domain.router.RouterException.Trap e) {
            // no /container menu (no container package): nothing runs
        }
    }

    private void checkName(ServiceTemplate t, String name, String interfaceName, List<InputRefused.Problem> problems) {
        if (!name.matches("[a-z][a-z0-9]*")) {
            problems.add(new InputRefused.Problem(List.of("name"), "name '" + name
                    + "' must start with a lower-case letter and hold only lower-case letters and digits", name));
        } else if (interfaceName.length() > INTERFACE_NAME_MAX) {
            int room = INTERFACE_NAME_MAX - ("nnc-" + t.interfacePrefix() + "-").length();
            problems.add(new InputRefused.Problem(List.of("name"), "name '" + name + "' makes the interface name '" + interfaceName
                    + "' " + interfaceName.length() + " characters long; RouterOS allows " + INTERFACE_NAME_MAX + ", so a "
                    + t.id() + " service's name has at most " + room + " characters", name));
        }
    }

    private static void checkOptions(ServiceTemplate t, List<InstallRequest.OptionValue> given, Map<String, String> values,
                                     List<InputRefused.Problem> problems) {
        var keys = new HashSet<String>();
        for (var o : given) {
            var option = t.option(o.key());
            if (option.isEmpty()) {
                problems.add(new InputRefused.Problem(List.of("options", o.key()), "service " + t.id() + " has no option '" + o.key()
                        + "'" + (t.options().isEmpty() ? "; it takes none" : "; its options are "
                        + String.join(", ", t.options().stream().map(TemplateOption::key).toList())), o.key()));
                continue;
            }
            if (!keys.add(o.key())) {
                problems.add(new InputRefused.Problem(List.of("options", o.key()), "option " + o.key() + " is given twice", o.key()));
                continue;
            }
            OptionRule rule = option.get().rule();
            var wrong = rule.problem(o.key(), o.value());
            if (wrong.isPresent()) {
                problems.add(new InputRefused.Problem(List.of("options", o.key()), wrong.get(), rule.secret() ? null : o.value()));
            } else {
                values.put(o.key(), rule.normalize(o.value()));
            }
        }
        for (TemplateOption o : t.options()) {
            if (keys.contains(o.key())) continue;
            if (o.defaultValue().isPresent()) values.put(o.key(), o.defaultValue().get());
            else if (o.required()) {
                problems.add(new InputRefused.Problem(List.of("options", o.key()), "service " + t.id() + " needs option "
                        + o.key() + " (" + o.label() + ")", null));
            }
        }
    }

    /** What one read of the router says: platform, its addresses, its VLAN ids and its interface names. */
    private record RouterFacts(PlatformInfo platform, List<Map<String, String>> addresses, Set<Integer> vlanIds, Set<String> interfaces) { }

    private RouterFacts readRouter(Router router) {
        try (RouterSession session = gateway.session(router.endpoint())) {
            var batch = session.batch();
            var platform = batch.platform();
            var addresses = batch.add(RouterCommand.of("/ip/address/print"));
            var vlans = batch.add(RouterCommand.of("/interface/vlan/print"));
            var ifaces = batch.add(RouterCommand.of("/interface/print"));
            batch.run();
            var vlanIds = new HashSet<Integer>();
            for (var row : rows(vlans)) {
                try {
                    vlanIds.add(Integer.parseInt(row.getOrDefault("vlan-id", "")));
                } catch (NumberFormatException ignored) {
                    // a VLAN without a readable id holds none of the pool
                }
            }
            var names = new HashSet<String>();
            rows(ifaces).forEach(r -> { if (r.get("name") != null) names.add(r.get("name")); });
            rows(vlans).forEach(r -> { if (r.get("name") != null) names.add(r.get("name")); });
            return new RouterFacts(platform.get(), rows(addresses), vlanIds, names);
        }
    }

    private static List<Map<String, String>> rows(RouterSession.Pending<RouterReply> reply) {
        return reply.get().rows();
    }

    /**
     * The lowest VLAN id of the pool that no instance and no router VLAN uses and whose subnet overlaps no address
     * on the router; when none is left, the problem says whether the pool ran out or every free id's subnet clashes.
     */
    private Optional<Allocation> allocate(Router router, FactorySettings s, List<ServiceInstance> existing, RouterFacts seen,
                                          String interfaceName, List<InputRefused.Problem> problems) {
        var used = new HashSet<>(seen.vlanIds());
        existing.forEach(i -> used.add(i.vlanId()));
        var routerNets = new ArrayList<Map.Entry<Subnet, String>>();
        for (var row : seen.addresses()) {
            Subnet.parse(row.get("address")).ifPresent(n -> routerNets.add(Map.entry(n, row.getOrDefault("interface", "?"))));
        }
        for (ServiceInstance i : existing) routerNets.add(Map.entry(Subnet.of(i.subnet()), i.interfaceName()));
        String firstClash = null;
        String clashValue = null;
        for (int vlan = s.vlanFirst(); vlan <= s.vlanLast(); vlan++) {
            if (used.contains(vlan)) continue;
            Subnet candidate = s.subnet(vlan);
            var clash = routerNets.stream().filter(n -> n.getKey().overlaps(candidate)).findFirst();
            if (clash.isEmpty()) return Optional.of(new Allocation(vlan, candidate, interfaceName));
            if (firstClash == null) {
                firstClash = candidate.cidr() + " overlaps " + clash.get().getKey() + " on " + clash.get().getValue();
                clashValue = clash.get().getKey().toString();
            }
        }
        String pool = s.vlanFirst() + "-" + s.vlanLast();
        if (firstClash != null) {
            problems.add(new InputRefused.Problem(List.of("routerId"), "no free subnet for a new service on router '" + router.name()
                    + "': the subnet of every free VLAN id of the pool " + pool + " overlaps an address on the router ("
                    + firstClash + "); change the subnet base " + s.subnetBase() + " or the address", clashValue));
        } else {
            problems.add(new InputRefused.Problem(List.of("routerId"), "the VLAN pool " + pool + " of router '" + router.name()
                    + "' is exhausted: all " + (s.vlanLast() - s.vlanFirst() + 1) + " ids are in use", pool));
        }
        return Optional.empty();
    }

    private Router requireRouter(RouterId id) {
        return routers.find(id).orElseThrow(() -> new NoSuchRouter(id.value()));
    }
}

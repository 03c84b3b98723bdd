package com.nasnetconnect.domain.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.ApplyLedger;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.DriftReport;
import com.nasnetconnect.domain.apply.FakeRouter;
import com.nasnetconnect.domain.apply.InMemoryResourceStore;
import com.nasnetconnect.domain.apply.InMemoryRouters;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ManagedResource;
import com.nasnetconnect.domain.apply.MergedChange;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.factory.PolicyMatch.Kind;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Resource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Routing policies over the in-memory router, store and instances: small plans, moves, validation, clean removal. */
class RoutingPoliciesTest {
    static final RouterId LAB = ServiceFactoryTest.ROUTER.id();
    static final String LAPTOP = "02:00:00:00:00:0A";

    final FakeRouter router = new FakeRouter()
            .row("/interface", Map.of("name", "ether1", "type", "ether"))
            .row("/interface", Map.of("name", "ether3", "type", "ether"))
            .row("/interface", Map.of("name", "bridge", "type", "bridge"))
            .row("/ip/address", Map.of("address", "192.168.88.1/24", "interface", "bridge", "network", "192.168.88.0"))
            .row("/routing/table", Map.of("name", "main", "builtin", "true"))
            .row("/ip/dhcp-server/lease", Map.of("mac-address", LAPTOP, "address", "192.168.88.23", "active-address", "192.168.88.23",
                    "server", "lan", "dynamic", "true", "status", "bound", "disabled", "false"));
    final InMemoryResourceStore store = new InMemoryResourceStore();
    final InMemoryInstances instances = new InMemoryInstances();
    final InMemoryPolicies policyStore = new InMemoryPolicies(instances);
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final StateApplyLedger ledger = new StateApplyLedger(store, new ResourceEventBus(), specs, ServiceFactoryTest.CLOCK);
    final AtomicInteger applies = new AtomicInteger();
    final ApplyConfirmMergeService apply = new ApplyConfirmMergeService(router, new ApplyLedger() {
        @Override public List<ManagedResource> resources(RouterId r) { return ledger.resources(r); }
        @Override public void commit(RouterId r, List<MergedChange> changes) { applies.incrementAndGet(); ledger.commit(r, changes); }
        @Override public void recordDrift(RouterId r, List<DriftReport> drifts) { ledger.recordDrift(r, drifts); }
    }, specs, new BasicSchemaRules(specs), LinkLossGuard.NONE, ServiceFactoryTest.CLOCK);
    final InMemoryRouters routers = new InMemoryRouters().with(ServiceFactoryTest.ROUTER);
    final ServiceInstanceFeed feed = new ServiceInstanceFeed();
    final ServiceFactory factory = new ServiceFactory(new TestCatalog(), instances, apply, routers, router, store,
            r -> FactorySettings.defaults(), feed, ServiceFactoryTest.CLOCK);
    final RoutingPolicies policies = new RoutingPolicies(instances, policyStore, apply, routers, router, store, feed, ServiceFactoryTest.CLOCK);
    final List<ServiceInstance> published = new CopyOnWriteArrayList<>();

    RoutingPoliciesTest() {
        router.platform = new PlatformInfo("7.16.2", "CHR", "x86_64", Set.of("routeros", "container"));
        feed.subscribe(LAB, published::add);
    }

    ServiceInstance install(String template, String name, String... options) {
        return factory.install(ServiceFactoryTest.OPERATOR, LAB, InstallRequest.of(template, name, options));
    }

    RoutingPolicy route(ServiceInstance through, Kind kind, String value) {
        return policies.routeThrough(ServiceFactoryTest.OPERATOR, LAB, through.id(), new PolicyMatch(kind, value));
    }

    InputRefused refused(String instanceId, Kind kind, String value) {
        int writes = router.writes();
        var e = catchThrowable(() -> policies.routeThrough(ServiceFactoryTest.OPERATOR, LAB, instanceId, new PolicyMatch(kind, value)));
        assertThat(e).as("refusal of " + kind + " " + value).isInstanceOf(InputRefused.class);
        assertThat(router.writes()).as("writes to the router").isEqualTo(writes);
        return (InputRefused) e;
    }

    List<Resource> stored() {
        return store.list(LAB, Optional.empty(), PageRequest.first(PageRequest.MAX)).items();
    }

    /** Each menu's rows without their .id, as a multiset: what is configured, whatever ids the router gave it. */
    static Map<String, List<Map<String, String>>> withoutIds(Map<String, Map<String, Map<String, String>>> snapshot) {
        var out = new java.util.TreeMap<String, List<Map<String, String>>>();
        snapshot.forEach((menu, rows) -> out.put(menu, rows.values().stream().map(r -> {
            var copy = new java.util.TreeMap<>(r);
            copy.remove(".id");
            return (Map<String, String>) copy;
        }).sorted(java.util.Comparator.comparing(Object::toString)).toList()));
        return out;
    }

    List<Map<String, String>> taggedRows(String menu, ServiceInstance i) {
        return router.rows(menu).stream().filter(r -> i.tag().equals(r.get("comment"))).toList();
    }

    @Test
    void routingASubnetThroughTorIsOneSmallPlanOfTaggedRecordedObjectsAndTheInstanceIsPublished() {
        var tor = install("tor", "usa", "exitCountry", "us");
        int before = applies.get();
        int mangles = taggedRows("/ip/firewall/mangle", tor).size();
        published.clear();

        var policy = route(tor, Kind.SUBNET, "192.168.88.7/24");

        assertThat(applies.get() - before).isEqualTo(1);
        assertThat(policy.match()).isEqualTo(new PolicyMatch(Kind.SUBNET, "192.168.88.0/24"));
        assertThat(policy.instanceId()).isEqualTo(tor.id());
        assertThat(policy.createdAt()).isEqualTo(ServiceFactoryTest.CLOCK.instant());
        assertThat(policy.resources()).hasSize(3);
        assertThat(taggedRows("/ip/firewall/mangle", tor)).hasSize(mangles + 1).anySatisfy(r -> assertThat(r)
                .containsEntry("src-address", "192.168.88.0/24").containsEntry("new-routing-mark", "nnc-tor-usa")
                .containsEntry("action", "mark-routing"));
        assertThat(taggedRows("/ip/firewall/filter", tor)).anySatisfy(r -> assertThat(r).containsEntry("src-address", "192.168.88.0/24")
                .containsEntry("out-interface", "nnc-tor-usa").containsEntry("action", "accept"));
        assertThat(stored()).extracting(Resource::id).containsAll(policy.resources());
        assertThat(policies.list(ServiceFactoryTest.VIEWER, LAB)).containsExactly(policy);
        assertThat(published).extracting(ServiceInstance::id).containsExactly(tor.id());
    }

    @Test
    void aDeviceByMacGoesThroughTheAddressOfItsDhcpLeaseAndAMacWithoutALeaseIsRefused() {
        var tor = install("tor", "usa", "exitCountry", "us");

        var policy = route(tor, Kind.MAC, "02-00-00-00-00-0a");

        assertThat(policy.match()).isEqualTo(new PolicyMatch(Kind.MAC, LAPTOP));
        assertThat(taggedRows("/ip/firewall/mangle", tor)).anySatisfy(r -> assertThat(r).containsEntry("src-address", "192.168.88.23"));
        var e = refused(tor.id(), Kind.MAC, "02:00:00:00:00:0B");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.at()).containsExactly("match", "mac");
            assertThat(p.value()).isEqualTo("02:00:00:00:00:0B");
            assertThat(p.message()).isEqualTo("no DHCP lease on router 'lab' for 02:00:00:00:00:0B; the device must have taken an address "
                    + "first, or route its IP");
        });
    }

    @Test
    void movingADeviceFromTorToWireguardIsOneChangeThatLeavesNothingOfTheTorPolicy() {
        var tor = install("tor", "usa", "exitCountry", "us");
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        var viaTor = route(tor, Kind.MAC, LAPTOP);
        int before = applies.get();
        published.clear();

        var viaWg = route(wg, Kind.MAC, LAPTOP);

        assertThat(applies.get() - before).isEqualTo(1);
        assertThat(policies.list(ServiceFactoryTest.OPERATOR, LAB)).containsExactly(viaWg);
        assertThat(stored()).extracting(Resource::id).containsAll(viaWg.resources()).doesNotContainAnyElementsOf(viaTor.resources());
        assertThat(router.rows("/ip/firewall/mangle")).filteredOn(r -> "192.168.88.23".equals(r.get("src-address")))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("new-routing-mark", "nnc-wg-home").containsEntry("comment", wg.tag()));
        assertThat(router.rows("/ip/firewall/filter")).filteredOn(r -> "192.168.88.23".equals(r.get("src-address")))
                .allSatisfy(r -> assertThat(r.get("comment")).isEqualTo(wg.tag())).hasSize(2);
        assertThat(published).extracting(ServiceInstance::id).containsExactly(tor.id(), wg.id());
    }

    @Test
    void aMoveTheRouterRefusesLeavesTheOldPolicyInPlace() {
        var tor = install("tor", "usa", "exitCountry", "us");
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        var viaTor = route(tor, Kind.ADDRESS, "192.168.88.50");
        var before = router.snapshot();
        router.refuseWhen(c -> c.verb().equals("add") && "nnc-wg-home".equals(c.attributes().get("new-routing-mark")));

        assertThatThrownBy(() -> route(wg, Kind.ADDRESS, "192.168.88.50")).isInstanceOf(com.nasnetconnect.domain.apply.ApplyException.class);

        assertThat(withoutIds(router.snapshot())).isEqualTo(withoutIds(before)); // the rollback re-adds what it removed, under new ids
        assertThat(policies.list(ServiceFactoryTest.OPERATOR, LAB)).containsExactly(viaTor);
        assertThat(stored()).extracting(Resource::id).containsAll(viaTor.resources());
    }

    @Test
    void theSameMatchThroughTheSameInstanceIsRefusedNamingThePolicy() {
        var tor = install("tor", "usa", "exitCountry", "us");
        var first = route(tor, Kind.DOMAIN, "Example.com.");
        var e = refused(tor.id(), Kind.DOMAIN, "example.com");
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.at()).containsExactly("match", "domain");
            assertThat(p.message()).contains("domain example.com is already routed through nnc-tor-usa", first.id());
        });
        assertThat(route(tor, Kind.DOMAIN, "example.org").resources()).doesNotContainAnyElementsOf(first.resources());
        assertThat(taggedRows("/ip/firewall/address-list", tor)).extracting(r -> r.get("list") + " " + r.get("address"))
                .containsExactlyInAnyOrder("nnc-tor-usa:example.com example.com", "nnc-tor-usa:example.org example.org");
    }

    @Test
    void badMatchValuesAnUnknownInterfaceAndAnUnknownInstanceAreRefusedNamingTheValue() {
        var tor = install("tor", "usa", "exitCountry", "us");
        assertThat(refused(tor.id(), Kind.SUBNET, "192.168.88.0/33").getMessage())
                .contains("match.subnet: subnet '192.168.88.0/33' is not an IPv4 network in CIDR form");
        assertThat(refused(tor.id(), Kind.SUBNET, "192.168.88.7").getMessage()).contains("subnet '192.168.88.7'");
        assertThat(refused(tor.id(), Kind.ADDRESS, "192.168.88.300").getMessage()).contains("address '192.168.88.300' is not an IPv4 address");
        assertThat(refused(tor.id(), Kind.MAC, "02:00:00:0A").getMessage()).contains("mac '02:00:00:0A' is not a MAC address");
        assertThat(refused(tor.id(), Kind.DOMAIN, "exa mple.com").getMessage()).contains("domain 'exa mple.com' is not a domain name");
        assertThat(refused(tor.id(), Kind.DOMAIN, "localhost").getMessage()).contains("'localhost'");
        assertThat(refused(tor.id(), Kind.INTERFACE, "ether9").problems()).singleElement().satisfies(p -> {
            assertThat(p.at()).containsExactly("match", "interface");
            assertThat(p.message()).isEqualTo("router 'lab' has no interface named 'ether9'");
        });
        assertThat(refused(tor.id(), Kind.INTERFACE, "nnc-vlan101").getMessage()).contains("belongs to the tor service nnc-tor-usa");
        var e = refused("5d0f3c0e-0000-4000-8000-000000000000", Kind.ADDRESS, "10.0.0.300");
        assertThat(e.problems()).extracting(p -> String.join(".", p.at())).containsExactly("instanceId", "match.address");
        assertThat(e.problems().get(0).message()).isEqualTo("no service instance has id '5d0f3c0e-0000-4000-8000-000000000000' on router 'lab'");
        assertThat(policies.list(ServiceFactoryTest.OPERATOR, LAB)).isEmpty();
    }

    @Test
    void aDeviceInsideANetworkRoutedThroughAnotherServiceIsRefusedBecauseTheFirstRuleWouldWin() {
        var tor = install("tor", "usa", "exitCountry", "us");
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        var lan = route(tor, Kind.SUBNET, "192.168.88.0/24");

        var e = refused(wg.id(), Kind.MAC, LAPTOP);
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.at()).containsExactly("match", "mac");
            assertThat(p.message()).isEqualTo("mac " + LAPTOP + " (192.168.88.23) overlaps subnet 192.168.88.0/24, routed through nnc-tor-usa (policy "
                    + lan.id() + "); the router applies the rule that came first, so remove that policy first");
        });
        assertThat(refused(wg.id(), Kind.SUBNET, "192.168.0.0/16").getMessage()).contains("overlaps subnet 192.168.88.0/24");
        assertThat(route(tor, Kind.ADDRESS, "192.168.88.23").instanceId()).isEqualTo(tor.id());
        assertThat(route(wg, Kind.ADDRESS, "192.168.89.5").instanceId()).isEqualTo(wg.id());
    }

    @Test
    void aServicesOwnNetworkCannotBeRoutedThroughAService() {
        var tor = install("tor", "usa", "exitCountry", "us");
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        assertThat(refused(wg.id(), Kind.SUBNET, "10.99.0.0/16").problems()).extracting(InputRefused.Problem::message).containsExactly(
                "subnet 10.99.0.0/16 overlaps 10.99.101.0/24, the network of service nnc-tor-usa; a service's own network cannot be routed through a service",
                "subnet 10.99.0.0/16 overlaps 10.99.102.0/24, the network of service nnc-wg-home; a service's own network cannot be routed through a service");
        assertThat(refused(tor.id(), Kind.ADDRESS, "10.99.101.250").getMessage()).contains("the network of service nnc-tor-usa");
    }

    @Test
    void throughAdguardANetworksDnsIsRedirectedAndADomainIsRefused() {
        var dns = install("adguard", "home");

        route(dns, Kind.INTERFACE, "ether3");

        assertThat(taggedRows("/ip/firewall/nat", dns)).filteredOn(r -> "ether3".equals(r.get("in-interface")))
                .extracting(r -> r.get("protocol") + " " + r.get("dst-port") + " " + r.get("to-addresses"))
                .containsExactlyInAnyOrder("udp 53 10.99.101.254", "tcp 53 10.99.101.254");
        assertThat(refused(dns.id(), Kind.DOMAIN, "example.com").getMessage()).contains("nnc-adg-home", "answers the DNS", "example.com");
    }

    @Test
    void removingAPolicyRemovesItsObjectsInOnePlanAndForgetsIt() {
        var tor = install("tor", "usa", "exitCountry", "us");
        var before = router.snapshot();
        var policy = route(tor, Kind.DOMAIN, "example.com");
        int applied = applies.get();

        assertThat(policies.remove(ServiceFactoryTest.OPERATOR, policy.id())).isEqualTo(policy);

        assertThat(applies.get() - applied).isEqualTo(1);
        assertThat(router.snapshot()).isEqualTo(before);
        assertThat(stored()).extracting(Resource::id).doesNotContainAnyElementsOf(policy.resources());
        assertThat(policies.list(ServiceFactoryTest.OPERATOR, LAB)).isEmpty();
        assertThatThrownBy(() -> policies.remove(ServiceFactoryTest.OPERATOR, policy.id())).isInstanceOf(InputRefused.class)
                .hasMessageContaining("no routing policy has id '" + policy.id() + "'");
    }

    @Test
    void uninstallingAnInstanceRemovesItsPoliciesObjectsAndForgetsThem() {
        var before = router.snapshot();
        var tor = install("tor", "usa", "exitCountry", "us");
        route(tor, Kind.SUBNET, "192.168.88.0/24");
        route(tor, Kind.MAC, LAPTOP);
        route(tor, Kind.DOMAIN, "example.com");
        route(tor, Kind.INTERFACE, "ether3");

        factory.uninstall(ServiceFactoryTest.OPERATOR, tor.id());

        assertThat(router.snapshot()).isEqualTo(before);
        assertThat(stored()).isEmpty();
        assertThat(policies.list(ServiceFactoryTest.OPERATOR, LAB)).isEmpty();
    }

    @Test
    void aMatchNamesExactlyOneField() {
        assertThat(PolicyMatch.of(null, " ", "192.168.88.10", null, "")).isEqualTo(new PolicyMatch(Kind.ADDRESS, "192.168.88.10"));
        assertThatThrownBy(() -> PolicyMatch.of(null, null, null, null, null)).isInstanceOf(InputRefused.class)
                .hasMessageContaining("match: a routing policy matches exactly one of interface, subnet, address, mac, domain; none was given");
        var e = (InputRefused) catchThrowable(() -> PolicyMatch.of(null, "10.0.0.0/8", null, LAPTOP, null));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.at()).containsExactly("match");
            assertThat(p.message()).contains("subnet '10.0.0.0/8' and mac '" + LAPTOP + "' were given");
        });
    }

    @Test
    void aViewerSeesPoliciesButMayNotRouteOrRemove() {
        var tor = install("tor", "usa", "exitCountry", "us");
        var policy = route(tor, Kind.ADDRESS, "192.168.88.10");
        assertThatThrownBy(() -> policies.routeThrough(ServiceFactoryTest.VIEWER, LAB, tor.id(), new PolicyMatch(Kind.ADDRESS, "192.168.88.11")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> policies.remove(ServiceFactoryTest.VIEWER, policy.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(policies.list(ServiceFactoryTest.VIEWER, LAB)).containsExactly(policy);
    }
}

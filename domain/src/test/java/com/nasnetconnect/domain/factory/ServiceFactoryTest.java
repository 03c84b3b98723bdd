package com.nasnetconnect.domain.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.ApplyException;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.FakeRouter;
import com.nasnetconnect.domain.apply.InMemoryResourceStore;
import com.nasnetconnect.domain.apply.InMemoryRouters;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.domain.state.Resource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The factory's in-port over the in-memory router, store and catalog: validation, allocation, all-or-nothing install, clean uninstall. */
class ServiceFactoryTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T01:00:00Z"), ZoneOffset.UTC);
    static final Router ROUTER = new Router(new RouterId("lab"), "lab",
            new RouterEndpoint("127.0.0.1", 8728, false, "admin", Secret.of("pw")), false, CLOCK.instant());
    static final Principal OPERATOR = new Principal("otto", Role.OPERATOR, false);
    static final Principal VIEWER = new Principal("vera", Role.VIEWER, false);
    /** The .ids of the rows the router starts with. */
    static final Set<String> PREEXISTING = Set.of("*1", "*2", "*3", "*4");

    final FakeRouter router = new FakeRouter()
            .row("/interface", Map.of("name", "ether1", "type", "ether"))
            .row("/interface", Map.of("name", "bridge", "type", "bridge"))
            .row("/ip/address", Map.of("address", "192.168.88.1/24", "interface", "bridge", "network", "192.168.88.0"))
            .row("/routing/table", Map.of("name", "main", "builtin", "true"));
    final InMemoryResourceStore store = new InMemoryResourceStore();
    final InMemoryInstances instances = new InMemoryInstances();
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    final ApplyConfirmMergeService apply = new ApplyConfirmMergeService(router,
            new StateApplyLedger(store, new ResourceEventBus(), specs, CLOCK), specs, new BasicSchemaRules(specs), LinkLossGuard.NONE, CLOCK);
    FactorySettings settings = FactorySettings.defaults();
    final ServiceInstanceFeed feed = new ServiceInstanceFeed();
    final ServiceFactory factory = new ServiceFactory(new TestCatalog(), instances, apply, new InMemoryRouters().with(ROUTER),
            router, store, r -> settings, feed, CLOCK);

    ServiceFactoryTest() {
        router.platform = new PlatformInfo("7.16.2", "CHR", "x86_64", Set.of("routeros", "container"));
    }

    List<Resource> stored() {
        return store.list(ROUTER.id(), Optional.empty(), PageRequest.first(PageRequest.MAX)).items();
    }

    ServiceInstance install(String template, String name, String... options) {
        return factory.install(OPERATOR, ROUTER.id(), InstallRequest.of(template, name, options));
    }

    InputRefused refused(InstallRequest request) {
        int writes = router.writes();
        var e = (InputRefused) org.assertj.core.api.Assertions.catchThrowable(() -> factory.install(OPERATOR, ROUTER.id(), request));
        assertThat(e).as("refusal of " + request).isNotNull();
        assertThat(router.writes()).as("writes to the router").isEqualTo(writes);
        return e;
    }

    @Test
    void installingTorGivesInterfaceNncTorUsaOnTheFirstPoolVlanWithEveryObjectTaggedAndRecorded() {
        var tor = install("tor", "usa", "exitCountry", "US");

        assertThat(tor.interfaceName()).isEqualTo("nnc-tor-usa");
        assertThat(tor.vlanId()).isEqualTo(101);
        assertThat(tor.subnet()).isEqualTo("10.99.101.0/24");
        assertThat(tor.state()).isEqualTo(InstanceState.PULLING);
        assertThat(tor.options()).containsEntry("exitCountry", "us");
        assertThat(instances.list(ROUTER.id())).containsExactly(tor);

        assertThat(router.rows("/interface/vlan")).singleElement().satisfies(v -> {
            assertThat(v).containsEntry("name", "nnc-vlan101").containsEntry("vlan-id", "101").containsEntry("interface", "bridge");
        });
        assertThat(router.rows("/interface/veth")).extracting(r -> r.get("name")).containsExactlyInAnyOrder("nnc-tor-usa", "nnc-svc101");
        assertThat(router.rows("/container")).hasSize(2).anySatisfy(c ->
                assertThat(c.get("cmd")).isEqualTo("tor --SocksPort 10.99.101.250:9050 --ExitNodes {us} --StrictNodes 1"));
        assertThat(router.rows("/ip/route")).extracting(r -> r.get("routing-table")).containsOnly("nnc-tor-usa");
        for (String menu : List.of("/interface/vlan", "/interface/veth", "/container", "/ip/address", "/routing/table", "/ip/route",
                "/ip/firewall/mangle", "/ip/firewall/filter", "/ip/firewall/nat")) {
            assertThat(router.rows(menu)).as(menu).filteredOn(r -> !PREEXISTING.contains(r.get(".id"))).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.get("comment")).isEqualTo("nnc:" + tor.id()));
        }
        assertThat(stored()).extracting(Resource::id).containsExactlyInAnyOrderElementsOf(tor.resources());
        assertThat(stored()).allSatisfy(r -> assertThat(r.configuration().string("comment")).contains(tor.tag()));
    }

    @Test
    void uninstallRemovesEveryObjectAndLeavesTheRouterAsItWasBefore() {
        var before = router.snapshot();
        var tor = install("tor", "usa", "exitCountry", "us");
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        assertThat(router.snapshot()).isNotEqualTo(before);

        var removed = factory.uninstall(OPERATOR, tor.id());
        assertThat(removed.state()).isEqualTo(InstanceState.STOPPED);
        assertThat(removed.resources()).containsExactlyInAnyOrderElementsOf(tor.resources());
        factory.uninstall(OPERATOR, wg.id());

        assertThat(router.snapshot()).isEqualTo(before);
        assertThat(stored()).isEmpty();
        assertThat(factory.instances(OPERATOR, ROUTER.id())).isEmpty();
        assertThatThrownBy(() -> factory.uninstall(OPERATOR, tor.id())).isInstanceOf(InputRefused.class).hasMessageContaining(tor.id());
    }

    @Test
    void anUninstallWaitsForOtherFactoryWorkOnTheRouterSoItNeverRacesAPolicyOrALifecyclePass() throws Exception {
        var tor = install("tor", "usa", "exitCountry", "us");
        var holding = new java.util.concurrent.CountDownLatch(1);
        var release = new java.util.concurrent.CountDownLatch(1);
        var other = Thread.ofPlatform().start(() -> feed.exclusively(ROUTER.id(), () -> {
            holding.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holding.await();
        var uninstall = java.util.concurrent.CompletableFuture.supplyAsync(() -> factory.uninstall(OPERATOR, tor.id()));
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (!feed.contended(ROUTER.id()) && System.nanoTime() < deadline) Thread.onSpinWait();

        assertThat(feed.contended(ROUTER.id())).as("the uninstall waits for the router").isTrue();
        assertThat(instances.find(ROUTER.id(), tor.id())).isPresent();
        release.countDown();
        assertThat(uninstall.get(10, java.util.concurrent.TimeUnit.SECONDS).state()).isEqualTo(InstanceState.STOPPED);
        assertThat(instances.find(ROUTER.id(), tor.id())).isEmpty();
        other.join();
    }

    @Test
    void manyInstancesSitSideBySideEachWithItsOwnVlanSubnetAndTable() {
        var us = install("tor", "usa", "exitCountry", "us");
        var de = install("tor", "de", "exitCountry", "de");
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        var dns = install("adguard", "home");

        assertThat(List.of(us, de, wg, dns)).extracting(ServiceInstance::vlanId).containsExactly(101, 102, 103, 104);
        assertThat(List.of(us, de, wg, dns)).extracting(ServiceInstance::interfaceName)
                .containsExactly("nnc-tor-usa", "nnc-tor-de", "nnc-wg-home", "nnc-adg-home");
        assertThat(router.rows("/routing/table")).extracting(r -> r.get("name")).contains("nnc-tor-usa", "nnc-tor-de", "nnc-wg-home")
                .doesNotContain("nnc-adg-home");
        assertThat(wg.state()).isEqualTo(InstanceState.RUNNING);
        assertThat(router.rows("/container")).hasSize(2 + 2 + 1);
    }

    @Test
    void anUnknownTemplateIsRefusedNamingItAndTheCatalog() {
        var e = refused(InstallRequest.of("tour", "usa"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.at()).containsExactly("template");
            assertThat(p.value()).isEqualTo("tour");
            assertThat(p.message()).contains("'tour'", "adguard, socks5, tor, wireguard");
        });
    }

    @Test
    void aBadOptionIsRefusedNamingTheOptionAndItsValueAndNothingReachesTheRouter() {
        var e = refused(InstallRequest.of("tor", "usa", "exitCountry", "zz", "colour", "red"));
        assertThat(e.problems()).extracting(p -> String.join(".", p.at())).containsExactly("options.exitCountry", "options.colour");
        assertThat(e.problems().get(0).message()).contains("exitCountry 'zz' is not an ISO 3166 country code");
        assertThat(e.problems().get(1).message()).contains("no option 'colour'", "exitCountry");
        assertThat(refused(InstallRequest.of("tor", "usa")).getMessage()).contains("needs option exitCountry");
        assertThat(refused(InstallRequest.of("socks5", "up", "host", "proxy.example.net", "port", "70000")).problems())
                .singleElement().satisfies(p -> assertThat(p.message()).contains("port '70000' is not a port"));
    }

    @Test
    void aSecretOptionIsNeverEchoedInARefusal() {
        var e = refused(InstallRequest.of("wireguard", "home", "config", TestCatalog.WG_CONF.replace("[Peer]", "[Pier]")));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.value()).isNull();
            assertThat(p.message()).contains("config: line", "[pier]").doesNotContain(TestCatalog.PRIVATE_KEY);
        });
        var broken = TestCatalog.WG_CONF.replace(TestCatalog.PRIVATE_KEY, TestCatalog.PRIVATE_KEY.substring(1));
        assertThat(refused(InstallRequest.of("wireguard", "home", "config", broken)).getMessage())
                .contains("PrivateKey is not a WireGuard key").doesNotContain(TestCatalog.PRIVATE_KEY.substring(1));
    }

    @Test
    void aNameThatMakesAnInterfaceNameLongerThan15CharactersIsRefusedSayingHowLongItMayBe() {
        var e = refused(InstallRequest.of("tor", "germany1", "exitCountry", "de"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.at()).containsExactly("name");
            assertThat(p.message()).contains("'nnc-tor-germany1' 16 characters", "at most 7 characters");
        });
        assertThat(refused(InstallRequest.of("tor", "Usa!", "exitCountry", "us")).getMessage()).contains("name 'Usa!' must start");
    }

    @Test
    void aNameAlreadyInstalledIsACollisionNamingTheInterface() {
        install("tor", "usa", "exitCountry", "us");
        var e = refused(InstallRequest.of("tor", "usa", "exitCountry", "de"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.at()).containsExactly("name");
            assertThat(p.message()).contains("already installed", "nnc-tor-usa");
        });
        router.row("/interface", Map.of("name", "nnc-tor-fr", "type", "ether"));
        assertThat(refused(InstallRequest.of("tor", "fr", "exitCountry", "fr")).getMessage()).contains("already has an interface named nnc-tor-fr");
    }

    @Test
    void aRouterWithoutTheContainerPackageRefusesContainerServicesButTakesWireguard() {
        router.platform = new PlatformInfo("7.16.2", "CHR", "x86_64", Set.of("routeros"));
        var e = refused(InstallRequest.of("tor", "usa", "exitCountry", "us"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.at()).containsExactly("routerId");
            assertThat(p.message()).contains("'container' package", "RouterOS 7.16.2", "lab");
        });
        assertThat(install("wireguard", "home", "config", TestCatalog.WG_CONF).state()).isEqualTo(InstanceState.RUNNING);
    }

    @Test
    void anExhaustedVlanPoolIsRefusedNamingThePool() {
        settings = FactorySettings.defaults().withVlanPool(101, 102);
        install("tor", "usa", "exitCountry", "us");
        router.row("/interface/vlan", Map.of("name", "guests", "vlan-id", "102", "interface", "bridge"));
        var e = refused(InstallRequest.of("tor", "de", "exitCountry", "de"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("101-102");
            assertThat(p.message()).contains("VLAN pool 101-102", "exhausted");
        });
    }

    @Test
    void aSubnetOnTheRouterIsSteppedAroundAndWhenEveryFreeSubnetClashesTheClashIsNamed() {
        router.row("/ip/address", Map.of("address", "10.99.101.1/24", "interface", "ether1"));
        router.row("/interface/vlan", Map.of("name", "iot", "vlan-id", "102", "interface", "bridge"));
        assertThat(install("tor", "usa", "exitCountry", "us").vlanId()).isEqualTo(103);

        router.row("/ip/address", Map.of("address", "10.99.0.1/16", "interface", "ether1"));
        var e = refused(InstallRequest.of("tor", "de", "exitCountry", "de"));
        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualTo("10.99.101.1/24");
            assertThat(p.message()).contains("no free subnet", "10.99.101.0/24 overlaps 10.99.101.1/24 on ether1", "subnet base 10.99");
        });
    }

    @Test
    void aRouterThatRefusesACommandGetsEverythingRolledBackAndTheInstanceIsForgotten() {
        var before = router.snapshot();
        router.refuseWhen(c -> c.menu().equals("/container") && c.verb().equals("add"));

        assertThatThrownBy(() -> install("tor", "usa", "exitCountry", "us")).isInstanceOf(ApplyException.Rejected.class);

        assertThat(router.snapshot()).isEqualTo(before);
        assertThat(stored()).isEmpty();
        assertThat(instances.rows).isEmpty();
    }

    @Test
    void theWireguardPrivateKeyGoesOnlyIntoTheSensitiveFieldAndTheInstanceSecrets() {
        var wg = install("wireguard", "home", "config", TestCatalog.WG_CONF);
        assertThat(wg.options()).isEmpty();
        assertThat(wg.secrets().get("config").reveal()).isEqualTo(TestCatalog.WG_CONF);
        assertThat(wg.toString()).doesNotContain(TestCatalog.PRIVATE_KEY);
        assertThat(router.rows("/interface/wireguard")).singleElement().satisfies(r ->
                assertThat(r).containsEntry("name", "nnc-wg-home").containsEntry("private-key", TestCatalog.PRIVATE_KEY));
        assertThat(router.rows("/interface/wireguard/peers")).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("public-key", TestCatalog.PEER_KEY).containsEntry("endpoint-address", "vpn.example.net")
                .containsEntry("endpoint-port", "51820").containsEntry("allowed-address", "0.0.0.0/0"));
        assertThat(router.rows("/ip/address")).extracting(r -> r.get("address")).contains("10.66.0.2/32", "10.99.101.1/25");
        assertThat(router.rows("/ip/route")).extracting(r -> r.get("gateway")).contains("nnc-wg-home");
    }

    @Test
    void aViewerSeesTheCatalogButMayNotInstallOrUninstall() {
        assertThat(factory.templates(VIEWER)).extracting(ServiceTemplate::id).containsExactly("adguard", "socks5", "tor", "wireguard");
        assertThatThrownBy(() -> factory.install(VIEWER, ROUTER.id(), InstallRequest.of("tor", "usa", "exitCountry", "us")))
                .isInstanceOf(AccessDeniedException.class);
        var tor = install("tor", "usa", "exitCountry", "us");
        assertThatThrownBy(() -> factory.uninstall(VIEWER, tor.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(factory.instances(VIEWER, ROUTER.id())).containsExactly(tor);
    }
}

package com.nasnetconnect.routeros.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.factory.FactorySettings;
import com.nasnetconnect.domain.factory.InstallRequest;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.domain.factory.ServiceInstanceFeed;
import com.nasnetconnect.domain.factory.ServiceFactory;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.security.SecretCipher;
import com.nasnetconnect.storage.factory.SqliteServiceCatalog;
import com.nasnetconnect.storage.factory.SqliteServiceInstanceStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The factory end to end: the seeded SQLite catalog and instance store, apply-confirm-merge through the real
 * gateway over TCP to the simulator of each RouterOS version, and an uninstall that leaves the router's
 * configuration exactly as before (the simulator's snapshot diff).
 */
@Timeout(60)
class FactoryOnSimulatorTest {
    static final Principal OPERATOR = new Principal("otto", Role.OPERATOR, false);
    static final String WG_CONF = """
            [Interface]
            PrivateKey = yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=
            Address = 10.66.0.2/32

            [Peer]
            PublicKey = xTIBA5rboUvnH4htodjb6e697QjLERt1NAB4mZqp8Dg=
            AllowedIPs = 0.0.0.0/0
            Endpoint = 203.0.113.7:51820
            """;

    @TempDir Path dir;
    final TestClock clock = new TestClock(Instant.parse("2026-12-02T01:00:00Z"));

    /** Not a cipher: the at-rest sealing is the storage tests' business; here only the round trip matters. */
    static final SecretCipher CIPHER = new SecretCipher() {
        @Override public String seal(Secret secret) {
            return "b64:" + Base64.getEncoder().encodeToString(secret.reveal().getBytes(StandardCharsets.UTF_8));
        }
        @Override public Secret open(String sealed) {
            return Secret.of(new String(Base64.getDecoder().decode(sealed.substring(4)), StandardCharsets.UTF_8));
        }
    };

    static RouterRepository only(Router router) {
        return new RouterRepository() {
            @Override public List<Router> findAll() { return List.of(router); }
            @Override public Optional<Router> find(RouterId id) { return Optional.of(router).filter(r -> r.id().equals(id)); }
            @Override public void save(Router r) { throw new UnsupportedOperationException(); }
            @Override public void delete(RouterId id) { throw new UnsupportedOperationException(); }
        };
    }

    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void installingTorWireguardAndAdguardThenUninstallingThemLeavesTheRouterAsBefore(String version) {
        try (var r = new SimRouter(version, clock); var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            var instances = new SqliteServiceInstanceStore(server.databases, CIPHER);
            var factory = new ServiceFactory(new SqliteServiceCatalog(server.databases), instances, server.apply, only(r.router),
                    server.gateway, server.store, id -> FactorySettings.defaults().withVlanParent("ether1"), new ServiceInstanceFeed(), clock);
            var before = r.sim.snapshot();

            var tor = factory.install(OPERATOR, r.router.id(), InstallRequest.of("tor", "usa", "exitCountry", "us"));
            var wg = factory.install(OPERATOR, r.router.id(), InstallRequest.of("wireguard", "home", "config", WG_CONF));
            var adguard = factory.install(OPERATOR, r.router.id(), InstallRequest.of("adguard", "home"));

            assertThat(tor.interfaceName()).isEqualTo("nnc-tor-usa");
            assertThat(tor.state()).isEqualTo(InstanceState.PULLING);
            assertThat(wg.vlanId()).isEqualTo(102);
            assertThat(r.sim.snapshot().find("/interface/vlan", "name", "nnc-vlan101")).containsEntry("vlan-id", "101");
            assertThat(r.sim.snapshot().find("/interface/veth", "name", "nnc-tor-usa")).containsEntry("comment", tor.tag());
            assertThat(r.sim.snapshot().items("/container")).hasSize(3);
            assertThat(r.sim.snapshot().find("/interface/wireguard", "name", "nnc-wg-home")).containsEntry("comment", wg.tag());
            assertThat(r.sim.snapshot().items("/ip/route").values()).filteredOn(route -> "nnc-tor-usa".equals(route.get("routing-table")))
                    .extracting(route -> route.get("gateway") + " " + route.get("check-gateway") + " " + route.get("blackhole") + " " + route.get("distance"))
                    .containsExactlyInAnyOrder("10.99.101.254 ping null 1", "null null true 250");
            assertThat(server.resources(r.router.id())).hasSize(tor.resources().size() + wg.resources().size() + adguard.resources().size());
            assertThat(instances.list(r.router.id())).extracting(i -> i.interfaceName())
                    .containsExactly("nnc-tor-usa", "nnc-wg-home", "nnc-adg-home");
            assertThat(server.drift.check(r.router)).allSatisfy(d -> assertThat(d.missing() || !d.fields().isEmpty())
                    .as("drift of %s %s: %s", d.kind(), d.resourceId(), d.fields()).isFalse());

            factory.uninstall(OPERATOR, tor.id());
            factory.uninstall(OPERATOR, wg.id());
            factory.uninstall(OPERATOR, adguard.id());
            // no reconcile: an uninstall removes its own removal plan's journal script, so nothing of the services stays

            assertThat(before.diff(r.sim.snapshot())).isEmpty();
            assertThat(server.resources(r.router.id())).isEmpty();
            assertThat(instances.list(r.router.id())).isEmpty();
        }
    }

    /**
     * RouterOS renamed the env list attributes in 7.20: 7.16.2 groups envs by {@code name} and a container takes
     * them as {@code envlist}; 7.23.3 says {@code list} and {@code envlists}. The same install writes each router
     * in its own words, reads them back as the schema's fields (list, envlist) without drift, and adopts an env
     * made by hand under the same names.
     */
    @ParameterizedTest(name = "RouterOS {0}")
    @ValueSource(strings = {"7.16.2", "7.23.3"})
    void aTorInstallLeavesAnEnvListTheContainerReferencesUnderThisVersionsAttributeNames(String version) {
        boolean newer = version.equals("7.23.3");
        String listKey = newer ? "list" : "name";
        String envlistKey = newer ? "envlists" : "envlist";
        try (var r = new SimRouter(version, clock); var server = new Server(dir, Duration.ofSeconds(30), clock)) {
            var instances = new SqliteServiceInstanceStore(server.databases, CIPHER);
            var factory = new ServiceFactory(new SqliteServiceCatalog(server.databases), instances, server.apply, only(r.router),
                    server.gateway, server.store, id -> FactorySettings.defaults().withVlanParent("ether1"), new ServiceInstanceFeed(), clock);

            var tor = factory.install(OPERATOR, r.router.id(), InstallRequest.of("tor", "usa", "exitCountry", "us"));

            var snapshot = r.sim.snapshot();
            assertThat(snapshot.items("/container/envs").values())
                    .extracting(e -> e.get(listKey) + " " + e.get("key") + "=" + e.get("value"))
                    .containsExactlyInAnyOrder("nnc-tor-usa SOCKS5_ADDR=10.99.101.250", "nnc-tor-usa SOCKS5_PORT=9050",
                            "nnc-tor-usa IPV4_INCLUDED_ROUTES=0.0.0.0/0");
            assertThat(snapshot.items("/container/envs").values()).allSatisfy(e ->
                    assertThat(e).doesNotContainKey(newer ? "name" : "list").containsEntry("comment", tor.tag()));
            assertThat(snapshot.find("/container", "interface", "nnc-tor-usa")).containsEntry(envlistKey, "nnc-tor-usa")
                    .doesNotContainKey(newer ? "envlist" : "envlists");

            var stored = server.resources(r.router.id()).stream().filter(x -> x.kind() == ResourceKind.CONTAINER_ENV).toList();
            assertThat(stored).hasSize(3).allSatisfy(x -> {
                assertThat(x.configuration().string("list")).contains("nnc-tor-usa");
                assertThat(x.deployment()).isPresent();
                assertThat(x.deployment().get().confirmed().string("list")).contains("nnc-tor-usa");
                assertThat(x.deployment().get().confirmed().has("name")).isFalse();
            });
            assertThat(server.resources(r.router.id())).filteredOn(x -> x.kind() == ResourceKind.CONTAINER
                    && x.configuration().string("interface").equals(java.util.Optional.of("nnc-tor-usa")))
                    .singleElement().satisfies(x -> assertThat(x.deployment().get().confirmed().string("envlist")).contains("nnc-tor-usa"));
            assertThat(server.drift.check(r.router)).allSatisfy(d -> assertThat(d.missing() || !d.fields().isEmpty())
                    .as("drift of %s %s: %s", d.kind(), d.resourceId(), d.fields()).isFalse());

            r.gateway.execute(r.router.endpoint(), RouterCommand.of("/container/envs/add").with(listKey, "by-hand")
                    .with("key", "TZ").with("value", "UTC"));
            var adopted = server.adopt.adopt(r.router, Set.of(ResourceKind.CONTAINER_ENV), "otto");
            assertThat(adopted).singleElement().satisfies(m ->
                    assertThat(m.resource().configuration()).containsEntry("list", "by-hand").containsEntry("key", "TZ"));
        }
    }
}

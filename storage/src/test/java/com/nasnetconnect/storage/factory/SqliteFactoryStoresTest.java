package com.nasnetconnect.storage.factory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.factory.ContainerSpec;
import com.nasnetconnect.domain.factory.GatewayMechanism;
import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.domain.factory.OptionRule;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.domain.factory.ServiceInstanceStore;
import com.nasnetconnect.domain.factory.ServiceTemplate;
import com.nasnetconnect.domain.factory.TemplateOption;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.testing.MutableClock;
import com.nasnetconnect.storage.testing.TestCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The factory's stores over real SQLite files: the seeded catalog, and instances kept in the router's database. */
@Timeout(30)
class SqliteFactoryStoresTest {
    static final RouterId LAB = new RouterId("lab");
    static final String KEY = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";

    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T01:00:00.123456789Z"));
    DatabaseManager databases;

    @BeforeEach
    void open() {
        databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);
    }

    @AfterEach
    void close() {
        databases.close();
    }

    static ServiceInstance instance(String name, int vlan) {
        return new ServiceInstance(UUID.randomUUID().toString(), LAB, "tor", name, "nnc-tor-" + name, vlan, "10.99." + vlan + ".0/24",
                InstanceState.PENDING, 0, InstanceHealth.unknown(), List.of(ResourceId.random(), ResourceId.random()), Map.of("exitCountry", "us"), Map.of(),
                Instant.parse("2026-12-02T01:00:00.123456789Z"));
    }

    @Test
    void theCatalogIsSeededAtFirstStartWithTorWireguardSocks5AndAdguardAsValidTemplates() {
        var catalog = new SqliteServiceCatalog(databases);

        assertThat(catalog.templates()).extracting(ServiceTemplate::id).containsExactly("adguard", "socks5", "tor", "wireguard");
        var tor = catalog.template("tor").orElseThrow();
        assertThat(tor.gateway()).isEqualTo(GatewayMechanism.SOCKS_TUN);
        assertThat(tor.options()).singleElement().satisfies(o -> {
            assertThat(o.key()).isEqualTo("exitCountry");
            assertThat(o.rule()).isEqualTo(OptionRule.COUNTRY);
            assertThat(o.required()).isTrue();
        });
        assertThat(tor.container(ContainerSpec.Role.SERVICE).orElseThrow().command())
                .contains("tor --SocksPort ${address}:9050 --ExitNodes {${exitCountry}} --StrictNodes 1");
        assertThat(tor.container(ContainerSpec.Role.GATEWAY).orElseThrow().environment()).containsExactly(
                Map.entry("SOCKS5_ADDR", "${serviceAddress}"), Map.entry("SOCKS5_PORT", "9050"), Map.entry("IPV4_INCLUDED_ROUTES", "0.0.0.0/0"));
        assertThat(catalog.template("wireguard").orElseThrow().containers()).isEmpty();
        assertThat(catalog.template("wireguard").orElseThrow().options()).extracting(TemplateOption::rule).containsExactly(OptionRule.WG_QUICK);
        assertThat(catalog.template("socks5").orElseThrow().options()).extracting(TemplateOption::key)
                .containsExactly("host", "port", "username", "password");
        assertThat(catalog.template("socks5").orElseThrow().option("port").orElseThrow().defaultValue()).contains("1080");
        assertThat(catalog.template("adguard").orElseThrow().gateway()).isEqualTo(GatewayMechanism.DNS);
        assertThat(catalog.templates()).flatExtracting(ServiceTemplate::containers).extracting(ContainerSpec::image)
                .allSatisfy(image -> assertThat(image).contains(":").doesNotEndWith(":latest"));
        assertThat(catalog.template("tour")).isEmpty();
    }

    @Test
    void anInstanceComesBackAsReservedWithItsResourcesInOrderAndItsStateUpdated() {
        var store = new SqliteServiceInstanceStore(databases, new TestCipher());
        var usa = instance("usa", 101);
        store.reserve(usa);

        assertThat(store.find(LAB, usa.id())).contains(usa);
        var running = usa.with(InstanceState.PULLING, 40).withResources(List.of(usa.resources().get(1)));
        store.update(running);
        assertThat(store.list(LAB)).containsExactly(running);

        store.delete(LAB, usa.id());
        assertThat(store.list(LAB)).isEmpty();
        assertThat(store.find(LAB, usa.id())).isEmpty();
    }

    @Test
    void aSecondClaimOnAVlanIdOrAnInterfaceNameIsTakenNamingTheHolder() {
        var store = new SqliteServiceInstanceStore(databases, new TestCipher());
        var usa = instance("usa", 101);
        store.reserve(usa);

        assertThatThrownBy(() -> store.reserve(instance("de", 101))).isInstanceOf(ServiceInstanceStore.Taken.class)
                .hasMessageContaining("VLAN id 101").hasMessageContaining("nnc-tor-usa");
        assertThatThrownBy(() -> store.reserve(instance("usa", 102))).isInstanceOf(ServiceInstanceStore.Taken.class)
                .hasMessageContaining("nnc-tor-usa");
        assertThat(store.list(LAB)).containsExactly(usa);
    }

    @Test
    void aSecretOptionIsStoredOnlySealedAndOpensAgain() throws Exception {
        var store = new SqliteServiceInstanceStore(databases, new TestCipher());
        String conf = "[Interface]\nPrivateKey = " + KEY + "\n";
        var wg = new ServiceInstance(UUID.randomUUID().toString(), LAB, "wireguard", "home", "nnc-wg-home", 101, "10.99.101.0/24",
                InstanceState.RUNNING, 100, InstanceHealth.unknown(), List.of(), Map.of(), Map.of("config", Secret.of(conf)), clock.instant());
        store.reserve(wg);

        assertThat(store.find(LAB, wg.id()).orElseThrow().secrets().get("config").reveal()).isEqualTo(conf);
        databases.close();
        byte[] file = Files.readAllBytes(databases.routerFile(LAB));
        assertThat(new String(file, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(KEY).doesNotContain("PrivateKey");
        open();
    }

    static ServiceInstance on(RouterId router, ServiceInstance i) {
        return new ServiceInstance(i.id(), router, i.template(), i.name(), i.interfaceName(), i.vlanId(), i.subnet(), i.state(),
                i.progress(), i.health(), i.resources(), i.options(), i.secrets(), i.createdAt());
    }

    @Test
    void anInstanceIsFoundByIdThroughSystemDbWithoutOpeningAnyRouterDatabase() {
        var store = new SqliteServiceInstanceStore(databases, new TestCipher());
        var routers = List.of(new RouterId("r1"), new RouterId("r2"), new RouterId("r3"));
        var onSecond = on(routers.get(1), instance("usa", 101));
        store.reserve(on(routers.get(0), instance("de", 102)));
        store.reserve(onSecond);
        routers.forEach(databases::closeRouter);

        assertThat(store.routerOf(onSecond.id())).contains(routers.get(1));
        assertThat(store.routersWithInstances()).containsExactlyInAnyOrder(routers.get(0), routers.get(1));
        assertThat(databases.openRouterCount()).as("router databases opened by the lookups").isZero();
        assertThat(store.routerOf("no-such-instance")).isEmpty();

        store.delete(routers.get(1), onSecond.id());
        assertThat(store.routerOf(onSecond.id())).isEmpty();
        assertThat(store.routersWithInstances()).containsExactly(routers.get(0));
    }

    @Test
    void aReservationRefusedForAHeldVlanLeavesNoIndexEntry() {
        var store = new SqliteServiceInstanceStore(databases, new TestCipher());
        store.reserve(instance("usa", 101));
        var clash = instance("de", 101);

        assertThatThrownBy(() -> store.reserve(clash)).isInstanceOf(ServiceInstanceStore.Taken.class);
        assertThat(store.routerOf(clash.id())).isEmpty();
    }

    @Test
    void instancesOfADataDirectoryFromBeforeTheIndexAreIndexedOnceAtFirstLookup() throws Exception {
        var store = new SqliteServiceInstanceStore(databases, new TestCipher());
        var old = instance("usa", 101);
        store.reserve(old);
        // as a data directory written before the index existed: no rows, no marker
        databases.inSystemTransaction(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("DELETE FROM router_objects");
                st.executeUpdate("DELETE FROM global_settings WHERE key LIKE 'router_objects.%'");
            }
            return null;
        });
        databases.close();
        databases = new DatabaseManager(dir, DatabaseSettings.defaults().withSweepInterval(Duration.ZERO), clock);

        var reopened = new SqliteServiceInstanceStore(databases, new TestCipher());
        assertThat(reopened.routerOf(old.id())).contains(LAB);
        assertThat(reopened.routersWithInstances()).containsExactly(LAB);
        boolean marked = databases.withSystem(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery(
                    "SELECT 1 FROM global_settings WHERE key = 'router_objects.service-instance.indexed'")) {
                return rs.next();
            }
        });
        assertThat(marked).as("indexed once: the next start does not scan again").isTrue();
    }
}

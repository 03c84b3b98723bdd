package com.nasnetconnect.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.ResourceLocator;
import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.apply.RevealSecret;
import com.nasnetconnect.domain.apply.RouterPlatforms;
import com.nasnetconnect.domain.apply.SchemaRulesAdapter;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.SchemaTables;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.routeros.api.FileCertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.server.graphql.SchemaDirectives;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import com.nasnetconnect.ui.resource.ResourceKindController;
import com.nasnetconnect.ui.resource.ResourceKindController.Sync;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic resource page's controller over the real apply path (RouterOS simulator over TCP, SQLite, the
 * schema's rules): create, edit and delete through the schema-built form, bad input, a router's refusal, impact
 * and cascade, live changes; and the in-ports it brought: reference choices read from the router, and the
 * admins' audited reveal of a secret.
 */
@Timeout(60)
class ResourceKindControllerTest {
    static final Principal OPERATOR = new Principal("otto", Role.OPERATOR, false);
    static final Principal VIEWER = new Principal("vera", Role.VIEWER, false);
    static final Principal ADMIN = new Principal("ada", Role.ADMIN, false);
    static final String KEY = "kNOxdxBpoKdCDVPRKp4Fu70Ks7dBEEQtMv5ZxLUkq2E=";

    @TempDir
    Path dir;
    RouterOsSimulator sim;
    RouterOsGateway gateway;
    DatabaseManager databases;
    ResourceChanges changes;
    ResourceQueries queries;
    RevealSecret secrets;
    ResourceLocator locator;
    final List<String> audit = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        Clock clock = Clock.systemUTC();
        sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").apiPort(0).tlsPort(-1).build().start();
        gateway = new RouterOsGateway(GatewaySettings.defaults(), new FileCertificatePins(dir.resolve("pins")));
        databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults(), clock);
        var routers = new SqliteRouterRepository(databases, AesGcmSecretCipher.ofKey(new byte[32]), clock);
        routers.save(new Router(new RouterId("lab"), "Lab", new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin",
                Secret.of("pw")), false, clock.instant()));
        var store = new SqliteResourceStore(databases);
        var specs = ResourceKindSpecs.defaults();
        var rules = new SchemaRulesAdapter(SchemaDirectives.fromClasspath().validationRules()).and(new BasicSchemaRules(specs));
        var bus = new ResourceEventBus();
        var apply = new ApplyConfirmMergeService(gateway, new StateApplyLedger(store, bus, specs, clock,
                new RouterPlatforms(routers, gateway, clock, Duration.ofMinutes(10))), specs, rules, LinkLossGuard.NONE, clock);
        locator = new ResourceLocator(routers, store, bus);
        changes = new ResourceChanges(apply, routers, store, bus, locator);
        queries = new ResourceQueries(routers, store, store, locator, bus, specs, gateway, clock);
        secrets = new RevealSecret(locator, new Redactor(SchemaTables.sensitiveFields(),
                (who, subject, field, reason, at) -> audit.add(who.name() + " " + subject + " " + field + " " + reason), clock));
    }

    @AfterEach
    void stop() {
        locator.close();
        gateway.close();
        sim.close();
        databases.close();
    }

    ResourceKindController page(Principal who, String slug) {
        var c = new ResourceKindController(who, queries, changes, SchemaTables.validationRules(), Optional.of(secrets));
        c.open("lab", slug);
        return c;
    }

    static Map<String, String> typed(String... pairs) {
        var out = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) out.put(pairs[i], pairs[i + 1]);
        return out;
    }

    @Test
    void createsAVlanFromTheSchemaBuiltFormAndListsItDeployedOnTheRouter() {
        var page = page(OPERATOR, "vlan");
        assertThat(page.form()).extracting(f -> f.name()).startsWith("name", "vlanId", "interface");

        page.startCreate();
        assertThat(page.save(typed("name", "guest", "vlanId", "30", "interface", "ether2", "disabled", "false"))).isTrue();

        assertThat(page.state().editor()).isEmpty();
        assertThat(page.state().notice()).hasValueSatisfying(n -> assertThat(n.text()).isEqualTo("VLAN guest created on the router."));
        assertThat(page.state().rows()).singleElement().satisfies(r -> {
            assertThat(r.title()).isEqualTo("VLAN guest");
            assertThat(r.cells()).startsWith("guest", "30", "ether2");
            assertThat(r.sync()).isEqualTo(Sync.DEPLOYED);
        });
        assertThat(sim.snapshot().find("/interface/vlan", "name", "guest")).containsEntry("vlan-id", "30");
    }

    @Test
    void editsAResourceAndTheRouterHasTheNewValue() {
        var page = page(OPERATOR, "vlan");
        page.startCreate();
        page.save(typed("name", "guest", "vlanId", "30", "interface", "ether2"));
        String uuid = page.state().rows().getFirst().uuid();

        page.startEdit(uuid);
        var editor = page.state().editor().orElseThrow();
        assertThat(editor.heading()).isEqualTo("Edit VLAN guest");
        assertThat(editor.values()).containsEntry("vlanId", "30").containsEntry("interface", "ether2");
        var next = new LinkedHashMap<>(editor.values());
        next.put("vlanId", "31");
        next.put("comment", "guests' wifi");
        assertThat(page.save(next)).isTrue();

        assertThat(page.state().rows()).singleElement().satisfies(r -> assertThat(r.cells()).startsWith("guest", "31"));
        assertThat(sim.snapshot().find("/interface/vlan", "name", "guest")).containsEntry("vlan-id", "31")
                .containsEntry("comment", "guests' wifi");
    }

    @Test
    void badInputIsNamedBesideItsFieldWithTheValueAndWhatWasTypedIsKept() {
        var page = page(OPERATOR, "vlan");
        var before = sim.snapshot();
        page.startCreate();

        var typed = typed("name", "guest", "vlanId", "5000", "interface", "ether2", "mtu", "lots");
        assertThat(page.save(typed)).isFalse();

        var editor = page.state().editor().orElseThrow();
        assertThat(editor.fieldErrors()).containsEntry("vlanId", "must be at most 4094, was 5000")
                .containsEntry("mtu", "must be a whole number, was 'lots'");
        assertThat(editor.values()).isEqualTo(typed);
        assertThat(page.fieldProblem("vlanId", "0")).contains("must be at least 1, was 0");
        assertThat(page.fieldProblem("vlanId", "12")).isEmpty();
        assertThat(sim.snapshot().diff(before)).isEmpty();
        assertThat(page.state().rows()).isEmpty();
    }

    @Test
    void aRoutersRefusalIsShownInItsWordsAndTheFormStaysFilled() {
        var page = page(OPERATOR, "vlan");
        page.startCreate();

        var typed = typed("name", "orphan", "vlanId", "7", "interface", "no-such-port");
        assertThat(page.save(typed)).isFalse();

        assertThat(page.state().notice()).hasValueSatisfying(n -> {
            assertThat(n.isError()).isTrue();
            assertThat(n.text()).contains("no-such-port");
        });
        assertThat(page.state().editor()).hasValueSatisfying(e -> assertThat(e.values()).isEqualTo(typed));
        assertThat(page.state().rows()).isEmpty();
    }

    @Test
    void deletingAVlanThatAnAddressUsesShowsWhatBreaksAndNeedsCascade() {
        var vlans = page(OPERATOR, "vlan");
        vlans.startCreate();
        vlans.save(typed("name", "guest", "vlanId", "30", "interface", "ether2"));
        var addresses = page(OPERATOR, "ip-address");
        addresses.startCreate();
        assertThat(addresses.save(typed("address", "10.0.0.1/24", "interface", "guest"))).isTrue();
        String vlan = vlans.state().rows().getFirst().uuid();

        vlans.askDelete(vlan);

        var prompt = vlans.state().deleting().orElseThrow();
        assertThat(prompt.message()).isEqualTo("Deleting VLAN guest breaks: IP address 10.0.0.1/24 on guest");
        assertThat(prompt.needsCascade()).isTrue();
        assertThat(prompt.cascadeLabel()).isEqualTo("Delete all 2");
        assertThat(vlans.confirmDelete(true)).isTrue();
        assertThat(vlans.state().rows()).isEmpty();
        assertThat(changes.list(OPERATOR, new RouterId("lab"), ResourceKind.IP_ADDRESS)).isEmpty();
        assertThat(sim.snapshot().find("/interface/vlan", "name", "guest")).isNull();
    }

    @Test
    void deletingWithoutDependentsAsksPlainlyAndRemovesIt() {
        var pools = page(OPERATOR, "ip-pool");
        pools.startCreate();
        assertThat(pools.save(typed("name", "guests", "ranges", "10.0.0.100-10.0.0.200, 10.0.1.10-10.0.1.20"))).isTrue();
        assertThat(sim.snapshot().find("/ip/pool", "name", "guests")).containsEntry("ranges", "10.0.0.100-10.0.0.200,10.0.1.10-10.0.1.20");

        pools.askDelete(pools.state().rows().getFirst().uuid());
        assertThat(pools.state().deleting()).hasValueSatisfying(p -> {
            assertThat(p.needsCascade()).isFalse();
            assertThat(p.message()).isEqualTo("Delete IP pool guests? Nothing else depends on it.");
        });
        assertThat(pools.confirmDelete(false)).isTrue();
        assertThat(pools.state().rows()).isEmpty();
        assertThat(sim.snapshot().find("/ip/pool", "name", "guests")).isNull();
    }

    @Test
    void aChangeMadeElsewhereReachesAnOpenPageWithoutAReload() {
        var page = page(VIEWER, "vlan");
        var seen = new ArrayList<ResourceKindController.State>();
        try (var watching = page.subscribe(seen::add)) {
            var created = changes.create(OPERATOR, new RouterId("lab"), ResourceKind.VLAN,
                    Fields.of("name", "remote", "vlanId", "44", "interface", "ether2"));
            assertThat(page.state().rows()).extracting(ResourceKindController.Row::title).containsExactly("VLAN remote");
            changes.update(OPERATOR, created.id(), ResourceKind.VLAN, Fields.of("vlanId", "45"));
            assertThat(page.state().rows().getFirst().cells()).startsWith("remote", "45");
            changes.delete(OPERATOR, created.id(), false);
            assertThat(page.state().rows()).isEmpty();
            assertThat(seen.size()).isGreaterThanOrEqualTo(4);
        }
        assertThat(page.state().canChange()).isFalse();
    }

    @Test
    void anUnknownKindIsNoSuchPage() {
        assertThat(page(VIEWER, "vlans").state().notFound()).contains("No such page: vlans");
        assertThat(page(VIEWER, "bridge-port").state().notFound()).isEmpty();
        assertThat(page(VIEWER, "bridge-port").state().heading()).isEqualTo("Bridge ports");
    }

    @Test
    void referenceChoicesListManagedTargetsTheRoutersOwnObjectsAndBuiltins() {
        var vlans = page(OPERATOR, "vlan");
        vlans.startCreate();
        vlans.save(typed("name", "guest", "vlanId", "30", "interface", "ether2"));

        var iface = queries.choices(VIEWER, new RouterId("lab"), ResourceKind.IP_ADDRESS, "interface").orElseThrow();
        assertThat(iface.values()).contains("guest", "ether1", "ether2");
        assertThat(iface.routerRead()).isTrue();
        var table = queries.choices(VIEWER, new RouterId("lab"), ResourceKind.ROUTE, "routingTable").orElseThrow();
        assertThat(table.values()).contains("main");
        var pool = queries.choices(VIEWER, new RouterId("lab"), ResourceKind.DHCP_SERVER, "addressPool").orElseThrow();
        assertThat(pool.values()).contains("static-only");
        assertThat(queries.choices(VIEWER, new RouterId("lab"), ResourceKind.VLAN, "vlanId")).isEmpty();
        assertThat(vlans.choices("interface")).hasValueSatisfying(c -> assertThat(c.values()).contains("ether1"));
    }

    @Test
    void onlyAnAdminRevealsASecretAndEveryRevealIsAudited() {
        var created = changes.create(OPERATOR, new RouterId("lab"), ResourceKind.WIREGUARD_INTERFACE,
                Fields.of("name", "wg0", "listenPort", "13231", "privateKey", KEY));
        ResourceId id = created.id();

        assertThatThrownBy(() -> secrets.reveal(VIEWER, id, "privateKey", "just looking")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> secrets.reveal(OPERATOR, id, "privateKey", "just looking")).isInstanceOf(AccessDeniedException.class);
        assertThat(audit).isEmpty();
        assertThatThrownBy(() -> secrets.reveal(ADMIN, id, "name", "why not")).isInstanceOf(InputRefused.class)
                .hasMessageContaining("'name' is not a secret of WireGuard interface wg0");

        assertThat(secrets.reveal(ADMIN, id, "privateKey", "rotate the peer")).contains(KEY);
        assertThat(audit).containsExactly("ada " + id + " WireguardInterfaceConfig.privateKey rotate the peer");
    }

    @Test
    void theFormOfAnAdminOffersRevealAndTheEditFormNeverCarriesTheSecret() {
        var created = changes.create(OPERATOR, new RouterId("lab"), ResourceKind.WIREGUARD_INTERFACE,
                Fields.of("name", "wg0", "privateKey", KEY));
        var admin = page(ADMIN, "wireguard-interface");
        assertThat(admin.state().canReveal()).isTrue();
        assertThat(page(OPERATOR, "wireguard-interface").state().canReveal()).isFalse();

        admin.startEdit(created.id().toString());
        assertThat(admin.state().editor().orElseThrow().values()).doesNotContainKey("privateKey").containsEntry("name", "wg0");
        assertThat(admin.reveal("privateKey", "shown on the resource page")).contains(KEY);
        assertThat(audit).hasSize(1);
        // saving with the secret left empty keeps it
        assertThat(admin.save(typed("name", "wg0", "listenPort", "13232", "privateKey", ""))).isTrue();
        assertThat(secrets.reveal(ADMIN, created.id(), "privateKey", "check it stayed")).contains(KEY);
    }
}

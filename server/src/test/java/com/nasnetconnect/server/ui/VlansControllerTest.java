package com.nasnetconnect.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.SchemaRulesAdapter;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
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
import com.nasnetconnect.ui.resources.VlansController;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The VLAN screen's controller over the real apply path: simulator, gateway, SQLite, schema rules. */
@Timeout(60)
class VlansControllerTest {
    @TempDir
    Path dir;
    RouterOsSimulator sim;
    RouterOsGateway gateway;
    DatabaseManager databases;
    ResourceChanges changes;

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
        var apply = new ApplyConfirmMergeService(gateway, new StateApplyLedger(store, new ResourceEventBus(), specs, clock,
                        new com.nasnetconnect.domain.apply.RouterPlatforms(routers, gateway, clock, java.time.Duration.ofMinutes(10))),
                specs, rules, LinkLossGuard.NONE, clock);
        changes = new ResourceChanges(apply, routers, store);
    }

    @AfterEach
    void stop() {
        gateway.close();
        sim.close();
        databases.close();
    }

    @Test
    void anOperatorCreatesAVlanThatTheRouterConfirms() {
        var controller = new VlansController(changes, new Principal("op", Role.OPERATOR, false));
        assertThat(controller.state().selected()).contains(new RouterId("lab"));

        assertThat(controller.create("iot", 42, "ether2")).isTrue();

        var row = controller.state().vlans().getFirst();
        assertThat(row.name()).isEqualTo("iot");
        assertThat(row.vlanId()).isEqualTo("42");
        assertThat(row.nativeId()).startsWith("*");
        assertThat(sim.snapshot().find("/interface/vlan", "name", "iot")).containsEntry("vlan-id", "42");
        // the platform layer carries what capability detection found on the router
        var stored = changes.list(new Principal("op", Role.OPERATOR, false), new RouterId("lab"),
                com.nasnetconnect.domain.state.ResourceKind.VLAN).getFirst();
        assertThat(stored.platform().current()).isEqualTo("mikrotik");
        assertThat(stored.platform().capabilities()).contains("routeros:7.16.2", "board:CHR", "arch:x86_64", "package:routeros");
    }

    @Test
    void invalidInputNamesTheFieldAndNeverReachesTheRouter() {
        var controller = new VlansController(changes, new Principal("op", Role.OPERATOR, false));
        var before = sim.snapshot();

        assertThat(controller.create("bad", 5000, "ether2")).isFalse();

        assertThat(controller.state().fieldErrors()).containsKey("vlanId");
        assertThat(controller.state().notice()).hasValueSatisfying(n -> assertThat(n).contains("5000"));
        assertThat(sim.snapshot().diff(before)).isEmpty();
        assertThat(controller.state().vlans()).isEmpty();
    }

    @Test
    void theRoutersRefusalIsShownAndNothingIsStored() {
        var controller = new VlansController(changes, new Principal("op", Role.OPERATOR, false));
        assertThat(controller.create("orphan", 7, "no-such-port")).isFalse();
        assertThat(controller.state().notice()).isPresent();
        assertThat(controller.state().vlans()).isEmpty();
    }

    @Test
    void aViewerSeesVlansButMayNotChangeThem() {
        new VlansController(changes, new Principal("op", Role.OPERATOR, false)).create("seen", 9, "ether2");
        var viewer = new VlansController(changes, new Principal("v", Role.VIEWER, false));
        assertThat(viewer.state().canChange()).isFalse();
        assertThat(viewer.state().vlans()).extracting(VlansController.Row::name).containsExactly("seen");
        assertThat(viewer.create("nope", 10, "ether2")).isFalse();
        assertThat(viewer.state().notice()).hasValueSatisfying(n -> assertThat(n).contains("may not"));
    }
}

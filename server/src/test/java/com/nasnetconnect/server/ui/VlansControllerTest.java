package com.nasnetconnect.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.apply.SchemaRulesAdapter;
import com.nasnetconnect.domain.schema.types.VlanInput;
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
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.ui.resources.VlanForm;
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
        var bus = new ResourceEventBus();
        var apply = new ApplyConfirmMergeService(gateway, new StateApplyLedger(store, bus, specs, clock,
                        new com.nasnetconnect.domain.apply.RouterPlatforms(routers, gateway, clock, java.time.Duration.ofMinutes(10))),
                specs, rules, LinkLossGuard.NONE, clock);
        changes = new ResourceChanges(apply, routers, store, bus);
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

        assertThat(controller.create(vlan("iot", 42, "ether2"))).isTrue();

        var row = controller.state().vlans().getFirst();
        assertThat(row.name()).isEqualTo("iot");
        assertThat(row.vlanId()).isEqualTo("42");
        assertThat(row.nativeId()).startsWith("*");
        assertThat(sim.snapshot().find("/interface/vlan", "name", "iot")).containsEntry("vlan-id", "42");
        // the platform layer carries what capability detection found on the router
        var stored = changes.list(new Principal("op", Role.OPERATOR, false), new RouterId("lab"),
                com.nasnetconnect.domain.schema.types.ResourceKind.VLAN).getFirst();
        assertThat(stored.platform().current()).isEqualTo("mikrotik");
        assertThat(stored.platform().capabilities()).contains("routeros:7.16.2", "board:CHR", "arch:x86_64", "package:routeros");
    }

    @Test
    void invalidInputNamesTheFieldAndNeverReachesTheRouter() {
        var controller = new VlansController(changes, new Principal("op", Role.OPERATOR, false));
        var before = sim.snapshot();

        assertThat(controller.create(vlan("bad", 5000, "ether2"))).isFalse();

        assertThat(controller.state().fieldErrors()).containsKey("vlanId");
        assertThat(controller.state().notice()).hasValueSatisfying(n -> assertThat(n.text()).contains("5000"));
        assertThat(sim.snapshot().diff(before)).isEmpty();
        assertThat(controller.state().vlans()).isEmpty();
    }

    @Test
    void theRoutersRefusalIsShownAndNothingIsStored() {
        var controller = new VlansController(changes, new Principal("op", Role.OPERATOR, false));
        assertThat(controller.create(vlan("orphan", 7, "no-such-port"))).isFalse();
        assertThat(controller.state().notice()).isPresent();
        assertThat(controller.state().vlans()).isEmpty();
    }

    @Test
    void aViewerSeesVlansButMayNotChangeThem() {
        new VlansController(changes, new Principal("op", Role.OPERATOR, false)).create(vlan("seen", 9, "ether2"));
        var viewer = new VlansController(changes, new Principal("v", Role.VIEWER, false));
        assertThat(viewer.state().canChange()).isFalse();
        assertThat(viewer.state().vlans()).extracting(VlansController.Row::name).containsExactly("seen");
        assertThat(viewer.create(vlan("nope", 10, "ether2"))).isFalse();
        assertThat(viewer.state().notice()).hasValueSatisfying(n -> assertThat(n.text()).contains("may not"));
    }

    static final Principal OPERATOR = new Principal("op", Role.OPERATOR, false);

    /** The form's input, built as the VLAN form builds it: the schema's generated type, through its setters. */
    static VlanInput vlan(String name, int vlanId, String iface) {
        VlanInput input = new VlanInput();
        input.setName(name);
        input.setVlanId(vlanId);
        input.setInterface(iface);
        return input;
    }

    @Test
    void aDriftCheckThatFindsNothingShowsTheVlanInSyncNotDrifted() {
        var controller = new VlansController(changes, OPERATOR);
        controller.create(vlan("iot", 42, "ether2"));
        assertThat(controller.state().vlans().getFirst().drift()).isEqualTo("not checked");

        controller.checkDrift();

        assertThat(controller.state().vlans()).singleElement().satisfies(r -> assertThat(r.drift()).isEqualTo("in sync"));
        assertThat(controller.state().notice()).hasValueSatisfying(n -> {
            assertThat(n.isError()).isFalse();
            assertThat(n.text()).isEqualTo("Checked 1 VLAN against the router: none drifted.");
        });
    }

    @Test
    void aVlanChangedOnTheRouterShowsDriftedWithTheFieldAfterCheckNow() {
        var controller = new VlansController(changes, OPERATOR);
        controller.create(vlan("iot", 42, "ether2"));
        controller.create(vlan("cams", 43, "ether2"));
        String nativeId = controller.state().vlans().getFirst().nativeId();
        gateway.execute(new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin", Secret.of("pw")),
                RouterCommand.of("/interface/vlan/set").with(".id", nativeId).with("vlan-id", "99"));

        controller.checkDrift();

        assertThat(controller.state().vlans()).extracting(VlansController.Row::name, VlansController.Row::drift)
                .containsExactly(tuple("iot", "drifted: vlanId"), tuple("cams", "in sync"));
        assertThat(controller.state().notice().orElseThrow().text()).isEqualTo("Checked 2 VLANs against the router: 1 drifted (iot).");
    }

    @Test
    void aViewerMayNotCheckDrift() {
        new VlansController(changes, OPERATOR).create(vlan("seen", 9, "ether2"));
        var viewer = new VlansController(changes, new Principal("v", Role.VIEWER, false));

        viewer.checkDrift();

        assertThat(viewer.state().notice()).hasValueSatisfying(n -> {
            assertThat(n.isError()).isTrue();
            assertThat(n.text()).contains("may not check drift");
        });
        assertThat(viewer.state().vlans().getFirst().drift()).isEqualTo("not checked");
    }

    @Test
    void aVlanCreatedElsewhereAppearsInAnOpenScreenWithoutReload() {
        var open = new VlansController(changes, new Principal("v", Role.VIEWER, false));
        var seen = new java.util.concurrent.CopyOnWriteArrayList<VlansController.State>();
        open.subscribe(seen::add);

        // as GraphQL or another browser would: through the in-port, not through this screen
        changes.create(OPERATOR, new RouterId("lab"), ResourceKind.VLAN,
                new Fields(java.util.Map.of("name", "remote", "vlanId", 77L, "interface", "ether2")));

        assertThat(open.state().vlans()).extracting(VlansController.Row::name).containsExactly("remote");
        assertThat(seen.getLast().vlans()).extracting(VlansController.Row::name).containsExactly("remote");
        open.close();
        changes.create(OPERATOR, new RouterId("lab"), ResourceKind.VLAN,
                new Fields(java.util.Map.of("name", "later", "vlanId", 78L, "interface", "ether2")));
        assertThat(open.state().vlans()).as("a closed screen stops following").hasSize(1);
    }

    @Test
    void aSuccessLeavesNoFieldErrorsAndShowsASuccessNotice() {
        var controller = new VlansController(changes, OPERATOR);
        controller.create(vlan("bad", 5000, "ether2"));
        assertThat(controller.state().fieldErrors()).isNotEmpty();

        assertThat(controller.create(vlan("iot", 42, "ether2"))).isTrue();

        assertThat(controller.state().fieldErrors()).isEmpty();
        assertThat(controller.state().notice()).hasValueSatisfying(n -> {
            assertThat(n.isError()).isFalse();
            assertThat(n.text()).startsWith("VLAN iot created on the router as *");
        });
    }

    @Test
    void aLaterRefusalReplacesAnEarlierSuccessNotice() {
        var controller = new VlansController(changes, OPERATOR);
        controller.create(vlan("iot", 42, "ether2"));

        controller.formRejected();
        assertThat(controller.state().notice()).hasValueSatisfying(n -> {
            assertThat(n.isError()).isTrue();
            assertThat(n.text()).doesNotContain("created");
        });

        controller.create(vlan("iot2", 42, "ether2"));
        assertThat(controller.state().notice().orElseThrow().isError()).isTrue();
    }

    @Test
    void aNameConflictNamesTheOtherVlanByItsNameNotItsId() {
        var controller = new VlansController(changes, OPERATOR);
        controller.create(vlan("iot", 42, "ether2"));
        String uuid = controller.state().vlans().getFirst().uuid();

        assertThat(controller.create(vlan("iot", 43, "ether2"))).isFalse();

        assertThat(controller.state().notice().orElseThrow().text()).contains("is already used by VLAN 'iot'").doesNotContain(uuid);
        assertThat(controller.state().fieldErrors()).containsKey("name");
    }

    @Test
    void anUnknownInterfaceIsNamedWithTheRouterInPlainWords() {
        var controller = new VlansController(changes, OPERATOR);

        assertThat(controller.create(vlan("iot", 42, "ether9"))).isFalse();

        assertThat(controller.state().fieldErrors()).containsEntry("interface", "interface 'ether9' does not exist on router 'Lab'");
    }

    @Test
    void aValueOnlyTheRouterPathChecksComesBackWithTheFormsMessageForTheSameRule() {
        var controller = new VlansController(changes, OPERATOR);
        var form = new VlanForm(SchemaDirectives.fromClasspath().validationRules());
        form.getChildren().filter(c -> c.getId().equals(java.util.Optional.of("vlan-id"))).findFirst()
                .map(com.vaadin.flow.component.textfield.IntegerField.class::cast).orElseThrow().setValue(5000);

        controller.create(vlan("bad", 5000, "ether2"));

        assertThat(controller.state().fieldErrors().get("vlanId")).isNotBlank().isEqualTo(form.errors().get("vlanId"));
    }

    @Test
    void aLongInputIsEchoedShortened() {
        var controller = new VlansController(changes, OPERATOR);
        String longName = "n".repeat(80);

        assertThat(controller.create(vlan(longName, 42, "ether2"))).isFalse();

        String notice = controller.state().notice().orElseThrow().text();
        assertThat(notice).doesNotContain(longName).contains("'" + "n".repeat(32) + "…'");
    }
}

package com.nasnetconnect.ui.resources;

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
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.schema.FieldRule;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.routeros.api.FileCertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import com.nasnetconnect.ui.login.LoginHandler;
import com.nasnetconnect.ui.TestScreens;
import com.nasnetconnect.ui.admin.RealSecurity;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VLAN screen without a browser, over the real apply path (RouterOS simulator over TCP, SQLite): what the
 * form and the banner show after a success and after a refusal, "Check now", and a VLAN created elsewhere.
 */
@Timeout(60)
@ViewPackages(packages = "com.nasnetconnect.ui")
class VlansViewTest extends BrowserlessTest {
    static final RouterStatusFeed NO_STATUS = new RouterStatusFeed() {
        public List<RouterStatus> current() { return List.of(); }
        public AutoCloseable subscribe(Consumer<List<RouterStatus>> l) { l.accept(List.of()); return () -> { }; }
        public void refreshNow() { }
    };

    @TempDir
    Path dir;
    RealSecurity security;
    RouterOsSimulator sim;
    RouterOsGateway gateway;
    ResourceChanges changes;

    /** Runs instead of the inherited set-up: the services and the screens must exist before Vaadin starts. */
    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        Clock clock = Clock.systemUTC();
        security = new RealSecurity(dir.resolve("data"));
        sim = RouterOsSimulator.builder().version("7.16.2").credentials("admin", "pw").apiPort(0).tlsPort(-1).build().start();
        gateway = new RouterOsGateway(GatewaySettings.defaults(), new FileCertificatePins(dir.resolve("pins")));
        var routers = new SqliteRouterRepository(security.databases, AesGcmSecretCipher.ofKey(new byte[32]), clock);
        routers.save(new Router(new RouterId("lab"), "Lab", new RouterEndpoint("127.0.0.1", sim.apiPort(), false, "admin",
                Secret.of("pw")), false, clock.instant()));
        var store = new SqliteResourceStore(security.databases);
        var specs = ResourceKindSpecs.defaults();
        var bus = new ResourceEventBus();
        var apply = new ApplyConfirmMergeService(gateway, new StateApplyLedger(store, bus, specs, clock), specs,
                new BasicSchemaRules(specs), LinkLossGuard.NONE, clock);
        changes = new ResourceChanges(apply, routers, store, bus);
        LoginHandler login = new LoginHandler() {
            public Optional<SignedIn> login(String u, Secret p, String s) { return Optional.empty(); }
            public Optional<SignedIn> changePassword(String u, Secret c, Secret n, String s) { return Optional.empty(); }
            public Optional<Principal> resume(Secret token) { return security.s.sessions().resolve(token.reveal()); }
            public void logout(Secret token) { security.s.sessions().close(token.reveal()); }
        };
        TestScreens.next(TestScreens.all(NO_STATUS, new com.nasnetconnect.domain.state.DatabaseHealthCheck(security.databases), login, security.s.authenticator(), security.s.users(),
                security.s.apiKeys(), security.s.sessions(), security.s.audit(), changes, vlanInputRules()));
        super.initVaadinEnvironment();
    }

    /** schema.graphql's VlanInput rules (name 1..15, vlanId 1..4094, interface 1..64), as the server reads them. */
    static ValidationRules vlanInputRules() {
        var vlan = new LinkedHashMap<String, FieldRule>();
        vlan.put("name", new FieldRule("name", true, false, false, null, null, 1, 15, null, null, null, null, null, null));
        vlan.put("vlanId", new FieldRule("vlanId", true, false, false, 1.0, 4094.0, null, null, null, null, null, null, null, null));
        vlan.put("interface", new FieldRule("interface", true, false, false, null, null, 1, 64, null, null, null, null, null, null));
        return new ValidationRules(Map.of("VlanInput", vlan), Map.of());
    }

    @AfterEach
    void close() {
        if (gateway != null) gateway.close();
        if (sim != null) sim.close();
        if (security != null) security.close();
    }

    void openAsAdmin() {
        String token = security.session("admin", RealSecurity.ADMIN_PASSWORD);
        VaadinSession.getCurrent().setAttribute("nnc.sessionToken", Secret.of(token));
        VaadinSession.getCurrent().setAttribute(Principal.class, security.s.sessions().resolve(token).orElseThrow());
        navigate(VlansView.class);
    }

    void add(String name, Integer vlanId) {
        test($(TextField.class).id("vlan-name")).setValue(name);
        if (vlanId != null) test($(IntegerField.class).id("vlan-id")).setValue(vlanId);
        test($(Button.class).id("vlan-add")).click();
    }

    NoticeBanner banner() {
        return $(NoticeBanner.class).id("vlan-notice");
    }

    @SuppressWarnings("unchecked")
    Grid<VlansController.Row> grid() {
        return $(Grid.class).id("vlans-grid");
    }

    @Test
    void afterACreateTheFormIsClearedWithoutErrorsAndTheBannerSaysItWasCreated() {
        openAsAdmin();

        add("iot", 42);

        assertThat(banner().getText()).startsWith("VLAN iot created on the router as *");
        assertThat(banner().getElement().getAttribute("data-kind")).isEqualTo("success");
        TextField name = $(TextField.class).id("vlan-name");
        IntegerField vlanId = $(IntegerField.class).id("vlan-id");
        assertThat(name.getValue()).isEmpty();
        assertThat(vlanId.getValue()).isNull();
        assertThat(name.isInvalid()).as("a cleared form is not an invalid one").isFalse();
        assertThat(vlanId.isInvalid()).isFalse();
        assertThat($(TextField.class).id("vlan-interface").getValue()).isEqualTo("ether2");
        assertThat(test(grid()).size()).isEqualTo(1);
    }

    @Test
    void aRefusalAfterASuccessReplacesTheSuccessMessage() {
        openAsAdmin();
        add("iot", 42);

        add("", null);

        assertThat(banner().getText()).doesNotContain("created").contains("Nothing was sent to the router");
        assertThat(banner().getElement().getAttribute("data-kind")).isEqualTo("error");
        assertThat($(TextField.class).id("vlan-name").isInvalid()).isTrue();

        add("iot", 43); // refused by the pipeline: the name is taken
        assertThat(banner().getText()).contains("is already used by VLAN 'iot'");
        assertThat(banner().getElement().getAttribute("data-kind")).isEqualTo("error");
    }

    @Test
    void checkNowShowsWhatTheCheckFound() {
        openAsAdmin();
        add("iot", 42);

        test($(Button.class).id("vlan-check-drift")).click();

        assertThat(banner().getText()).isEqualTo("Checked 1 VLAN against the router: none drifted.");
        assertThat(test(grid()).getRow(0).drift()).isEqualTo("in sync");
    }

    @Test
    void aVlanCreatedElsewhereAppearsInTheOpenScreen() {
        openAsAdmin();

        changes.create(new Principal("api", Role.OPERATOR, true), new RouterId("lab"), ResourceKind.VLAN,
                new Fields(Map.of("name", "remote", "vlanId", 77L, "interface", "ether2")));

        assertThat(test(grid()).size()).isEqualTo(1);
        assertThat(test(grid()).getRow(0).name()).isEqualTo("remote");
    }
}

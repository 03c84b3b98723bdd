package com.nasnetconnect.ui.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.apply.ApplyConfirmMergeService;
import com.nasnetconnect.domain.apply.BasicSchemaRules;
import com.nasnetconnect.domain.apply.LinkLossGuard;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.apply.ResourceKindSpecs;
import com.nasnetconnect.domain.apply.ResourceLocator;
import com.nasnetconnect.domain.apply.ResourceQueries;
import com.nasnetconnect.domain.apply.RevealSecret;
import com.nasnetconnect.domain.apply.StateApplyLedger;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.schema.Redactor;
import com.nasnetconnect.domain.schema.SchemaTables;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.state.Fields;
import com.nasnetconnect.routeros.api.FileCertificatePins;
import com.nasnetconnect.routeros.api.GatewaySettings;
import com.nasnetconnect.routeros.api.RouterOsGateway;
import com.nasnetconnect.routeros.sim.RouterOsSimulator;
import com.nasnetconnect.storage.router.SqliteRouterRepository;
import com.nasnetconnect.storage.security.AesGcmSecretCipher;
import com.nasnetconnect.storage.state.SqliteResourceStore;
import com.nasnetconnect.ui.RouterRoutes;
import com.nasnetconnect.ui.Screens;
import com.nasnetconnect.ui.TestScreens;
import com.nasnetconnect.ui.admin.RealSecurity;
import com.nasnetconnect.ui.drawer.ResourceDrawer;
import com.nasnetconnect.ui.drawer.ResourceDrawerController;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.login.LoginHandler;
import com.nasnetconnect.ui.login.LoginView;
import com.nasnetconnect.ui.resources.VlansView;
import com.nasnetconnect.ui.services.ServicesView;
import com.nasnetconnect.ui.shell.MainLayout;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.VaadinSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generic resource page without a browser, over the real apply path (RouterOS simulator over TCP, SQLite):
 * which route wins, the "No such page" of an unknown kind, the form the schema builds (select, multi-select,
 * picker of the router's interfaces, password field with "Reveal"), create through it, delete with the impact
 * shown, a row opening the drawer, and the old /vlans address forwarding here.
 */
@Timeout(60)
@ViewPackages(packages = "com.nasnetconnect.ui")
class ResourceKindViewTest extends BrowserlessTest {
    static final String KEY = "kNOxdxBpoKdCDVPRKp4Fu70Ks7dBEEQtMv5ZxLUkq2E=";

    @TempDir
    Path dir;
    RealSecurity security;
    RouterOsSimulator sim;
    RouterOsGateway gateway;
    ResourceChanges changes;
    ResourceLocator locator;

    /** Stands in for a static page of another branch, when this one has no view at its address. */
    @Route("stand-in")
    public static class StandIn extends Div {
    }

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
        locator = new ResourceLocator(routers, store, bus);
        changes = new ResourceChanges(apply, routers, store, bus, locator);
        var queries = new ResourceQueries(routers, store, store, locator, bus, specs, gateway, clock);
        var secrets = new RevealSecret(locator, new Redactor(SchemaTables.sensitiveFields(), (w, s, f, r, at) -> { }, clock));
        LoginHandler login = new LoginHandler() {
            public Optional<SignedIn> login(String u, Secret p, String s) { return Optional.empty(); }
            public Optional<SignedIn> changePassword(String u, Secret c, Secret n, String s) { return Optional.empty(); }
            public Optional<Principal> resume(Secret token) { return security.s.sessions().resolve(token.reveal()); }
            public void logout(Secret token) { security.s.sessions().close(token.reveal()); }
        };
        TestScreens.next(Screens.builder(login)
                .screen(MainLayout.class, () -> new MainLayout(Authentication.current(), login))
                .screen(LoginView.class, () -> new LoginView(login))
                .screen(VlansView.class, () -> new VlansView(() -> Optional.of(new RouterId("lab"))))
                .screen(ResourceKindView.class, () -> {
                    var who = Authentication.signedIn();
                    return new ResourceKindView(new ResourceKindController(who, queries, changes, SchemaTables.validationRules(),
                            Optional.of(secrets)), new ResourceDrawer(new ResourceDrawerController(who, queries)));
                })
                .build());
        super.initVaadinEnvironment();
        String token = security.session("admin", RealSecurity.ADMIN_PASSWORD);
        VaadinSession.getCurrent().setAttribute("nnc.sessionToken", Secret.of(token));
        VaadinSession.getCurrent().setAttribute(Principal.class, security.s.sessions().resolve(token).orElseThrow());
    }

    @AfterEach
    void close() {
        if (locator != null) locator.close();
        if (gateway != null) gateway.close();
        if (sim != null) sim.close();
        if (security != null) security.close();
    }

    ResourceKindView open(String slug) {
        return navigate("routers/lab/" + slug, ResourceKindView.class);
    }

    /** The view registered at exactly this template, if any. */
    static Optional<Class<? extends Component>> at(String template) {
        var routes = RouteConfiguration.forApplicationScope();
        return routes.getAvailableRoutes().stream().filter(r -> r.getTemplate().equals(template))
                .<Class<? extends Component>>map(r -> r.getNavigationTarget()).findFirst();
    }

    /** A component by id, visible or not (the query API finds visible ones only). */
    static Component byId(Component root, String id) {
        if (root.getId().equals(Optional.of(id))) return root;
        return root.getChildren().map(c -> {
            try {
                return byId(c, id);
            } catch (AssertionError none) {
                return null;
            }
        }).filter(java.util.Objects::nonNull).findFirst().orElseThrow(() -> new AssertionError("no #" + id));
    }

    /** The Edit or Delete button of a grid row. */
    Button rowButton(int row, String className) {
        @SuppressWarnings("unchecked") Grid<ResourceKindController.Row> grid = $(Grid.class).id("resource-grid");
        Component cell = test(grid).getCellComponent(row, grid.getColumns().size() - 1);
        return cell.getChildren().filter(c -> c.hasClassName(className)).map(Button.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no ." + className + " in row " + row));
    }

    @Test
    void theStaticPagesOfARouterWinOverTheKindTemplate() {
        var routes = RouteConfiguration.forApplicationScope();
        // pages of other branches that are not on this one yet get a stand-in at their exact address
        var expected = new java.util.HashMap<String, Class<? extends Component>>();
        for (String template : List.of(RouterRoutes.ADD, RouterRoutes.EVENTS_TEMPLATE)) {
            expected.put(template, at(template).orElse(StandIn.class));
            if (at(template).isEmpty()) routes.setRoute(template, StandIn.class);
        }
        assertThat(routes.getRoute("routers/lab/vlan")).contains(ResourceKindView.class);
        assertThat(routes.getRoute("routers/lab/bridge-port")).contains(ResourceKindView.class);
        assertThat(routes.getRoute("routers/lab/services")).contains(ServicesView.class);
        assertThat(routes.getRoute("routers/lab/events")).contains(expected.get(RouterRoutes.EVENTS_TEMPLATE));
        assertThat(routes.getRoute("routers/add")).contains(expected.get(RouterRoutes.ADD));
        assertThat(expected.values()).doesNotContain(ResourceKindView.class);
    }

    @Test
    void anUnknownKindIsAPlainNoSuchPage() {
        var view = open("vlanz");
        assertThat($(Paragraph.class).id("resource-missing").getText()).isEqualTo("No such page: vlanz");
        assertThat(byId(view, "resource-add").isVisible()).isFalse();
    }

    @Test
    void theOldVlansAddressForwardsToTheFirstRoutersVlanPage() {
        navigate("vlans", ResourceKindView.class);
        assertThat($(com.vaadin.flow.component.html.H2.class).id("resource-title").getText()).isEqualTo("VLANs · Lab");
    }

    @Test
    void theFirewallFormOffersSelectsForFixedValuesAndAPickerOfTheRoutersInterfaces() {
        open("firewall-filter");
        test($(Button.class).id("resource-add")).click();

        @SuppressWarnings("unchecked") Select<String> action = $(Select.class).id("field-action");
        assertThat(action.getListDataView().getItems().toList()).contains("accept", "drop", "reject");
        @SuppressWarnings("unchecked") MultiSelectComboBox<String> states = $(MultiSelectComboBox.class).id("field-connectionState");
        assertThat(states.getListDataView().getItems().toList()).contains("established", "related");
        @SuppressWarnings("unchecked") ComboBox<String> in = $(ComboBox.class).id("field-inInterface");
        assertThat(in.getListDataView().getItems().toList()).contains("ether1", "ether2");
        assertThat($(Checkbox.class).id("field-log")).isNotNull();
        assertThat($(TextField.class).id("field-chain").getLabel()).isEqualTo("Chain *");
    }

    @Test
    void aBadValueIsMarkedBesideItsFieldAndWhatWasTypedStays() {
        open("vlan");
        test($(Button.class).id("resource-add")).click();
        test($(TextField.class).id("field-name")).setValue("guest");
        test($(TextField.class).id("field-vlanId")).setValue("5000");
        @SuppressWarnings("unchecked") ComboBox<String> iface = $(ComboBox.class).id("field-interface");
        test(iface).selectItem("ether2");
        test($(Button.class).id("resource-save")).click();

        TextField vlanId = $(TextField.class).id("field-vlanId");
        assertThat(vlanId.isInvalid()).isTrue();
        assertThat(vlanId.getErrorMessage()).isEqualTo("must be at most 4094, was 5000");
        assertThat(vlanId.getValue()).isEqualTo("5000");
        assertThat($(TextField.class).id("field-name").getValue()).isEqualTo("guest");

        test(vlanId).setValue("30");
        test($(Button.class).id("resource-save")).click();
        @SuppressWarnings("unchecked") Grid<ResourceKindController.Row> grid = $(Grid.class).id("resource-grid");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getCellText(0, 0)).isEqualTo("VLAN guest");
        assertThat($(com.vaadin.flow.component.html.Div.class).id("resource-notice").getText()).contains("VLAN guest created");
    }

    @Test
    void deletingShowsWhatBreaksAndOffersToDeleteAll() {
        var lab = new RouterId("lab");
        var admin = security.admin;
        changes.create(admin, lab, ResourceKind.VLAN, Fields.of("name", "guest", "vlanId", "30", "interface", "ether2"));
        changes.create(admin, lab, ResourceKind.IP_ADDRESS, Fields.of("address", "10.0.0.1/24", "interface", "guest"));
        open("vlan");

        test(rowButton(0, "resource-delete")).click();

        ConfirmDialog dialog = $(ConfirmDialog.class).id("delete-dialog");
        assertThat(dialog.isOpened()).isTrue();
        assertThat($(Paragraph.class).id("delete-impact").getText()).isEqualTo("Deleting VLAN guest breaks: IP address 10.0.0.1/24 on guest");
        assertThat(dialog.getElement().getProperty("confirmText")).isEqualTo("Delete all 2");
    }

    @Test
    void aWireguardKeyIsAPasswordFieldAndAnAdminMayRevealIt() {
        var created = changes.create(security.admin, new RouterId("lab"), ResourceKind.WIREGUARD_INTERFACE,
                Fields.of("name", "wg0", "privateKey", KEY));
        open("wireguard-interface");
        test(rowButton(0, "resource-edit")).click();

        PasswordField key = $(PasswordField.class).id("field-privateKey");
        assertThat(key.getValue()).isEmpty();
        test($(Button.class).id("reveal-privateKey")).click();
        assertThat(key.getValue()).isEqualTo(KEY);
        assertThat(created.id()).isNotNull();
    }

    @Test
    void clickingARowOpensTheDrawerBesideTheList() {
        changes.create(security.admin, new RouterId("lab"), ResourceKind.IP_POOL, Fields.of("name", "guests", "ranges", "10.0.0.100-10.0.0.200"));
        var view = open("ip-pool");
        assertThat(byId(view, "resource-drawer-place").isVisible()).isFalse();
        @SuppressWarnings("unchecked") Grid<ResourceKindController.Row> grid = $(Grid.class).id("resource-grid");
        test(grid).clickRow(0);
        assertThat(byId(view, "resource-drawer-place").isVisible()).isTrue();
        assertThat(byId(view, "resource-drawer").getElement().getText() + byId(view, "resource-drawer").getElement().getTextRecursively())
                .contains("IP pool guests");
        test($(Button.class).id("resource-drawer-close")).click();
        assertThat(byId(view, "resource-drawer-place").isVisible()).isFalse();
    }
}

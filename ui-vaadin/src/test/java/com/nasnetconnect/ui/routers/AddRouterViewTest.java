package com.nasnetconnect.ui.routers;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.ui.Screens;
import com.nasnetconnect.ui.TestScreens;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.login.LoginView;
import com.nasnetconnect.ui.shell.MainLayout;
import com.nasnetconnect.ui.shell.NotFoundView;
import com.nasnetconnect.ui.shell.ShellController;
import com.nasnetconnect.ui.shell.ShellController.RouterChoice;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.nasnetconnect.ui.shell.SideNavLinks;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The wizard's and the shell's presenters without a browser, over real registration (SQLite, the simulator over
 * TCP): errors under their fields with the typed text kept, the test's findings, the router's own name in the
 * header and its pages in the drawer.
 */
@Timeout(60)
@ViewPackages(packages = "com.nasnetconnect.ui")
class AddRouterViewTest extends BrowserlessTest {
    static final Principal OPERATOR = new Principal("otto", Role.OPERATOR, false);

    @TempDir Path dir;
    DatabaseManager databases;
    AddRouterFixture f;
    com.nasnetconnect.ui.overview.OverviewFixture overview;

    /** Runs instead of the inherited set-up: the services and the screens must exist before Vaadin starts. */
    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults(), Clock.systemUTC());
        f = new AddRouterFixture(databases, dir);
        overview = new com.nasnetconnect.ui.overview.OverviewFixture(dir.resolve("overview"));
        var login = TestScreens.sessionsOf(OPERATOR);
        TestScreens.next(Screens.builder(login)
                .screen(MainLayout.class, () -> new MainLayout(Authentication.current(), login, new ShellController(
                        () -> f.registration.routers(OPERATOR).stream()
                                .map(r -> new RouterChoice(r.id().value(), r.name())).toList())))
                .screen(LoginView.class, () -> new LoginView(login))
                .screen(AddRouterView.class, () -> new AddRouterView(new AddRouterController(f.registration,
                        AddRouterFixture.addRouterInputRules(), Authentication.signedIn())))
                .screen(NotFoundView.class, NotFoundView::new)
                // where an added router lands; the overview's own fakes (its content is OverviewViewTest's)
                .screen(com.nasnetconnect.ui.overview.OverviewView.class, () -> new com.nasnetconnect.ui.overview.OverviewView(overview.controller()))
                .build());
        super.initVaadinEnvironment();
        VaadinSession.getCurrent().setAttribute("nnc.sessionToken", Secret.of("otto-session"));
        VaadinSession.getCurrent().setAttribute(Principal.class, OPERATOR);
    }

    @AfterEach
    void stop() {
        if (f != null) f.close();
        if (overview != null) overview.close();
        if (databases != null) databases.close();
    }

    void fill(String host, String password) {
        test($(TextField.class).id("router-name")).setValue("Branch office");
        test($(TextField.class).id("router-host")).setValue(host);
        test($(IntegerField.class).id("router-port")).setValue(f.sim.apiPort());
        test($(PasswordField.class).id("router-password")).setValue(password);
    }

    @Test
    void aBadAddressIsShownUnderItsFieldAndWhatWasTypedStays() {
        navigate(AddRouterView.class);
        fill("router one!", "pw");

        test($(Button.class).id("test-connection")).click();

        TextField host = $(TextField.class).id("router-host");
        assertThat(host.isInvalid()).isTrue();
        assertThat(host.getErrorMessage()).isEqualTo("must match ^[A-Za-z0-9.:_-]+$: 'router one!'");
        assertThat(host.getValue()).isEqualTo("router one!");
        assertThat($(PasswordField.class).id("router-password").getValue()).isEqualTo("pw");
        assertThat($(Div.class).withId("test-result").exists()).as("no findings shown").isFalse();
        assertThat($(Button.class).withId("add-and-adopt").exists()).as("no adding before a test").isFalse();
    }

    @Test
    void aTestedRouterIsAddedAndTheShellNamesItAndListsItsPages() {
        navigate(AddRouterView.class);
        assertThat(SideNavLinks.in($(Html.class).id("fleet-nav").getElement().getProperty("innerHTML")))
                .contains(new SideNavLinks.Link("nav-add-router", "Add router", "routers/add"));
        fill("127.0.0.1", "pw");

        test($(Button.class).id("test-connection")).click();
        assertThat($(Div.class).id("test-result").getElement().getTextRecursively()).contains("branch-gw", "7.16.2", "VLAN", "guest, iot");

        test($(Button.class).id("add-router-only")).click();

        String id = f.routers.findAll().getFirst().id().value();
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("routers/" + id);
        assertThat($(Span.class).id("current-router").getText()).isEqualTo("Branch office");
        @SuppressWarnings("unchecked")
        Select<RouterChoice> switcher = $(Select.class).id("router-switcher");
        assertThat(switcher.getValue()).isEqualTo(new RouterChoice(id, "Branch office"));
        String drawer = $(Div.class).id("router-pages").getElement().getProperty("innerHTML");
        List<String> pages = SideNavLinks.in(drawer).stream().map(SideNavLinks.Link::path).toList();
        assertThat(pages).contains("routers/" + id + "/services", "routers/" + id + "/events", "routers/" + id + "/bridge-port",
                "routers/" + id + "/firewall-nat");
    }
}

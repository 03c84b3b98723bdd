package com.nasnetconnect.ui.services;

import static com.nasnetconnect.ui.services.ServicesFixture.LAB;
import static com.nasnetconnect.ui.services.ServicesFixture.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.factory.InstallRequest;
import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.ui.Screens;
import com.nasnetconnect.ui.TestScreens;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.services.ServicesController.InstanceRow;
import com.nasnetconnect.ui.shell.MainLayout;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Services page without a browser, over the real factory (SQLite, the RouterOS simulator over TCP): the
 * install dialog's verdict, the instance and its progress bar, the uninstall summary, and the phone cards.
 */
@Timeout(60)
@ViewPackages(packages = "com.nasnetconnect.ui")
class ServicesViewTest extends BrowserlessTest {
    @TempDir
    Path dir;
    DatabaseManager databases;
    ServicesFixture f;

    /** Runs instead of the inherited set-up: the services and the screens must exist before Vaadin starts. */
    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults(), Clock.systemUTC());
        f = new ServicesFixture(databases, dir);
        var login = TestScreens.sessionsOf(OPERATOR);
        TestScreens.next(Screens.builder(login)
                .screen(MainLayout.class, () -> new MainLayout(Authentication.current(), login))
                .screen(com.nasnetconnect.ui.login.LoginView.class, () -> new com.nasnetconnect.ui.login.LoginView(login))
                .screen(ServicesView.class, () -> new ServicesView(f.controller(Authentication.signedIn())))
                .build());
        super.initVaadinEnvironment();
        VaadinSession.getCurrent().setAttribute("nnc.sessionToken", Secret.of("otto-session"));
        VaadinSession.getCurrent().setAttribute(Principal.class, OPERATOR);
    }

    @AfterEach
    void stop() {
        if (f != null) f.close();
        if (databases != null) databases.close();
    }

    ServicesView open() {
        return navigate("routers/lab/services", ServicesView.class);
    }

    Button installOn(String template) {
        return $(Button.class).withClassName("service-install").all().stream()
                .filter(b -> template.equals(b.getElement().getAttribute("data-template"))).findFirst().orElseThrow();
    }

    void install(String name, String country) {
        test(installOn("tor")).click();
        test($(TextField.class).id("install-name")).setValue(name);
        test($(TextField.class).id("install-option-exitCountry")).setValue(country);
        test($(Button.class).id("install-confirm")).click();
    }

    @SuppressWarnings("unchecked")
    Grid<InstanceRow> instances() {
        return $(Grid.class).id("services-instances");
    }

    /** The state cell's progress bar (a grid renders cell components outside the component tree). */
    Optional<ProgressBar> progressBar() {
        return test(instances()).getCellComponent(0, "state").getChildren()
                .filter(ProgressBar.class::isInstance).map(ProgressBar.class::cast).findFirst();
    }

    @Test
    void theInstallDialogGivesTheApisVerdictOnABadExitCountryAndSendsNothing() {
        open();
        var before = f.sim.snapshot();
        String apiSays = org.assertj.core.api.Assertions.catchThrowableOfType(InputRefused.class, () -> f.factory.install(
                OPERATOR, LAB, InstallRequest.of("tor", "usa", "exitCountry", "zz"))).problems().getFirst().message();

        install("usa", "zz");

        TextField country = $(TextField.class).id("install-option-exitCountry");
        assertThat(country.isInvalid()).isTrue();
        assertThat(country.getErrorMessage()).isEqualTo(apiSays);
        assertThat(country.getLabel()).isEqualTo("Exit country");
        assertThat($(InstallDialog.class).id("install-dialog").isOpened()).as("the dialog stays open to correct it").isTrue();
        assertThat($(NoticeBanner.class).id("services-notice").getText()).startsWith("Nothing was sent to the router");
        assertThat(before.diff(f.sim.snapshot())).isEmpty();
    }

    @Test
    void aNameTheServerRefusesIsMarkedOnTheNameField() {
        open();

        install("Tor USA", "us");

        TextField name = $(TextField.class).id("install-name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).contains("'Tor USA'").contains("lower-case");
    }

    @Test
    void anInstalledServiceShowsItsInterfaceAndAProgressBarThatFollowsThePull() throws Exception {
        open();

        install("usa", "us");

        assertThat($(InstallDialog.class).exists()).as("closed after the install").isFalse();
        assertThat(test(instances()).size()).isEqualTo(1);
        assertThat(test(instances()).getRow(0).interfaceName()).isEqualTo("nnc-tor-usa");
        ServiceInstance installed = f.factory.instances(OPERATOR, LAB).getFirst();
        Thread lifecycle = Thread.ofPlatform().start(() -> f.feed.publish(installed.with(InstanceState.PULLING, 42)));
        lifecycle.join();
        roundTrip();
        ProgressBar bar = progressBar().orElseThrow();
        assertThat(bar.getValue()).isEqualTo(0.42);
        assertThat(test(instances()).getRow(0).stateText()).isEqualTo("Pulling image · 42 %");

        f.feed.publish(installed.with(InstanceState.RUNNING, 100).with(InstanceHealth.healthy(Instant.now())));
        assertThat(progressBar()).as("no bar once running").isEmpty();
        assertThat(test(instances()).getRow(0).health()).isEqualTo("Healthy");
    }

    @Test
    void uninstallAsksWithTheListOfWhatIsRemovedThenRemovesIt() {
        open();
        install("usa", "us");
        ServiceInstance installed = f.factory.instances(OPERATOR, LAB).getFirst();

        ((Button) test(instances()).getCellComponent(0, "actions")).click();

        ConfirmDialog confirm = $(ConfirmDialog.class).id("confirm-dialog");
        assertThat(test(confirm).getHeader()).isEqualTo("Uninstall nnc-tor-usa?");
        List<String> items = $(ListItem.class).all().stream().map(ListItem::getText).toList();
        assertThat(items).hasSize(installed.resources().size()).contains("VLAN nnc-vlan101");
        test(confirm).confirm();
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("services-none").getText())
                .isEqualTo("No services installed on this router yet.");
        assertThat(f.factory.instances(OPERATOR, LAB)).isEmpty();
        assertThat($(NoticeBanner.class).id("services-notice").getText()).startsWith("Uninstalled nnc-tor-usa");
    }

    @Test
    void onAPhoneEachServiceIsACardWithLargeTapTargetsInOneColumn() {
        var c = f.controller(OPERATOR);
        c.open("lab");
        c.install("tor", "usa", Map.of("exitCountry", "us"));
        var phone = new ServicesMobilePresenter(t -> { }, r -> { });

        phone.show(c.state());

        Component root = phone.component();
        var cards = root.getChildren().filter(ch -> ch.getId().equals(Optional.of("services-instance-cards"))).findFirst().orElseThrow();
        var card = cards.getChildren().findFirst().orElseThrow();
        assertThat(card.getElement().getAttribute("data-instance")).isEqualTo("nnc-tor-usa");
        assertThat(card.getElement().getText() + card.getElement().getTextRecursively()).contains("VLAN 101");
        List<Button> buttons = buttons(root);
        assertThat(buttons).isNotEmpty().allSatisfy(b -> assertThat(b.getThemeNames()).contains(ButtonVariant.LUMO_LARGE.getVariantName()));
        assertThat(buttons).extracting(Button::getText).contains("Uninstall", "Install");
    }

    static List<Button> buttons(Component root) {
        return root.getChildren().flatMap(c -> c instanceof Button b ? java.util.stream.Stream.of(b) : buttons(c).stream()).toList();
    }
}

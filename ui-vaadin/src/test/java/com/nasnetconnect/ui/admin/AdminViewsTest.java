package com.nasnetconnect.ui.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.login.LoginHandler;
import com.nasnetconnect.ui.TestScreens;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.nasnetconnect.ui.shell.SideNavLinks;
import com.nasnetconnect.ui.account.AccountView;
import com.nasnetconnect.ui.admin.ApiKeysController.KeyRow;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin and account views without a browser, over the real security services: what each role is shown,
 * and that the one-time key display and the confirmations reach the in-ports.
 */
@Timeout(60)
@ViewPackages(packages = "com.nasnetconnect.ui")
class AdminViewsTest extends BrowserlessTest {
    static final RouterStatusFeed NO_ROUTERS = new RouterStatusFeed() {
        public List<RouterStatus> current() { return List.of(); }
        public AutoCloseable subscribe(Consumer<List<RouterStatus>> l) { l.accept(List.of()); return () -> { }; }
        public void refreshNow() { }
    };

    @TempDir
    Path dir;
    RealSecurity security;

    /** Runs instead of the inherited set-up: the services and the screens must exist before Vaadin starts. */
    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        security = new RealSecurity(dir);
        LoginHandler login = new LoginHandler() {
            public Optional<SignedIn> login(String u, Secret p, String s) { return Optional.empty(); }
            public Optional<SignedIn> changePassword(String u, Secret c, Secret n, String s) { return Optional.empty(); }
            public Optional<Principal> resume(Secret token) { return security.s.sessions().resolve(token.reveal()); }
            public void logout(Secret token) { security.s.sessions().close(token.reveal()); }
        };
        TestScreens.next(TestScreens.all(NO_ROUTERS, new com.nasnetconnect.domain.state.DatabaseHealthCheck(security.databases), login, security.s.authenticator(), security.s.users(),
                security.s.apiKeys(), security.s.sessions(), security.s.audit(),
                com.nasnetconnect.ui.TestResources.changes(security.databases), com.nasnetconnect.ui.TestResources.noRules()));
        super.initVaadinEnvironment();
    }

    @AfterEach
    void close() {
        if (security != null) security.close();
    }

    /** What the sign-in page leaves in the Vaadin session: the domain session's token and its principal. */
    String signIn(String user, String password) {
        String token = security.session(user, password);
        VaadinSession.getCurrent().setAttribute("nnc.sessionToken", Secret.of(token));
        VaadinSession.getCurrent().setAttribute(Principal.class, security.s.sessions().resolve(token).orElseThrow());
        return token;
    }

    /** The menu's entries in drawer order: the current router's pages, then the fleet pages. */
    List<String> navigation() {
        String html = $(com.vaadin.flow.component.html.Div.class).id("router-pages").getElement().getProperty("innerHTML", "")
                + $(com.vaadin.flow.component.Html.class).id("fleet-nav").getElement().getProperty("innerHTML", "");
        return SideNavLinks.in(html).stream().map(SideNavLinks.Link::label).toList();
    }

    @Test
    void anAdminCreatesAKeyReadsItOnceAndRevokesIt() {
        signIn("admin", RealSecurity.ADMIN_PASSWORD);
        navigate(ApiKeysView.class);
        assertThat(navigation()).containsExactly("Dashboard", "Add router", "Users", "API keys", "Audit trail", "Updates", "My account");

        test($(TextField.class).id("new-key-name")).setValue("grafana");
        test($(Button.class).id("create-key")).click();

        TextField shown = $(TextField.class).id("new-key-token");
        String token = shown.getValue();
        assertThat(security.s.apiKeys().authenticate(token)).isPresent();
        test($(Button.class).id("close-key-dialog")).click();
        assertThat($(Dialog.class).withId("new-key-dialog").exists()).isFalse();
        assertThat(shown.getValue()).as("the token is dropped with the dialog").isEmpty();

        @SuppressWarnings("unchecked")
        Grid<KeyRow> grid = $(Grid.class).id("api-keys-grid");
        assertThat(test(grid).size()).isEqualTo(1);
        assertThat(test(grid).getRow(0).name()).isEqualTo("grafana");
        test((Button) test(grid).getCellComponent(0, 7)).click();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(security.s.apiKeys().authenticate(token)).isEmpty();
        assertThat(test(grid).getRow(0).active()).isFalse();
        assertThat($(NoticeBanner.class).id("api-keys-notice").getText()).isEqualTo("Revoked API key 'grafana'");
    }

    @Test
    void anAdminCreatesAUserAndResetsTheirPasswordThroughTheForms() {
        signIn("admin", RealSecurity.ADMIN_PASSWORD);
        navigate(UsersView.class);

        test($(TextField.class).id("new-user-name")).setValue("olga");
        test($(com.vaadin.flow.component.textfield.PasswordField.class).id("new-user-password")).setValue("Initial-pass-1");
        test($(Button.class).id("create-user")).click();

        assertThat($(NoticeBanner.class).id("users-notice").getText()).startsWith("Created user 'olga' (viewer)");
        assertThat($(TextField.class).id("new-user-name").getValue()).isEmpty();
        @SuppressWarnings("unchecked")
        Grid<UsersController.UserRow> grid = $(Grid.class).id("users-grid");
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getRow(1).name()).isEqualTo("olga");
        assertThat(test(grid).getRow(0).self()).isTrue();
        assertThat(find(Button.class, test(grid).getCellComponent(0, 4)).all()).as("no actions on yourself").isEmpty();

        Button reset = find(Button.class, test(grid).getCellComponent(1, 4)).withText("Reset password").single();
        test(reset).click();
        test($(com.vaadin.flow.component.textfield.PasswordField.class).id("temporary-password")).setValue("Temporary-pass-2");
        test($(Button.class).id("confirm-reset-password")).click();

        assertThat($(NoticeBanner.class).id("users-notice").getText()).startsWith("Password of 'olga' reset");
        assertThat(security.s.authenticator().login("olga", Secret.of("Temporary-pass-2"), RealSecurity.SOURCE)
                .mustChangePassword()).isTrue();
    }

    @Test
    void aViewerIsShownNoAdministrationAndAClearRefusalOnAnAdminAddress() {
        security.user("vic", Role.VIEWER, "Vic-pass-12345");
        signIn("vic", "Vic-pass-12345");
        navigate(UsersView.class);

        assertThat(navigation()).containsExactly("Dashboard", "Updates", "My account");
        assertThat($(Grid.class).withId("users-grid").exists()).isFalse();
        assertThat($(Button.class).withId("create-user").exists()).isFalse();
        assertThat($(NoticeBanner.class).id("users-notice").getText())
                .isEqualTo("Not allowed: 'vic' (viewer) may not list users: needs admin");

        navigate(AuditView.class);
        assertThat($(Grid.class).withId("audit-grid").exists()).isFalse();
        assertThat($(Button.class).withId("audit-older").exists()).isFalse();
        assertThat($(NoticeBanner.class).id("audit-notice").getText()).contains("may not read the audit trail");
    }

    @Test
    void anUnknownAddressShowsAPageNotFoundInsideTheMenuAnsweredWith404() {
        signIn("admin", RealSecurity.ADMIN_PASSWORD);
        com.vaadin.flow.component.UI.getCurrent().navigate("no/such/page");

        assertThat(getCurrentView()).isInstanceOf(com.nasnetconnect.ui.shell.NotFoundView.class);
        assertThat($(com.vaadin.flow.component.html.H2.class).single().getText()).isEqualTo("Page not found");
        assertThat($(com.vaadin.flow.component.html.Paragraph.class).id("not-found-path").getText())
                .isEqualTo("There is no page at /no/such/page.");
        assertThat(navigation()).as("inside the main layout, with the menu").contains("Dashboard", "My account");
        assertThat($(Button.class).id("logout").isVisible()).isTrue();
    }

    @Test
    void onAPhoneEachUserIsACardWithItsRoleAndActionsInsteadOfAWideGridRow() {
        var rows = List.of(
                new UsersController.UserRow("admin", Role.ADMIN, "admin", false, "2026-11-25 22:00:00", true),
                new UsersController.UserRow("olga", Role.VIEWER, "viewer", true, "2026-11-25 22:05:00", false));
        var cards = new UsersMobilePresenter(r -> new com.vaadin.flow.component.html.Span("role " + r.roleName()),
                r -> new com.vaadin.flow.component.orderedlayout.HorizontalLayout(new Button("Delete " + r.name())));
        cards.show(rows);

        var shown = cards.component().getChildren().toList();
        assertThat(shown).hasSize(2);
        var olga = shown.get(1);
        assertThat(olga.getElement().getAttribute("data-user")).isEqualTo("olga");
        assertThat(olga.getElement().getTextRecursively())
                .contains("olga", "role viewer", "Created 2026-11-25 22:05:00 · must change password", "Delete olga");
        assertThat(cards.component().getId()).contains("users-cards");
    }

    @Test
    void onAPhoneEachAuditEventIsACardSayingWhatWhenWhoAndFromWhere() {
        var cards = new AuditMobilePresenter();
        cards.show(List.of(new AuditController.EventRow(7, "2026-11-25 22:00:00", "Login failed", "mallory", "mallory",
                "203.0.113.9", "wrong password")));

        var card = cards.component().getChildren().findFirst().orElseThrow();
        assertThat(card.getElement().getTextRecursively())
                .contains("Login failed", "2026-11-25 22:00:00", "by mallory from 203.0.113.9", "wrong password");
        assertThat(cards.component().getId()).contains("audit-cards");
    }

    @Test
    void anyUserSignsThemselvesOutEverywhereAfterConfirming() {
        security.user("vic", Role.VIEWER, "Vic-pass-12345");
        String here = signIn("vic", "Vic-pass-12345");
        String elsewhere = security.session("vic", "Vic-pass-12345");
        navigate(AccountView.class);

        test($(Button.class).id("logout-everywhere")).click();
        assertThat(security.s.sessions().resolve(elsewhere)).as("nothing happens before the confirmation").isPresent();
        test($(ConfirmDialog.class).single()).confirm();

        assertThat(security.s.sessions().resolve(here)).isEmpty();
        assertThat(security.s.sessions().resolve(elsewhere)).isEmpty();
        assertThat($(Dialog.class).id("signed-out-dialog").isOpened()).isTrue();
        assertThat($(Button.class).id("sign-in-again").isVisible()).isTrue();
    }
}

package com.nasnetconnect.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.login.LoginHandler;
import com.nasnetconnect.ui.TestScreens;
import com.nasnetconnect.ui.dashboard.DashboardControllerTest.ManualFeed;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The dashboard's presenters without a browser: the view gets its controller from the screens table, renders the
 * state it is handed, shows updates made on the feed's thread, and stops following the router status feed once it
 * is no longer shown — the pattern every screen shares ({@code ViewBinding}, tested on its own in
 * {@code ViewBindingTest}).
 */
@Timeout(60)
@ViewPackages(packages = "com.nasnetconnect.ui")
class DashboardViewTest extends BrowserlessTest {
    static final Principal VIEWER = new Principal("vic", Role.VIEWER, false);

    /** Any session token is Vic's. */
    static final LoginHandler VIC = TestScreens.sessionsOf(VIEWER);

    final ManualFeed feed = new ManualFeed();

    /** Runs instead of the inherited set-up: the screens must exist before Vaadin starts. */
    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        // only the dashboard is shown here; the in-ports of the other screens are never asked for
        TestScreens.next(TestScreens.all(feed, DashboardControllerTest.HEALTHY, VIC, null, null, null, null, null, null, null));
        super.initVaadinEnvironment();
        VaadinSession.getCurrent().setAttribute("nnc.sessionToken", Secret.of("vic-session"));
        VaadinSession.getCurrent().setAttribute(Principal.class, VIEWER);
    }

    String summary() {
        return $(Span.class).id("routers-summary").getText();
    }

    @Test
    void anUpdateFromTheFeedsThreadIsRendered() throws Exception {
        navigate(DashboardView.class);
        assertThat(summary()).isEqualTo("No routers yet");
        assertThat(feed.listeners).as("the shown dashboard follows the feed").hasSize(1);

        Thread poller = Thread.ofPlatform().start(() -> feed.push(DashboardControllerTest.online("a", 60, 1L << 20)));
        poller.join();
        roundTrip(); // what ui.access queued runs, as with the next push
        assertThat(summary()).isEqualTo("1 of 1 router online");
        @SuppressWarnings("unchecked")
        Grid<DashboardController.RouterRow> grid = $(Grid.class).id("routers-grid");
        assertThat(test(grid).getRow(0).name()).isEqualTo("Router a");
    }

    @Test
    void aDashboardNoLongerShownStopsFollowingTheFeed() {
        navigate(DashboardView.class);
        assertThat(feed.listeners).hasSize(1);

        UI.getCurrent().navigate("no/such/page");

        assertThat(feed.listeners).as("detached: unsubscribed, and the controller let go of the feed").isEmpty();
        navigate(DashboardView.class);
        assertThat(feed.listeners).as("a new dashboard follows again").hasSize(1);
    }

    @Test
    void theMenuListsTheScreensAViewerMayUseWithoutTheLayoutKnowingThem() {
        navigate(DashboardView.class);

        String fleet = $(com.vaadin.flow.component.Html.class).id("fleet-nav").getElement().getProperty("innerHTML");
        assertThat(com.nasnetconnect.ui.shell.SideNavLinks.in(fleet))
                .extracting(com.nasnetconnect.ui.shell.SideNavLinks.Link::label, com.nasnetconnect.ui.shell.SideNavLinks.Link::path)
                .containsExactly(org.assertj.core.api.Assertions.tuple("Dashboard", ""),
                        org.assertj.core.api.Assertions.tuple("Updates", "updates"),
                        org.assertj.core.api.Assertions.tuple("My account", "account"));
    }
}

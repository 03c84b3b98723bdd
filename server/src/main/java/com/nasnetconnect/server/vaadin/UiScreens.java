package com.nasnetconnect.server.vaadin;

import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.ui.Screens;
import com.nasnetconnect.ui.account.AccountController;
import com.nasnetconnect.ui.account.AccountView;
import com.nasnetconnect.ui.admin.ApiKeysController;
import com.nasnetconnect.ui.admin.ApiKeysView;
import com.nasnetconnect.ui.admin.AuditController;
import com.nasnetconnect.ui.admin.AuditView;
import com.nasnetconnect.ui.admin.UsersController;
import com.nasnetconnect.ui.admin.UsersView;
import com.nasnetconnect.ui.dashboard.DashboardController;
import com.nasnetconnect.ui.dashboard.DashboardView;
import com.nasnetconnect.ui.events.EventsController;
import com.nasnetconnect.ui.events.EventsView;
import com.nasnetconnect.ui.login.ChangePasswordView;
import com.nasnetconnect.ui.login.LoginView;
import com.nasnetconnect.ui.overview.OverviewCharts;
import com.nasnetconnect.ui.overview.OverviewController;
import com.nasnetconnect.ui.overview.OverviewView;
import com.nasnetconnect.ui.resources.VlansView;
import com.nasnetconnect.ui.services.ServicesController;
import com.nasnetconnect.ui.services.ServicesView;
import com.nasnetconnect.ui.drawer.ResourceDrawer;
import com.nasnetconnect.ui.drawer.ResourceDrawerController;
import com.nasnetconnect.ui.resource.ResourceKindController;
import com.nasnetconnect.ui.resource.ResourceKindView;
import com.nasnetconnect.ui.shell.MainLayout;
import com.nasnetconnect.ui.updates.UpdatesController;
import com.nasnetconnect.ui.updates.UpdatesView;
import com.nasnetconnect.ui.routers.AddRouterController;
import com.nasnetconnect.ui.routers.AddRouterView;
import com.nasnetconnect.ui.shell.ShellController;
import com.nasnetconnect.domain.security.Role;
import java.time.Clock;
import java.time.ZoneId;

import static com.nasnetconnect.ui.login.Authentication.clientAddress;
import static com.nasnetconnect.ui.login.Authentication.current;
import static com.nasnetconnect.ui.login.Authentication.signedIn;

/**
 * Every screen of the UI, built with {@code new} from the in-ports: the table Vaadin's instantiator reads, so
 * each view gets its controller in its constructor. A builder runs when a user navigates to the screen, in that
 * user's request: the signed-in principal and the client's address are that user's (the access control has
 * already sent anyone not signed in to the sign-in page).
 */
public final class UiScreens {
    private UiScreens() {
    }

    /** @param zone how times are shown; @param clock "now" for the screens that show how long ago */
    public static Screens table(UiServices s, Clock clock, ZoneId zone) {
        var overviewCharts = new OverviewCharts(s.telemetry(), clock, zone); // one chart set per router, for every session
        return Screens.builder(s.login())
                .screen(MainLayout.class, () -> new MainLayout(current(), s.login(),
                        new ShellController(() -> current().map(who -> s.registration().routers(who).stream()
                                .map(r -> new ShellController.RouterChoice(r.id().value(), r.name())).toList())
                                .orElse(java.util.List.of()))))
                .screen(LoginView.class, () -> new LoginView(s.login()))
                .screen(ChangePasswordView.class, () -> new ChangePasswordView(s.login()))
                .screen(DashboardView.class, () -> new DashboardView(
                        new DashboardController(s.routerStatus(), s.databases(), 0, clock,
                                signedIn().role().allows(Role.OPERATOR))))
                .screen(AddRouterView.class, () -> new AddRouterView(
                        new AddRouterController(s.registration(), s.validationRules(), signedIn())))
                .screen(VlansView.class, () -> {
                    var who = signedIn();
                    return new VlansView(() -> s.resources().routers(who).stream().findFirst().map(Router::id));
                })
                .screen(ServicesView.class, () -> {
                    var who = signedIn();
                    return new ServicesView(new ServicesController(s.services(), s.policies(), who,
                            id -> s.resources().routers(who).stream().filter(r -> r.id().equals(id)).map(Router::name).findFirst()));
                })
                .screen(ResourceKindView.class, () -> {
                    var who = signedIn();
                    return new ResourceKindView(new ResourceKindController(who, s.queries(), s.resources(), s.validationRules(),
                            s.secrets()), new ResourceDrawer(new ResourceDrawerController(who, s.queries(),
                            java.util.Optional.of(s.resources()), java.util.Optional.of(s.drift()), java.util.Optional.of(s.telemetry()), zone)));
                })
                .screen(EventsView.class, () -> {
                    var who = signedIn();
                    return new EventsView(new EventsController(s.eventLog(), id -> s.queries().history(who, id),
                            id -> s.resources().routers(who).stream().filter(r -> r.id().equals(id)).map(Router::name).findFirst(),
                            clock, zone, EventsView.PAGE_SIZE));
                })
                .screen(OverviewView.class, () -> new OverviewView(new OverviewController(s.routerStatus(), s.telemetry(),
                        overviewCharts, s.queries(), s.eventLog(), s.services(), signedIn(), clock, zone, OverviewController.REFRESH)))
                .screen(UsersView.class, () -> new UsersView(
                        new UsersController(s.users(), s.sessions(), signedIn(), zone)))
                .screen(ApiKeysView.class, () -> new ApiKeysView(
                        new ApiKeysController(s.apiKeys(), signedIn(), zone, clock)))
                .screen(AuditView.class, () -> new AuditView(
                        new AuditController(s.audit(), signedIn(), zone, AuditView.PAGE_SIZE)))
                .screen(AccountView.class, () -> new AccountView(
                        new AccountController(s.authenticator(), s.sessions(), signedIn(), clientAddress()), s.login()))
                .screen(UpdatesView.class, () -> new UpdatesView(new UpdatesController(s.updates(), signedIn(), zone)))
                .build();
    }
}

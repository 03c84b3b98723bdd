package com.nasnetconnect.ui;

import com.nasnetconnect.ui.login.LoginHandler;
import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.security.ApiKeys;
import com.nasnetconnect.domain.security.AuditTrail;
import com.nasnetconnect.domain.security.Authenticator;
import com.nasnetconnect.domain.security.Sessions;
import com.nasnetconnect.domain.security.UserAdministration;
import com.nasnetconnect.domain.state.DatabaseHealthCheck;
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
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.login.ChangePasswordView;
import com.nasnetconnect.ui.login.LoginView;
import com.nasnetconnect.ui.resources.VlansView;
import com.nasnetconnect.ui.shell.MainLayout;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Browserless tests: the screens table, built as the server's composition root builds it, put into the mock
 * servlet context as the Vaadin service starts, so the first navigation (made while the test environment is set
 * up) finds it. Registered through META-INF/services in test resources only.
 */
public final class TestScreens implements VaadinServiceInitListener {
    private static final AtomicReference<Screens> NEXT = new AtomicReference<>();

    /** The table for the next Vaadin service a test starts. */
    public static void next(Screens screens) {
        NEXT.set(screens);
    }

    /** A sign-in under which every session token is {@code who}'s (and nobody can sign in anew). */
    public static LoginHandler sessionsOf(com.nasnetconnect.domain.security.Principal who) {
        return new LoginHandler() {
            public java.util.Optional<SignedIn> login(String u, com.nasnetconnect.domain.common.Secret p, String s) {
                return java.util.Optional.empty();
            }
            public java.util.Optional<SignedIn> changePassword(String u, com.nasnetconnect.domain.common.Secret c,
                                                               com.nasnetconnect.domain.common.Secret n, String s) {
                return java.util.Optional.empty();
            }
            public java.util.Optional<com.nasnetconnect.domain.security.Principal> resume(com.nasnetconnect.domain.common.Secret token) {
                return java.util.Optional.of(who);
            }
            public void logout(com.nasnetconnect.domain.common.Secret token) {
            }
        };
    }

    /** Every screen over these in-ports, times in UTC. */
    public static Screens all(RouterStatusFeed routerStatus, DatabaseHealthCheck databases, LoginHandler login,
                              Authenticator authenticator, UserAdministration users, ApiKeys apiKeys, Sessions sessions,
                              AuditTrail audit, ResourceChanges resources, ValidationRules rules) {
        Clock clock = Clock.systemUTC();
        return Screens.builder(login)
                .screen(MainLayout.class, () -> new MainLayout(Authentication.current(), login))
                .screen(LoginView.class, () -> new LoginView(login))
                .screen(ChangePasswordView.class, () -> new ChangePasswordView(login))
                .screen(DashboardView.class, () -> new DashboardView(new DashboardController(routerStatus, databases, 0, clock)))
                .screen(VlansView.class, () -> new VlansView(() -> resources.routers(Authentication.signedIn()).stream().findFirst()
                        .map(com.nasnetconnect.domain.router.Router::id)))
                .screen(UsersView.class, () -> new UsersView(new UsersController(users, sessions, Authentication.signedIn(), ZoneOffset.UTC)))
                .screen(ApiKeysView.class, () -> new ApiKeysView(new ApiKeysController(apiKeys, Authentication.signedIn(), ZoneOffset.UTC, clock)))
                .screen(AuditView.class, () -> new AuditView(new AuditController(audit, Authentication.signedIn(), ZoneOffset.UTC, AuditView.PAGE_SIZE)))
                .screen(AccountView.class, () -> new AccountView(new AccountController(authenticator, sessions,
                        Authentication.signedIn(), Authentication.clientAddress()), login))
                .build();
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        Screens screens = NEXT.get();
        if (screens != null && event.getSource() instanceof VaadinServletService s) {
            s.getServlet().getServletContext().setAttribute(Screens.ATTRIBUTE, screens);
        }
    }
}

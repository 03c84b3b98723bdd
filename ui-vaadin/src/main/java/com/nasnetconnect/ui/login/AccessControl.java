package com.nasnetconnect.ui.login;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Sends every navigation to the sign-in page until the session has a principal, so no view is reachable
 * without authentication, including ones added later. Added by the UI's instantiator, with the sign-in of the
 * composition root (looked up per navigation: Vaadin starts before the sign-in exists).
 */
public final class AccessControl implements VaadinServiceInitListener {
    private final Supplier<LoginHandler> login;

    public AccessControl(Supplier<LoginHandler> login) {
        this.login = Objects.requireNonNull(login, "login");
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            boolean toLogin = enter.getNavigationTarget() == LoginView.class;
            boolean toChange = enter.getNavigationTarget() == ChangePasswordView.class;
            boolean signedIn = Authentication.revalidate(login.get()).isPresent();
            if (toChange && !signedIn && Authentication.pendingPasswordChange().isPresent()) {
                return; // passed the password check, must choose a new password before anything else
            }
            if (!signedIn && !toLogin) {
                enter.forwardTo(LoginView.class);
            } else if (signedIn && toLogin) {
                enter.forwardTo("");
            }
        }));
    }
}

package com.nasnetconnect.ui.login;

import com.nasnetconnect.ui.UiContext;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * Sends every navigation to the sign-in page until the session has a principal, so no view is reachable
 * without authentication, including ones added later. Registered through META-INF/services.
 */
public class AccessControl implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> {
            boolean toLogin = enter.getNavigationTarget() == LoginView.class;
            boolean toChange = enter.getNavigationTarget() == ChangePasswordView.class;
            boolean signedIn = Authentication.revalidate(UiContext.current().login()).isPresent();
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

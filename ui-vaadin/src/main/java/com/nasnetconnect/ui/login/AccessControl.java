package com.nasnetconnect.ui.login;

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
            boolean signedIn = Authentication.current().isPresent();
            if (!signedIn && !toLogin) {
                enter.forwardTo(LoginView.class);
            } else if (signedIn && toLogin) {
                enter.forwardTo("");
            }
        }));
    }
}

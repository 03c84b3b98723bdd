package com.nasnetconnect.ui.login;

import com.nasnetconnect.domain.security.Principal;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/** Who is signed in to this Vaadin session; the only place that reads or writes that. */
public final class Authentication {
    private Authentication() {
    }

    public static Optional<Principal> current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Principal.class));
    }

    /** Signs in: a fresh HTTP session id first (no session fixation), then remembers the principal. */
    static void signIn(Principal principal) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) VaadinService.reinitializeSession(request);
        VaadinSession.getCurrent().setAttribute(Principal.class, principal);
    }

    public static void logout() {
        UI ui = UI.getCurrent();
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(Principal.class, null);
        ui.getPage().setLocation("/login");
        session.getSession().invalidate();
    }
}

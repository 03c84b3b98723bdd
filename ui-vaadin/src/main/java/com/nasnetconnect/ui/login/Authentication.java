package com.nasnetconnect.ui.login;

import com.nasnetconnect.domain.security.Principal;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/** Who is signed in to this Vaadin session; the only place that reads or writes that. */
public final class Authentication {
    /** Session attribute: the user who passed the password check but must choose a new password first. */
    private static final String PENDING_CHANGE = "nnc.pendingPasswordChange";

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
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(PENDING_CHANGE, null);
        session.setAttribute(Principal.class, principal);
    }

    static void requirePasswordChange(String user) {
        VaadinSession.getCurrent().setAttribute(PENDING_CHANGE, user);
    }

    static Optional<String> pendingPasswordChange() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(PENDING_CHANGE));
    }

    public static void logout() {
        UI ui = UI.getCurrent();
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(Principal.class, null);
        session.setAttribute(PENDING_CHANGE, null);
        ui.getPage().setLocation("/login");
        session.getSession().invalidate();
    }
}

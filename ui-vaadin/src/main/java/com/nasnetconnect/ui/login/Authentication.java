package com.nasnetconnect.ui.login;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Principal;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import jakarta.servlet.http.Cookie;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinSession;
import java.util.Optional;

/**
 * Who is signed in to this Vaadin session; the only place that reads or writes that. The Vaadin session holds
 * the domain session's token; every navigation re-checks it, so idle/absolute timeouts, "log out everywhere"
 * and role changes take effect on the next click.
 */
public final class Authentication {
    /** Session attribute: the user who passed the password check but must choose a new password first. */
    private static final String PENDING_CHANGE = "nnc.pendingPasswordChange";
    private static final String TOKEN = "nnc.sessionToken";

    private Authentication() {
    }

    /** The principal of this UI session as last confirmed. */
    public static Optional<Principal> current() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable(session.getAttribute(Principal.class));
    }

    /** The principal of this UI session; for building a screen, which only signed-in users reach. */
    public static Principal signedIn() {
        return current().orElseThrow(() -> new IllegalStateException("not signed in"));
    }

    /** Where the current request came from (the client's address), for rate limiting and audit; "unknown" outside one. */
    public static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? "unknown" : request.getRemoteAddr();
    }

    /** Re-checks the domain session; signs the Vaadin session out when it has ended. */
    static Optional<Principal> revalidate(LoginHandler login) {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) return Optional.empty();
        Secret token = (Secret) session.getAttribute(TOKEN);
        if (token == null) return Optional.empty();
        Optional<Principal> p = login.resume(token);
        if (p.isEmpty()) {
            session.setAttribute(TOKEN, null);
            session.setAttribute(Principal.class, null);
        } else {
            session.setAttribute(Principal.class, p.get());
        }
        return p;
    }

    /** Signs in: a fresh HTTP session id first (no session fixation), then remembers the session. */
    static void signIn(LoginHandler login, LoginHandler.SignedIn signedIn) {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) VaadinService.reinitializeSession(request);
        VaadinSession session = VaadinSession.getCurrent();
        session.setAttribute(PENDING_CHANGE, null);
        Secret token = signedIn.sessionToken().orElseThrow(() -> new IllegalStateException("no session token"));
        session.setAttribute(TOKEN, token);
        session.setAttribute(Principal.class, signedIn.principal());
        sessionCookie(login, token.reveal(), -1);
    }

    /**
     * The same session for the API: an HttpOnly, SameSite=Strict cookie (Secure under HTTPS) that the front door
     * accepts from the same origin only. maxAge 0 removes it.
     */
    private static void sessionCookie(LoginHandler login, String value, int maxAge) {
        var name = login.sessionCookieName();
        VaadinResponse response = VaadinService.getCurrentResponse();
        VaadinRequest request = VaadinRequest.getCurrent();
        if (name.isEmpty() || response == null) return;
        Cookie cookie = new Cookie(name.get(), value);
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request != null && request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        cookie.setMaxAge(maxAge);
        response.addCookie(cookie);
    }

    static void requirePasswordChange(String user) {
        VaadinSession.getCurrent().setAttribute(PENDING_CHANGE, user);
    }

    static Optional<String> pendingPasswordChange() {
        VaadinSession session = VaadinSession.getCurrent();
        return session == null ? Optional.empty() : Optional.ofNullable((String) session.getAttribute(PENDING_CHANGE));
    }

    /** Ends the domain session and the Vaadin session, and sends the browser to the sign-in page. */
    public static void logout(LoginHandler login) {
        UI ui = UI.getCurrent();
        VaadinSession session = VaadinSession.getCurrent();
        Secret token = (Secret) session.getAttribute(TOKEN);
        if (token != null) login.logout(token);
        sessionCookie(login, "", 0);
        session.setAttribute(TOKEN, null);
        session.setAttribute(Principal.class, null);
        session.setAttribute(PENDING_CHANGE, null);
        ui.getPage().setLocation("/login");
        session.getSession().invalidate();
    }
}

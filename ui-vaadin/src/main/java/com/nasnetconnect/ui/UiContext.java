package com.nasnetconnect.ui;

import com.nasnetconnect.domain.apply.ResourceChanges;
import com.nasnetconnect.domain.router.RouterStatusFeed;
import com.nasnetconnect.domain.schema.ValidationRules;
import com.nasnetconnect.domain.state.DatabaseStatus;
import com.nasnetconnect.domain.security.ApiKeys;
import com.nasnetconnect.domain.security.AuditTrail;
import com.nasnetconnect.domain.security.Authenticator;
import com.nasnetconnect.domain.security.Sessions;
import com.nasnetconnect.domain.security.UserAdministration;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletService;
import java.util.Objects;

/**
 * What the UI needs from the rest of the application, handed over by the composition root through the
 * servlet context (Vaadin creates views itself, with no-argument constructors).
 */
public record UiContext(RouterStatusFeed routerStatus, DatabaseStatus databases, LoginHandler login, Authenticator authenticator,
                        UserAdministration users, ApiKeys apiKeys, Sessions sessions, AuditTrail audit,
                        ResourceChanges resources, ValidationRules validationRules) {
    /** The servlet-context attribute under which the composition root stores the context. */
    public static final String ATTRIBUTE = UiContext.class.getName();

    public UiContext {
        Objects.requireNonNull(routerStatus, "routerStatus");
        Objects.requireNonNull(databases, "databases");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(apiKeys, "apiKeys");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(resources, "resources");
        Objects.requireNonNull(validationRules, "validationRules");
    }

    /** The context of the running Vaadin service. */
    public static UiContext current() {
        VaadinService service = VaadinService.getCurrent();
        if (service instanceof VaadinServletService s) {
            Object ctx = s.getServlet().getServletContext().getAttribute(ATTRIBUTE);
            if (ctx instanceof UiContext c) return c;
        }
        throw new IllegalStateException("UiContext missing: the server must set servlet context attribute " + ATTRIBUTE);
    }
}

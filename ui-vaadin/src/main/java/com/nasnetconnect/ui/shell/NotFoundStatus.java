package com.nasnetconnect.ui.shell;

import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.RouteRegistry;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;

/**
 * Answers a page load of an address that names no screen with HTTP 404 (the page itself is the usual one;
 * Vaadin then shows {@link NotFoundView} in it). Vaadin's bootstrap page is the same for every address and would
 * say 200, so crawlers, monitors and bookmarks checkers would take a typo for a page. Only page loads (GET of
 * the page, not Vaadin's own requests) are looked at; the status is set and Vaadin's handlers carry on. Registered
 * through META-INF/services.
 */
public class NotFoundStatus implements VaadinServiceInitListener {
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addRequestHandler((session, request, response) -> {
            // the application's routes (this app registers none per session), read without the session lock
            RouteRegistry routes = ApplicationRouteRegistry.getInstance(event.getSource().getContext());
            if (isPageLoad(request) && !exists(routes, request)) {
                response.setStatus(HttpStatusCode.NOT_FOUND.getCode());
            }
            return false;
        });
    }

    /**
     * A GET without Vaadin's {@code v-r} parameter: what reaches the request handlers that way is the page itself
     * (static files under {@code VAADIN/} and the style sheets are served before them, whatever the client accepts).
     */
    static boolean isPageLoad(VaadinRequest request) {
        return "GET".equals(request.getMethod()) && request.getParameter("v-r") == null;
    }

    private static boolean exists(RouteRegistry routes, VaadinRequest request) {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        if (path.startsWith("/")) path = path.substring(1);
        if (path.startsWith("VAADIN/")) return true;
        return routes.getNavigationTarget(path).isPresent();
    }
}

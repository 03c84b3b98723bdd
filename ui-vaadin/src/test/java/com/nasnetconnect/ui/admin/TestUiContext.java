package com.nasnetconnect.ui.admin;

import com.nasnetconnect.ui.UiContext;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinServletService;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Browserless tests: puts a {@link UiContext} into the mock servlet context as the service starts, as the
 * server's composition root does, so the first navigation (made while the test environment is set up) finds
 * it. Registered through META-INF/services in test resources only.
 */
public final class TestUiContext implements VaadinServiceInitListener {
    private static final AtomicReference<UiContext> NEXT = new AtomicReference<>();

    /** The context for the next Vaadin service a test starts. */
    public static void next(UiContext context) {
        NEXT.set(context);
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        UiContext ctx = NEXT.get();
        if (ctx != null && event.getSource() instanceof VaadinServletService s) {
            s.getServlet().getServletContext().setAttribute(UiContext.ATTRIBUTE, ctx);
        }
    }
}

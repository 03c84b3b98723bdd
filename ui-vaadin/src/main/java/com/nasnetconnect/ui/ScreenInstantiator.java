package com.nasnetconnect.ui;

import com.nasnetconnect.ui.login.AccessControl;
import com.vaadin.flow.di.DefaultInstantiator;
import com.vaadin.flow.server.VaadinContext;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.stream.Stream;

/**
 * Vaadin's instantiator for this UI: route targets and layouts come from the composition root's {@link Screens}
 * table (constructor injection); everything else is created as Vaadin's default would. It also adds the
 * {@link AccessControl}, which gets the sign-in from the same table.
 *
 * <p>The table is read when a screen is built, not when Vaadin starts: Vaadin starts alongside the rest of the
 * application and gets its table before the front door lets the first request through.
 */
final class ScreenInstantiator extends DefaultInstantiator {
    private final transient VaadinService service;

    ScreenInstantiator(VaadinService service) {
        super(service);
        this.service = service;
    }

    @Override
    public <T> T getOrCreate(Class<T> type) {
        return screens().create(type).orElseGet(() -> super.getOrCreate(type));
    }

    @Override
    public Stream<VaadinServiceInitListener> getServiceInitListeners() {
        return Stream.concat(super.getServiceInitListeners(), Stream.of(new AccessControl(() -> screens().login())));
    }

    private Screens screens() {
        VaadinContext context = service.getContext();
        Screens screens = context == null ? null : context.getAttribute(Screens.class);
        if (screens != null) return screens;
        throw new IllegalStateException("the UI's screens are missing: the server must set the servlet context attribute "
                + Screens.ATTRIBUTE + " before the first request");
    }
}

package com.nasnetconnect.ui;

import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.di.InstantiatorFactory;
import com.vaadin.flow.server.VaadinService;

/**
 * Makes Vaadin use {@link ScreenInstantiator}. Vaadin finds this class by its interface (the servlet container's
 * class scan, and META-INF/services) and asks it once per Vaadin service.
 */
public final class ScreenInstantiatorFactory implements InstantiatorFactory {
    @Override
    public Instantiator createInstantitor(VaadinService service) {
        return new ScreenInstantiator(service);
    }
}

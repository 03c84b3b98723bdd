package com.nasnetconnect.ui.shell;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.HttpStatusCode;

/**
 * What an address that names no screen shows: a plain "not found" page inside the usual frame (menu, user,
 * sign-out), answered with HTTP 404, instead of Vaadin's developer message. It names the address, never a
 * route list or a stack trace. Before sign-in the access control sends every address to the sign-in page.
 */
@ParentLayout(MainLayout.class)
public class NotFoundView extends VerticalLayout implements HasErrorParameter<NotFoundException> {
    private final Paragraph what = new Paragraph();

    public NotFoundView() {
        setId("not-found");
        what.setId("not-found-path");
        Anchor home = new Anchor("", "Go to the dashboard"); // the dashboard's route, navigated by the router
        home.getElement().setAttribute("router-link", true);
        home.setId("not-found-home");
        add(new H2("Page not found"), what,
                new Paragraph("Use the menu to find the screen you want."), home);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
        event.getUI().getPage().setTitle("Page not found · NasNetConnect");
        what.setText("There is no page at /" + shorten(event.getLocation().getPath()) + ".");
        return HttpStatusCode.NOT_FOUND.getCode();
    }

    /** An address typed or pasted by anyone: shown, but never more than a line of it. */
    static String shorten(String path) {
        return path.length() <= 60 ? path : path.substring(0, 57) + "…";
    }
}

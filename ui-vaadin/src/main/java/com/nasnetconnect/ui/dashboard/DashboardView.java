package com.nasnetconnect.ui.dashboard;

import com.nasnetconnect.ui.UiContext;
import com.nasnetconnect.ui.shell.MainLayout;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;

/**
 * The managed routers with live status. The controller decides everything; this view picks the presenter
 * the controller's layout names (grid on wide screens, cards on phones), swaps it live on resize, and hands
 * pushed updates to {@code ui.access}.
 */
@Route(value = "", layout = MainLayout.class)
@PageTitle("Dashboard · NasNetConnect")
public class DashboardView extends VerticalLayout {
    private final Span summary = new Span();
    private final Div warnings = new Div();
    private DashboardController controller;
    private DashboardPresenter presenter;
    private Registration resize;

    public DashboardView() {
        setWidthFull();
        summary.setId("routers-summary");
        Button refresh = new Button("Refresh", e -> controller.refresh());
        refresh.setId("refresh");
        HorizontalLayout header = new HorizontalLayout(new H2("Routers"), summary, refresh);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.expand(summary);
        warnings.setId("db-warnings");
        warnings.addClassName("nnc-problem");
        add(header, warnings);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        controller = new DashboardController(UiContext.current().routerStatus(), UiContext.current().databases(), 0);
        render(controller.state());
        ui.getPage().retrieveExtendedClientDetails(details -> controller.viewportResized(details.getWindowInnerWidth()));
        resize = ui.getPage().addBrowserWindowResizeListener(e -> controller.viewportResized(e.getWidth()));
        controller.attach(state -> ui.access(() -> render(state)));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (resize != null) resize.remove();
        if (controller != null) controller.close();
        controller = null;
        presenter = null;
    }

    private void render(DashboardController.State state) {
        DashboardPresenter wanted = state.layout() == DashboardController.Layout.CARDS
                ? (presenter instanceof DashboardMobilePresenter ? presenter : new DashboardMobilePresenter())
                : (presenter instanceof DashboardDesktopPresenter ? presenter : new DashboardDesktopPresenter());
        if (wanted != presenter) {
            if (presenter != null) remove(presenter.component());
            presenter = wanted;
            add(presenter.component());
        }
        summary.setText(state.summary());
        warnings.removeAll();
        state.warnings().forEach(w -> warnings.add(new Div(w)));
        warnings.setVisible(!state.warnings().isEmpty());
        presenter.show(state);
    }
}

package com.nasnetconnect.ui.dashboard;

import com.nasnetconnect.ui.ViewBinding;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * The managed routers with live status. The controller decides everything; this view picks the presenter
 * the controller's layout names (grid on wide screens, cards on phones) and swaps it live on resize;
 * {@link ViewBinding} hands the feed's updates to {@code ui.access}.
 */
@Route("")
@Menu(title = "Dashboard", order = 1)
@PageTitle("Dashboard · NasNetConnect")
public class DashboardView extends VerticalLayout {
    private final Span summary = new Span();
    private final Div warnings = new Div();
    private DashboardPresenter presenter;

    public DashboardView(DashboardController controller) {
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
        ViewBinding.followViewport(this, controller::viewportResized);
        ViewBinding.follow(this, controller, this::render);
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

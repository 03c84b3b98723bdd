package com.nasnetconnect.ui.dashboard;

import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.RouterRoutes;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
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
    private final Div emptyFleet = new Div();
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
        header.addClassName("nnc-dashboard-header");
        if (controller.mayAddRouters()) {
            Button add = new Button("Add router", e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(RouterRoutes.ADD)));
            add.setId("add-router");
            add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            header.add(add);
        }
        warnings.setId("db-warnings");
        warnings.addClassName("nnc-problem");
        emptyFleet.setId("empty-fleet");
        emptyFleet.addClassName("nnc-empty-fleet");
        H3 first = new H3(DashboardController.EMPTY_FLEET);
        emptyFleet.add(first, new Paragraph(controller.emptyFleetHint()));
        if (controller.mayAddRouters()) {
            Button start = new Button(DashboardController.EMPTY_FLEET,
                    e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(RouterRoutes.ADD)));
            start.setId("add-first-router");
            start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            emptyFleet.add(start);
        }
        emptyFleet.setVisible(false);
        add(header, warnings, emptyFleet);
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
        emptyFleet.setVisible(state.routers().isEmpty());
        presenter.component().setVisible(!state.routers().isEmpty());
        warnings.removeAll();
        state.warnings().forEach(w -> warnings.add(new Div(w)));
        warnings.setVisible(!state.warnings().isEmpty());
        presenter.show(state);
    }
}

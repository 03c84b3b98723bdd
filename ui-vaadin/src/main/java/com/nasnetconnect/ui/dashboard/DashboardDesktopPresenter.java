package com.nasnetconnect.ui.dashboard;

import com.nasnetconnect.ui.dashboard.DashboardController.RouterRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.function.ValueProvider;

/**
 * Wide screens: one grid row per router, every status column visible. The status cell wraps instead of being
 * cut; an unreachable router's reason is under its status, and its last known values are greyed with a tooltip
 * saying from when they are.
 */
final class DashboardDesktopPresenter implements DashboardPresenter {
    private final Grid<RouterRow> grid = new Grid<>();

    DashboardDesktopPresenter() {
        grid.setId("routers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addComponentColumn(DashboardDesktopPresenter::overviewLink).setHeader("Router").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(DashboardDesktopPresenter::status).setHeader("Status").setWidth("17em").setFlexGrow(0);
        grid.addColumn(RouterRow::identity).setHeader("Identity").setAutoWidth(true);
        grid.addColumn(RouterRow::version).setHeader("RouterOS").setAutoWidth(true);
        grid.addColumn(RouterRow::board).setHeader("Board").setAutoWidth(true);
        live(RouterRow::uptime).setHeader("Uptime").setAutoWidth(true).setKey("uptime");
        live(RouterRow::cpuLoad).setHeader("CPU").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        live(RouterRow::freeMemory).setHeader("Free memory").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addComponentColumn(DashboardDesktopPresenter::servicesLink).setHeader("").setAutoWidth(true).setFlexGrow(0);
    }

    /** The router's name, linking to its overview. */
    static Anchor overviewLink(RouterRow row) {
        Anchor link = new Anchor(DashboardController.overviewPath(row.id()), row.name());
        link.addClassName("router-overview-link");
        link.getElement().setAttribute("router-link", true); // navigates inside the page, no reload
        link.getElement().setAttribute("data-router-id", row.id());
        return link;
    }

    /** The router's Services page (the Virtual Interface Factory). */
    static Anchor servicesLink(RouterRow row) {
        Anchor link = new Anchor(DashboardController.servicesPath(row.id()), "Services");
        link.addClassName("router-services-link");
        link.getElement().setAttribute("router-link", true); // navigates inside the page, no reload
        link.getElement().setAttribute("data-router-id", row.id());
        return link;
    }

    /** A measured value: greyed, with a tooltip, when it is only the last known one. */
    private Grid.Column<RouterRow> live(ValueProvider<RouterRow, String> value) {
        var column = grid.addColumn(value);
        column.setPartNameGenerator(row -> row.stale() ? "nnc-stale" : null);
        column.setTooltipGenerator(row -> row.stale() ? row.staleNote() : null);
        return column;
    }

    private static Component status(RouterRow row) {
        Span s = new Span(row.status());
        s.addClassName(row.reachable() ? "status-online" : "status-unreachable");
        Div cell = new Div(s);
        cell.addClassName("router-status");
        if (row.reachable()) cell.add(unknown());
        if (!row.problem().isEmpty()) {
            Div why = new Div(row.problem());
            why.addClassName("router-problem");
            cell.add(why);
        }
        return cell;
    }

    /** Shown instead of "Online" while the page has no connection to the server (style sheet). */
    static Span unknown() {
        Span s = new Span(DashboardController.STATUS_WITHOUT_CONNECTION);
        s.addClassName("status-unknown");
        return s;
    }

    @Override
    public Component component() {
        return grid;
    }

    @Override
    public void show(DashboardController.State state) {
        grid.setItems(state.routers());
    }
}

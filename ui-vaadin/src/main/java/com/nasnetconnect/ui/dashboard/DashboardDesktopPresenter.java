package com.nasnetconnect.ui.dashboard;

import com.nasnetconnect.ui.dashboard.DashboardController.RouterRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;

/** Wide screens: one grid row per router, every status column visible. */
final class DashboardDesktopPresenter implements DashboardPresenter {
    private final Grid<RouterRow> grid = new Grid<>();

    DashboardDesktopPresenter() {
        grid.setId("routers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addColumn(RouterRow::name).setHeader("Router").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(DashboardDesktopPresenter::status).setHeader("Status").setAutoWidth(true);
        grid.addColumn(RouterRow::identity).setHeader("Identity").setAutoWidth(true);
        grid.addColumn(RouterRow::version).setHeader("RouterOS").setAutoWidth(true);
        grid.addColumn(RouterRow::board).setHeader("Board").setAutoWidth(true);
        grid.addColumn(RouterRow::uptime).setHeader("Uptime").setAutoWidth(true).setKey("uptime");
        grid.addColumn(RouterRow::cpuLoad).setHeader("CPU").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(RouterRow::freeMemory).setHeader("Free memory").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
    }

    private static Component status(RouterRow row) {
        Span s = new Span(row.status());
        s.addClassName(row.reachable() ? "status-online" : "status-unreachable");
        if (!row.problem().isEmpty()) s.setTitle(row.problem());
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

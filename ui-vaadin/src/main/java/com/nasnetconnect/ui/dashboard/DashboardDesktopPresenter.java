package com.nasnetconnect.ui.dashboard;

import com.nasnetconnect.ui.dashboard.DashboardController.RouterRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;

/**
 * Wide screens: one grid row per router, every status column visible. The status cell wraps instead of being
 * cut; an unreachable router's reason is under its status, and its last known values are greyed with a tooltip
 * saying from when they are.
 *
 * <p>The linked and the status cells are templates the browser renders from each row's values, not server-side
 * components: the rows change at every poll round (uptime, CPU), and components per cell would be built again for
 * every router each round (about 100 KB of a session's heap per 100 routers every two seconds, most of it outliving
 * a young collection). Lit escapes the values it puts into text and attributes.
 */
final class DashboardDesktopPresenter implements DashboardPresenter {
    private final Grid<RouterRow> grid = new Grid<>();

    DashboardDesktopPresenter() {
        grid.setId("routers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(overviewLink()).setHeader("Router").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(status()).setHeader("Status").setWidth("17em").setFlexGrow(0);
        grid.addColumn(RouterRow::identity).setHeader("Identity").setAutoWidth(true);
        grid.addColumn(RouterRow::version).setHeader("RouterOS").setAutoWidth(true);
        grid.addColumn(RouterRow::board).setHeader("Board").setAutoWidth(true);
        live(RouterRow::uptime).setHeader("Uptime").setAutoWidth(true).setKey("uptime");
        live(RouterRow::cpuLoad).setHeader("CPU").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        live(RouterRow::freeMemory).setHeader("Free memory").setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
        grid.addColumn(servicesLink()).setHeader("").setAutoWidth(true).setFlexGrow(0);
    }

    /** The router's name, linking to its overview (navigates inside the page, no reload). */
    private static LitRenderer<RouterRow> overviewLink() {
        return LitRenderer.<RouterRow>of("<a class=\"router-overview-link\" href=\"${item.href}\" router-link"
                        + " data-router-id=\"${item.rid}\">${item.name}</a>")
                .withProperty("href", row -> DashboardController.overviewPath(row.id()))
                .withProperty("rid", RouterRow::id)
                .withProperty("name", RouterRow::name);
    }

    /** The router's Services page (the Virtual Interface Factory). */
    private static LitRenderer<RouterRow> servicesLink() {
        return LitRenderer.<RouterRow>of("<a class=\"router-services-link\" href=\"${item.href}\" router-link"
                        + " data-router-id=\"${item.rid}\">Services</a>")
                .withProperty("href", row -> DashboardController.servicesPath(row.id()))
                .withProperty("rid", RouterRow::id);
    }

    /**
     * Online or unreachable; a reachable router's cell also holds what it says while the page has lost the server
     * (the style sheet shows one of them), an unreachable one's the reason under it. What a row has not got is an
     * empty element without a class.
     */
    private static LitRenderer<RouterRow> status() {
        return LitRenderer.<RouterRow>of("<div class=\"router-status\"><span class=\"${item.statusClass}\">${item.status}</span>"
                        + "<span class=\"${item.unknownClass}\">${item.unknown}</span>"
                        + "<div class=\"${item.problemClass}\">${item.problem}</div></div>")
                .withProperty("status", RouterRow::status)
                .withProperty("statusClass", row -> row.reachable() ? "status-online" : "status-unreachable")
                .withProperty("unknown", row -> row.reachable() ? DashboardController.STATUS_WITHOUT_CONNECTION : "")
                .withProperty("unknownClass", row -> row.reachable() ? "status-unknown" : "")
                .withProperty("problem", RouterRow::problem)
                .withProperty("problemClass", row -> row.problem().isEmpty() ? "" : "router-problem");
    }

    /** A measured value: greyed, with a tooltip, when it is only the last known one. */
    private Grid.Column<RouterRow> live(ValueProvider<RouterRow, String> value) {
        var column = grid.addColumn(value);
        column.setPartNameGenerator(row -> row.stale() ? "nnc-stale" : null);
        column.setTooltipGenerator(row -> row.stale() ? row.staleNote() : null);
        return column;
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

package com.nasnetconnect.ui.dashboard;

import com.nasnetconnect.ui.HtmlText;
import com.nasnetconnect.ui.dashboard.DashboardController.RouterRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/**
 * Narrow screens: one card per router with the essentials, readable without scrolling sideways.
 *
 * <p>The cards are markup, the list element's {@code innerHTML}, not components: they change at every poll round
 * (uptime, CPU), and a card's twenty components would be built again for every router each round. They only show
 * text and links ({@code router-link}: navigation inside the page); every value is escaped.
 */
final class DashboardMobilePresenter implements DashboardPresenter {
    private final Div cards = new Div();

    DashboardMobilePresenter() {
        cards.setId("routers-cards");
        cards.addClassName("nnc-cards");
    }

    @Override
    public Component component() {
        return cards;
    }

    @Override
    public void show(DashboardController.State state) {
        var html = new StringBuilder(state.routers().size() * 900);
        for (RouterRow row : state.routers()) card(html, row);
        String markup = html.toString();
        if (!markup.equals(cards.getElement().getProperty("innerHTML"))) cards.getElement().setProperty("innerHTML", markup);
    }

    /** What a card shows; what the cards' style sheet rules (README: nnc.css) and the page's tests select. */
    static void card(StringBuilder html, RouterRow row) {
        String id = esc(row.id());
        html.append("<div class=\"router-card\" data-router-id=\"").append(id).append("\"><h3>")
                .append(link(DashboardController.overviewPath(row.id()), "router-overview-link", id)).append(esc(row.name()))
                .append("</a></h3>");
        if (!row.problem().isEmpty()) {
            html.append("<div class=\"nnc-problem\" data-field=\"problem\">").append(esc(row.problem())).append("</div>");
        }
        html.append("<dl><dt>Status</dt><dd data-field=\"status\"><span class=\"")
                .append(row.reachable() ? "status-online" : "status-unreachable").append("\">").append(esc(row.status()))
                .append("</span>");
        if (row.reachable()) {
            html.append("<span class=\"status-unknown\">").append(esc(DashboardController.STATUS_WITHOUT_CONNECTION)).append("</span>");
        }
        html.append("</dd>");
        fact(html, "Identity", "identity", row.identity(), false);
        fact(html, "RouterOS", "version", row.version(), false);
        fact(html, "Board", "board", row.board(), false);
        fact(html, "Uptime", "uptime", row.uptime(), row.stale());
        fact(html, "CPU", "cpu", row.cpuLoad(), row.stale());
        fact(html, "Free memory", "free-memory", row.freeMemory(), row.stale());
        html.append("</dl>");
        if (row.stale()) {
            html.append("<div class=\"nnc-stale-note\" data-field=\"stale-note\">").append(esc(row.staleNote())).append("</div>");
        }
        html.append(link(DashboardController.servicesPath(row.id()), "router-services-link", id)).append("Services</a></div>");
    }

    /** A measured value ({@code stale}) is greyed when it is only the last known one. */
    private static void fact(StringBuilder html, String term, String field, String value, boolean stale) {
        html.append("<dt>").append(term).append("</dt><dd data-field=\"").append(field).append('"')
                .append(stale ? " class=\"nnc-stale\">" : ">").append("<span>").append(esc(value)).append("</span></dd>");
    }

    private static String link(String href, String className, String escapedRouterId) {
        return "<a href=\"" + esc(href) + "\" router-link class=\"" + className + "\" data-router-id=\"" + escapedRouterId + "\">";
    }

    private static String esc(String text) {
        return HtmlText.escape(text);
    }
}

package com.nasnetconnect.ui.dashboard;

import com.nasnetconnect.ui.dashboard.DashboardController.RouterRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;

/** Narrow screens: one card per router with the essentials, readable without scrolling sideways. */
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
        cards.removeAll();
        for (RouterRow row : state.routers()) cards.add(card(row));
    }

    private static Component card(RouterRow row) {
        Div card = new Div();
        card.addClassName("router-card");
        card.getElement().setAttribute("data-router-id", row.id());
        Span status = new Span(row.status());
        status.addClassName(row.reachable() ? "status-online" : "status-unreachable");
        H3 title = new H3(DashboardDesktopPresenter.overviewLink(row));
        DescriptionList facts = new DescriptionList();
        var statusValue = desc(status, "status");
        if (row.reachable()) statusValue.add(DashboardDesktopPresenter.unknown());
        facts.add(term("Status"), statusValue);
        facts.add(term("Identity"), desc(new Span(row.identity()), "identity"));
        facts.add(term("RouterOS"), desc(new Span(row.version()), "version"));
        facts.add(term("Board"), desc(new Span(row.board()), "board"));
        facts.add(term("Uptime"), live(desc(new Span(row.uptime()), "uptime"), row));
        facts.add(term("CPU"), live(desc(new Span(row.cpuLoad()), "cpu"), row));
        facts.add(term("Free memory"), live(desc(new Span(row.freeMemory()), "free-memory"), row));
        card.add(title);
        if (!row.problem().isEmpty()) {
            Div problem = new Div(row.problem());
            problem.addClassName("nnc-problem");
            problem.getElement().setAttribute("data-field", "problem");
            card.add(problem);
        }
        card.add(facts);
        if (row.stale()) {
            Div note = new Div(row.staleNote());
            note.addClassName("nnc-stale-note");
            note.getElement().setAttribute("data-field", "stale-note");
            card.add(note);
        }
        card.add(DashboardDesktopPresenter.servicesLink(row));
        return card;
    }

    /** A measured value: greyed when it is only the last known one. */
    private static DescriptionList.Description live(DescriptionList.Description value, RouterRow row) {
        if (row.stale()) value.addClassName("nnc-stale");
        return value;
    }

    private static DescriptionList.Term term(String text) {
        return new DescriptionList.Term(text);
    }

    private static DescriptionList.Description desc(Component value, String field) {
        var d = new DescriptionList.Description(value);
        d.getElement().setAttribute("data-field", field);
        return d;
    }
}

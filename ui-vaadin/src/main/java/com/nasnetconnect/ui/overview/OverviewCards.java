package com.nasnetconnect.ui.overview;

import com.nasnetconnect.ui.charts.SvgChart;
import com.nasnetconnect.ui.overview.OverviewController.State;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * The overview's cards, kept and updated in place: each section is rebuilt only when its part of the state
 * changed, so a poll round that changes only the uptime sends only the uptime. Both presenters use the same
 * cards; {@code phone} lists interfaces as lines instead of a table and makes every link a 44 px tap target. The
 * lists' rows and the traffic charts are markup ({@link OverviewMarkup}), not components, and fixed words (titles,
 * names of facts) are their element's content: a session keeps one node per list and per word.
 */
final class OverviewCards {
    private final boolean phone;
    final Div header = card("overview-header");
    final Div live = card("overview-live");
    final Div traffic = card("overview-traffic");
    final Div interfaces = card("overview-interfaces");
    final Div counts = card("overview-counts");
    final Div drift = card("overview-drift");
    final Div events = card("overview-events");
    final Div services = card("overview-services");

    private final H2 name = new H2();
    private final Span status = new Span();
    private final Div problem = new Div();
    private final Span identity = value("overview-identity");
    private final Span version = value("overview-version");
    private final Span board = value("overview-board");
    private final Span uptime = value("overview-uptime");
    private final Span cpu = value("overview-cpu");
    private final Span memory = value("overview-memory");
    private final SvgChart cpuChart = new SvgChart();
    private final SvgChart memoryChart = new SvgChart();
    private final Div trafficCharts = new Div();
    private final Div interfaceList = new Div();
    private final Div interfacesNote = new Div();
    private final Div countList = new Div();
    private final Div driftList = new Div();
    private final Div eventList = new Div();
    private final Div serviceList = new Div();
    private final Anchor eventsLink = link("", "All events");
    private final Anchor servicesLink = link("", "Services page");
    private State shown;

    OverviewCards(boolean phone) {
        this.phone = phone;
        name.setId("overview-title");
        status.setId("overview-status");
        problem.setId("overview-problem");
        problem.addClassName("nnc-problem");
        var facts = new DescriptionList();
        facts.addClassName("overview-facts");
        facts.add(label("dt", "Identity"), new DescriptionList.Description(identity));
        facts.add(label("dt", "RouterOS"), new DescriptionList.Description(version));
        facts.add(label("dt", "Board"), new DescriptionList.Description(board));
        facts.add(label("dt", "Uptime"), new DescriptionList.Description(uptime));
        var heading = new Div(name, status);
        heading.addClassName("overview-heading");
        header.add(heading, problem, facts);

        cpuChart.setId("overview-cpu-chart");
        memoryChart.setId("overview-memory-chart");
        Div cpuPart = new Div(metric("CPU", cpu), cpuChart);
        Div memoryPart = new Div(metric("Memory", memory), memoryChart);
        Div parts = new Div(cpuPart, memoryPart);
        parts.addClassName("overview-live-parts");
        live.add(parts);
        trafficCharts.addClassName("overview-traffic-charts");
        traffic.add(label("h3", "Traffic"), trafficCharts);
        interfacesNote.addClassName("nnc-stale-note");
        interfaceList.setId("overview-interface-list");
        countList.setId("overview-count-list");
        driftList.setId("overview-drift-list");
        eventList.setId("overview-event-list");
        serviceList.setId("overview-service-list");
        interfaces.add(label("h3", "Interfaces"), interfacesNote, interfaceList);
        counts.add(label("h3", "Resources"), countList);
        drift.add(label("h3", "Drift"), driftList);
        eventsLink.setId("overview-events-link");
        events.add(label("h3", "Recent events"), eventList, eventsLink);
        servicesLink.setId("overview-services-link");
        services.add(label("h3", "Services"), serviceList, servicesLink);
        if (phone) for (Div c : List.of(header, live, traffic, interfaces, counts, drift, events, services)) c.addClassName("nnc-phone");
    }

    List<Component> all() {
        return List.of(header, live, traffic, interfaces, counts, drift, events, services);
    }

    void show(State s) {
        State was = shown;
        shown = s;
        var h = s.header();
        name.setText(h.name());
        status.setText(h.status());
        status.setClassName(h.reachable() ? "nnc-badge nnc-badge-success" : "nnc-badge nnc-badge-error");
        problem.setText(h.problem());
        problem.setVisible(!h.problem().isEmpty());
        identity.setText(h.identity());
        version.setText(h.version());
        board.setText(h.board());
        uptime.setText(h.uptime());
        boolean stale = s.live().asOf().isPresent();
        uptime.setClassName("nnc-stale", stale);
        cpu.setText(s.live().cpu());
        memory.setText(s.live().memory());
        live.setClassName("nnc-stale-card", stale);
        traffic.setClassName("nnc-stale-card", stale);
        interfaces.setClassName("nnc-stale-card", stale);
        cpuChart.show(s.live().charts().cpu());
        memoryChart.show(s.live().charts().memory());
        if (was == null || !was.live().charts().traffic().equals(s.live().charts().traffic())) traffic(s);
        if (was == null || !was.interfaces().equals(s.interfaces()) || !was.interfacesAsOf().equals(s.interfacesAsOf())) interfaces(s);
        if (was == null || !was.counts().equals(s.counts())) counts(s);
        if (was == null || !was.drift().equals(s.drift())) drift(s);
        if (was == null || !was.events().equals(s.events())) events(s);
        if (was == null || !was.services().equals(s.services())) services(s);
        eventsLink.setHref(s.eventsLink());
        servicesLink.setHref(s.servicesLink());
    }

    private void traffic(State s) {
        var charts = s.live().charts().traffic();
        traffic.setVisible(!charts.isEmpty());
        markup(trafficCharts, OverviewMarkup.traffic(charts));
    }

    private void interfaces(State s) {
        interfacesNote.setText(s.interfacesAsOf().map(a -> "State " + a + ": the router does not answer now.").orElse(""));
        interfacesNote.setVisible(s.interfacesAsOf().isPresent());
        interfaceList.setClassName(s.interfaces().isEmpty() ? "" : phone ? "overview-interface-lines" : "overview-interface-table");
        markup(interfaceList, OverviewMarkup.interfaces(s.interfaces(), phone));
    }

    private void counts(State s) {
        countList.setClassName("overview-count-list", !s.counts().isEmpty());
        markup(countList, OverviewMarkup.counts(s.counts()));
    }

    private void drift(State s) {
        markup(driftList, OverviewMarkup.drift(s.drift()));
    }

    private void events(State s) {
        markup(eventList, OverviewMarkup.events(s.events()));
    }

    private void services(State s) {
        markup(serviceList, OverviewMarkup.services(s.services()));
    }

    /** One list's rows, as the element's content (see {@link OverviewMarkup}). */
    private static void markup(Div list, String html) {
        list.getElement().setProperty("innerHTML", html);
    }

    private static Div card(String id) {
        Div d = new Div();
        d.setId(id);
        d.addClassName("overview-card");
        return d;
    }

    private static Span value(String id) {
        Span s = new Span();
        s.setId(id);
        return s;
    }

    private static Div metric(String label, Span value) {
        Div d = new Div(label("span", label), value);
        d.addClassName("overview-metric");
        return d;
    }

    /**
     * A fixed word in an element of {@code tag}, as one node: the element's content, not a text node of its own
     * (a card's title, a fact's name; ~1 KB of session memory less each).
     */
    private static Html label(String tag, String text) {
        return new Html("<" + tag + ">" + OverviewMarkup.escape(text) + "</" + tag + ">");
    }

    private static Anchor link(String href, String text) {
        Anchor a = new Anchor(href, text);
        a.getElement().setAttribute("router-link", true);
        return a;
    }
}

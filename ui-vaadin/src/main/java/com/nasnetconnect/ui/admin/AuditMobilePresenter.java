package com.nasnetconnect.ui.admin;

import com.nasnetconnect.ui.admin.AuditController.EventRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;

/**
 * Phones: one card per event, what happened and when on the first line, who and from where under it, then
 * the subject and the detail, wrapping instead of scrolling sideways.
 */
final class AuditMobilePresenter implements RowsPresenter<EventRow> {
    private final Div cards = new Div();

    AuditMobilePresenter() {
        cards.setId("audit-cards");
        cards.addClassName("nnc-cards");
    }

    @Override
    public Component component() {
        return cards;
    }

    @Override
    public void show(List<EventRow> rows) {
        cards.removeAll();
        rows.forEach(row -> cards.add(card(row)));
    }

    private static Component card(EventRow row) {
        Div card = new Div();
        card.addClassNames("nnc-card", "audit-card");
        card.getElement().setAttribute("data-event-id", Long.toString(row.id()));
        Span action = new Span(row.action());
        action.addClassName("audit-action");
        Span at = new Span(row.at());
        at.addClassName("nnc-card-facts");
        Div head = new Div(action, at);
        head.addClassName("audit-card-head");
        card.add(head);
        String who = join(row.actor().isEmpty() ? "" : "by " + row.actor(), row.source().isEmpty() ? "" : "from " + row.source());
        if (!who.isEmpty()) card.add(line(who, "nnc-card-facts"));
        if (!row.subject().isEmpty()) card.add(line(row.subject(), "audit-subject"));
        if (!row.detail().isEmpty()) card.add(line(row.detail(), "audit-detail"));
        return card;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + " " + b;
    }

    private static Div line(String text, String className) {
        Div d = new Div(text);
        d.addClassName(className);
        return d;
    }
}

package com.nasnetconnect.ui.events;

import com.nasnetconnect.ui.events.EventsController.EventRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Phones: one card per event, what it concerns and its class on the first line, what happened under it, then
 * when, by whom and the tier in small print; text wraps, the changes button is a 44 px tap target, so nothing
 * scrolls sideways at 390 px.
 */
final class EventsMobilePresenter implements EventsPresenter {
    private final Div cards = new Div();
    private final Consumer<String> onChanges;

    EventsMobilePresenter(Consumer<String> onChanges) {
        this.onChanges = onChanges;
        cards.setId("events-cards");
        cards.addClassName("nnc-cards");
    }

    @Override
    public Component component() {
        return cards;
    }

    @Override
    public void show(EventsController.State state) {
        cards.removeAll();
        state.rows().forEach(r -> cards.add(card(r, state.changes())));
    }

    private Component card(EventRow row, Map<String, List<String>> changes) {
        Div card = new Div();
        card.addClassNames("nnc-card", "event-card");
        card.getElement().setAttribute("data-event-id", row.id());
        card.getElement().setAttribute("data-class", row.classLabel());
        Span subject = new Span(row.subject());
        subject.addClassName("event-subject");
        Div head = new Div(subject, EventParts.classBadge(row));
        head.addClassName("event-card-head");
        Div action = new Div(row.action());
        action.addClassName("event-action");
        Div facts = new Div(new Span(row.at() + " · by " + row.actor() + " · "), EventParts.tier(row));
        facts.addClassName("nnc-card-facts");
        card.add(head, action, facts);
        if (row.changes()) {
            boolean open = changes.containsKey(row.id());
            card.add(EventParts.changesButton(row, open, true, onChanges));
            if (open) card.add(EventParts.changes(changes.get(row.id())));
        }
        return card;
    }
}

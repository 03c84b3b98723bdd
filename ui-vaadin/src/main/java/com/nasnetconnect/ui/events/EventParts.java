package com.nasnetconnect.ui.events;

import com.nasnetconnect.ui.events.EventsController.EventRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.function.Consumer;

/** Pieces both presenters use: the class badge, the tier note, the changes button and list. */
final class EventParts {
    private EventParts() {
    }

    /** "critical" in red, "normal" neutral, "low" faint. */
    static Span classBadge(EventRow row) {
        Span badge = new Span(row.classLabel());
        badge.addClassNames("nnc-badge", "event-class", "event-class-" + row.classLabel(), switch (row.eventClass()) {
            case CRITICAL -> "nnc-badge-error";
            case NORMAL -> "nnc-badge-progress";
            case LOW -> "nnc-badge-contrast";
        });
        return badge;
    }

    /** Where the event was read from, discreetly: "hot", "warm", "cold". */
    static Span tier(EventRow row) {
        Span tier = new Span(row.tier());
        tier.addClassName("event-tier");
        tier.getElement().setAttribute("title", switch (row.tier()) {
            case "hot" -> "Read from memory (recent events)";
            case "warm" -> "Read from the router database";
            default -> "Read from the archive";
        });
        return tier;
    }

    static Button changesButton(EventRow row, boolean open, boolean phone, Consumer<String> onChanges) {
        Button b = new Button(open ? "Hide changes" : "Show changes", e -> onChanges.accept(row.id()));
        b.addClassName("event-changes-button");
        if (phone) b.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_LARGE);
        else b.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return b;
    }

    static Component changes(List<String> lines) {
        UnorderedList list = new UnorderedList();
        list.addClassName("event-changes");
        lines.forEach(l -> list.add(new ListItem(l)));
        return list;
    }
}

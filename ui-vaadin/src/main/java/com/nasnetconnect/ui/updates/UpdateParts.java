package com.nasnetconnect.ui.updates;

import com.nasnetconnect.ui.updates.UpdatesController.Fact;
import com.nasnetconnect.ui.updates.UpdatesController.HistoryRow;
import com.nasnetconnect.ui.updates.UpdatesController.State;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;

/** The pieces both layouts of the Updates page share: the status card with its actions, the schedule card, badges. */
final class UpdateParts {
    /** What the buttons ask for; the view decides whether to confirm first. */
    interface Actions {
        void check();

        void apply();
    }

    private UpdateParts() {
    }

    /** The running version, the state, what is available and why it is or is not applied, the last problem, actions. */
    static Div statusCard(State s, Actions actions, boolean phone) {
        Div card = card("updates-status");
        Span running = new Span("Running " + s.currentVersion());
        running.setId("updates-current");
        running.addClassName("updates-current");
        Span state = badge(s.stateLabel(), badgeKind(s.stateKey()));
        state.setId("updates-state");
        state.getElement().setAttribute("data-state", s.stateKey());
        Div head = new Div(running, state);
        head.addClassName("updates-head");
        card.add(head);
        s.available().ifPresent(a -> {
            Div available = new Div(new Span(a.version() + " is available"), badge(a.severity(), "contrast"));
            available.setId("updates-available");
            available.addClassName("updates-head");
            card.add(available);
        });
        if (!s.decision().isBlank()) {
            Paragraph decision = new Paragraph(s.decision());
            decision.setId("updates-decision");
            decision.addClassName("updates-decision");
            card.add(decision);
        }
        s.available().filter(a -> !a.notes().isBlank()).ifPresent(a -> {
            Div text = new Div(a.notes());
            text.addClassName("updates-notes-text");
            Details notes = new Details("Release notes of " + a.version(), text);
            notes.setId("updates-notes");
            notes.setOpened(!phone);
            card.add(notes);
        });
        s.problem().ifPresent(p -> {
            Div problem = new Div("Last problem: " + p);
            problem.setId("updates-problem");
            problem.addClassNames("nnc-notice", "nnc-notice-error");
            card.add(problem);
        });
        Div buttons = new Div();
        buttons.addClassName("updates-actions");
        if (s.canCheck()) {
            Button check = new Button("Check now", e -> actions.check());
            check.setId("updates-check");
            if (phone) check.addThemeVariants(ButtonVariant.LUMO_LARGE);
            buttons.add(check);
        }
        if (s.canApply()) {
            s.available().ifPresent(a -> {
                Button apply = new Button(a.applyLabel(), e -> actions.apply());
                apply.setId("updates-apply");
                apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                if (phone) apply.addThemeVariants(ButtonVariant.LUMO_LARGE);
                buttons.add(apply);
            });
        }
        if (buttons.getComponentCount() > 0) card.add(buttons);
        return card;
    }

    /** Policy, interval, quiet hours, metered uplinks, rollout group; the last and next check. */
    static Div scheduleCard(State s) {
        Div card = card("updates-schedule");
        card.add(new H3("Schedule"));
        card.add(fact(new Fact("Last check", s.lastCheck())), fact(new Fact("Next check", s.nextCheck())));
        s.schedule().forEach(f -> card.add(fact(f)));
        return card;
    }

    static Div historyCard(HistoryRow r) {
        Div card = new Div();
        card.addClassNames("nnc-card", "updates-history-card");
        Span what = new Span(r.what() + (r.version().isEmpty() ? "" : " " + r.version()));
        what.addClassName("updates-history-what");
        Div head = new Div(what, result(r));
        head.addClassName("updates-head");
        Span at = new Span(r.at());
        at.addClassName("nnc-card-facts");
        card.add(head, at);
        if (!r.detail().isEmpty()) {
            Div detail = new Div(r.detail());
            detail.addClassName("updates-history-detail");
            card.add(detail);
        }
        return card;
    }

    static Span result(HistoryRow r) {
        return badge(r.ok() ? "ok" : "failed", r.ok() ? "success" : "error");
    }

    static Paragraph noHistory() {
        Paragraph none = new Paragraph("No checks or updates yet.");
        none.setId("updates-no-history");
        return none;
    }

    static H3 section(String title) {
        H3 h = new H3(title);
        h.addClassName("updates-section");
        return h;
    }

    private static Div fact(Fact f) {
        Span label = new Span(f.label());
        label.addClassName("updates-fact-label");
        Span value = new Span(f.value());
        value.addClassName("updates-fact-value");
        Div line = new Div(label, value);
        line.addClassName("updates-fact");
        return line;
    }

    private static Div card(String id) {
        Div card = new Div();
        card.setId(id);
        card.addClassNames("nnc-card", "updates-card");
        return card;
    }

    private static String badgeKind(String state) {
        return switch (state) {
            case "UP_TO_DATE" -> "success";
            case "FAILED", "ROLLED_BACK" -> "error";
            case "AVAILABLE", "DOWNLOADING", "STAGED", "AWAITING_APPROVAL", "AWAITING_REVIEW" -> "progress";
            default -> "contrast";
        };
    }

    private static Span badge(String text, String kind) {
        Span badge = new Span(text);
        badge.addClassNames("nnc-badge", "nnc-badge-" + kind);
        return badge;
    }
}

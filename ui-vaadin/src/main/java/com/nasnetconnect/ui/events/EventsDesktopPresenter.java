package com.nasnetconnect.ui.events;

import com.nasnetconnect.ui.events.EventsController.EventRow;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Wide screens: one table row per event (when, class, what it concerns, what happened, by whom, the tier in small
 * print), a resource change's old and new values opening under its row.
 */
final class EventsDesktopPresenter implements EventsPresenter {
    private final Grid<EventRow> grid = new Grid<>();
    private Map<String, List<String>> changes = Map.of();

    EventsDesktopPresenter(Consumer<String> onChanges) {
        grid.setId("events-grid");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setWidthFull();
        grid.addColumn(EventRow::at).setHeader("When").setKey("at").setWidth("12.5em").setFlexGrow(0);
        grid.addComponentColumn(EventParts::classBadge).setHeader("Class").setKey("class").setWidth("7em").setFlexGrow(0);
        grid.addColumn(EventRow::subject).setHeader("Object").setKey("subject").setFlexGrow(2);
        grid.addComponentColumn(r -> {
            Div what = new Div(new Span(r.action()));
            if (r.changes()) what.add(new Span(" "), EventParts.changesButton(r, changes.containsKey(r.id()), false, onChanges));
            return what;
        }).setHeader("What happened").setKey("action").setFlexGrow(3);
        grid.addColumn(EventRow::actor).setHeader("By").setKey("actor").setWidth("9em").setFlexGrow(1);
        grid.addComponentColumn(EventParts::tier).setHeader("Tier").setKey("tier").setWidth("5em").setFlexGrow(0);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(r -> EventParts.changes(changes.getOrDefault(r.id(), List.of()))));
        grid.setDetailsVisibleOnClick(false);
        grid.setPartNameGenerator(r -> "event-" + r.classLabel());
    }

    @Override
    public Component component() {
        return grid;
    }

    @Override
    public void show(EventsController.State state) {
        changes = state.changes();
        grid.setItems(state.rows());
        state.rows().forEach(r -> grid.setDetailsVisible(r, changes.containsKey(r.id())));
    }
}

package com.nasnetconnect.ui.events;

import com.nasnetconnect.domain.events.EventClass;
import com.nasnetconnect.ui.RouterRoutes;
import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.ViewportLayout;
import com.nasnetconnect.ui.events.EventsController.Window;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.Objects;
import java.util.Optional;

/**
 * A router's events page: its event log across the tiers, newest first, a page at a time, with class, type and
 * time filters; live: new events appear at the top of the newest page, or are counted ("3 new events") on older
 * pages. Lays out and binds only: {@link EventsController} decides; a table on wide screens, cards on phones.
 */
@Route(RouterRoutes.EVENTS_TEMPLATE)
@PageTitle("Events · NasNetConnect")
@StyleSheet("styles/events.css")
public class EventsView extends VerticalLayout implements BeforeEnterObserver {
    /** Events per page. */
    public static final int PAGE_SIZE = 50;
    private final EventsController controller;
    private final H2 title = new H2("Events");
    private final NoticeBanner notice = new NoticeBanner("events-notice");
    private final CheckboxGroup<EventClass> classes = new CheckboxGroup<>("Class");
    private final MultiSelectComboBox<String> types = new MultiSelectComboBox<>("Type");
    private final Select<Window> window = new Select<>();
    private final DateTimePicker from = new DateTimePicker("From");
    private final DateTimePicker to = new DateTimePicker("To");
    private final Button newEvents = new Button();
    private final Paragraph none = new Paragraph("No events match.");
    private final Button newest = new Button("Newest");
    private final Button newer = new Button("Newer");
    private final Span page = new Span();
    private final Button older = new Button("Older");
    private final Div pager;
    private EventsPresenter presenter;

    public EventsView(EventsController controller) {
        this.controller = controller;
        setWidthFull();
        addClassName("nnc-events");
        title.setId("events-title");

        classes.setId("events-class");
        classes.setItems(EventClass.values());
        classes.setItemLabelGenerator(c -> switch (c) {
            case CRITICAL -> "Critical";
            case NORMAL -> "Normal";
            case LOW -> "Low";
        });
        classes.addValueChangeListener(e -> {
            if (!e.getValue().equals(controller.state().filter().classes())) controller.classes(e.getValue());
        });
        types.setId("events-type");
        types.setPlaceholder("All types");
        types.setClearButtonVisible(true);
        types.addValueChangeListener(e -> {
            if (!e.getValue().equals(controller.state().filter().types())) controller.types(e.getValue());
        });
        window.setId("events-window");
        window.setLabel("Time");
        window.setItems(Window.values());
        window.setItemLabelGenerator(Window::label);
        window.addValueChangeListener(e -> {
            if (e.getValue() != null && e.getValue() != controller.state().filter().window()) controller.window(e.getValue());
        });
        from.setId("events-from");
        to.setId("events-to");
        from.addValueChangeListener(e -> rangeChanged());
        to.addValueChangeListener(e -> rangeChanged());
        Div filters = new Div(classes, types, window, from, to);
        filters.setId("events-filters");
        filters.addClassName("events-filters");

        newEvents.setId("events-new");
        newEvents.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newEvents.addClickListener(e -> controller.newest());
        none.setId("events-none");

        newest.setId("events-newest");
        newer.setId("events-newer");
        older.setId("events-older");
        page.setId("events-page");
        newest.addClickListener(e -> controller.newest());
        newer.addClickListener(e -> controller.newer());
        older.addClickListener(e -> controller.older());
        pager = new Div(newest, newer, page, older);
        pager.addClassName("events-pager");

        presenter = new EventsDesktopPresenter(controller::changes);
        add(title, notice, filters, newEvents, none, presenter.component(), pager);

        ViewportLayout layout = new ViewportLayout(0);
        ViewBinding.followViewport(this, layout::resized);
        ViewBinding.follow(this, layout, this::arrange);
        ViewBinding.follow(this, controller, this::render);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        controller.open(event.getRouteParameters().get(RouterRoutes.ROUTER_ID).orElse(""));
    }

    /** The user changed a bound of the custom range (a change the page made itself is no change). */
    private void rangeChanged() {
        var f = controller.state().filter();
        var zone = controller.zone();
        var shownFrom = f.from().map(i -> i.atZone(zone).toLocalDateTime()).orElse(null);
        var shownTo = f.to().map(i -> i.atZone(zone).toLocalDateTime()).orElse(null);
        if (Objects.equals(from.getValue(), shownFrom) && Objects.equals(to.getValue(), shownTo)) return;
        controller.range(Optional.ofNullable(from.getValue()), Optional.ofNullable(to.getValue()));
    }

    /** Swaps table and cards when the window crosses the phone width. */
    private void arrange(ViewportLayout.Layout wanted) {
        boolean phone = wanted == ViewportLayout.Layout.PHONE;
        setClassName("nnc-phone", phone);
        EventsPresenter next = phone
                ? (presenter instanceof EventsMobilePresenter ? presenter : new EventsMobilePresenter(controller::changes))
                : (presenter instanceof EventsDesktopPresenter ? presenter : new EventsDesktopPresenter(controller::changes));
        if (next != presenter) {
            replace(presenter.component(), next.component());
            presenter = next;
            render(controller.state());
        }
    }

    private void render(EventsController.State state) {
        title.setText(state.routerName().isEmpty() ? "Events" : "Events · " + state.routerName());
        notice.show(state.notice());
        boolean open = state.router().isPresent();
        var f = state.filter();
        if (!classes.getValue().equals(f.classes())) classes.setValue(f.classes());
        if (!types.getListDataView().getItems().toList().equals(state.typeChoices())) types.setItems(state.typeChoices());
        if (!types.getValue().equals(f.types())) types.setValue(f.types());
        if (window.getValue() != f.window()) window.setValue(f.window());
        boolean custom = f.window() == Window.CUSTOM;
        from.setVisible(custom);
        to.setVisible(custom);
        var zone = controller.zone();
        var fromValue = f.from().map(i -> i.atZone(zone).toLocalDateTime()).orElse(null);
        var toValue = f.to().map(i -> i.atZone(zone).toLocalDateTime()).orElse(null);
        if (!Objects.equals(from.getValue(), fromValue)) from.setValue(fromValue);
        if (!Objects.equals(to.getValue(), toValue)) to.setValue(toValue);
        newEvents.setText(state.newEvents() == 1 ? "1 new event" : state.newEvents() + " new events");
        newEvents.setVisible(state.newEvents() > 0);
        none.setVisible(open && state.rows().isEmpty());
        presenter.component().setVisible(open && !state.rows().isEmpty());
        presenter.show(state);
        pager.setVisible(open && (state.hasNewer() || state.hasOlder()));
        page.setText("Page " + state.page());
        newest.setEnabled(state.hasNewer());
        newer.setEnabled(state.hasNewer());
        older.setEnabled(state.hasOlder());
    }
}

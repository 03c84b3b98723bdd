package com.nasnetconnect.ui.admin;

import com.nasnetconnect.ui.Publisher;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.ui.UiContext;
import com.nasnetconnect.ui.admin.AuditController.EventRow;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.shell.MainLayout;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;

/** The audit trail, newest first, a page at a time. Lays out and binds only; {@link AuditController} decides. */
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit trail · NasNetConnect")
public class AuditView extends VerticalLayout {
    static final int PAGE_SIZE = 50;
    private final NoticeBanner notice = new NoticeBanner("audit-notice");
    private final Grid<EventRow> grid = new Grid<>();
    private final Span page = new Span();
    private final Button newer = new Button("Newer", e -> this.controller.newer());
    private final Button older = new Button("Older", e -> this.controller.older());
    private final HorizontalLayout pager;
    private AuditController controller;
    private Publisher.Subscription subscription;

    public AuditView() {
        setWidthFull();
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(EventRow::at).setHeader("When").setAutoWidth(true);
        grid.addColumn(EventRow::action).setHeader("Event").setAutoWidth(true);
        grid.addColumn(EventRow::actor).setHeader("By").setAutoWidth(true);
        grid.addColumn(EventRow::subject).setHeader("Subject").setAutoWidth(true);
        grid.addColumn(EventRow::source).setHeader("From").setAutoWidth(true);
        grid.addColumn(EventRow::detail).setHeader("Detail").setAutoWidth(true).setFlexGrow(1);
        newer.setId("audit-newer");
        older.setId("audit-older");
        page.setId("audit-page");
        Button refresh = new Button("Newest", e -> controller.refresh());
        refresh.setId("audit-refresh");
        pager = new HorizontalLayout(refresh, newer, page, older);
        pager.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Audit trail"), notice, pager, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Principal who = Authentication.current().orElseThrow(() -> new IllegalStateException("not signed in"));
        controller = new AuditController(UiContext.current().audit(), who, ZoneId.systemDefault(), PAGE_SIZE);
        subscription = controller.subscribe(this::render);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) subscription.close();
        subscription = null;
        controller = null;
    }

    private void render(AuditController.State state) {
        notice.show(state.notice());
        pager.setVisible(state.canRead());
        grid.setVisible(state.canRead());
        grid.setItems(state.events());
        page.setText("Page " + state.page());
        newer.setEnabled(state.hasNewer());
        older.setEnabled(state.hasOlder());
    }
}

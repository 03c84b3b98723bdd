package com.nasnetconnect.ui.admin;

import com.nasnetconnect.ui.Publisher;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.ui.UiContext;
import com.nasnetconnect.ui.ViewportLayout;
import com.nasnetconnect.ui.admin.AuditController.EventRow;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.shell.MainLayout;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import java.time.ZoneId;

/**
 * The audit trail, newest first, a page at a time. Lays out and binds only; {@link AuditController} decides. A
 * table on wide screens, cards on phones ({@link ViewportLayout}), swapped live on resize.
 */
@Route(value = "admin/audit", layout = MainLayout.class)
@PageTitle("Audit trail · NasNetConnect")
public class AuditView extends VerticalLayout {
    static final int PAGE_SIZE = 50;
    private final NoticeBanner notice = new NoticeBanner("audit-notice");
    private RowsPresenter<EventRow> presenter = new AuditDesktopPresenter();
    private final Span page = new Span();
    private final Button newer = new Button("Newer", e -> this.controller.newer());
    private final Button older = new Button("Older", e -> this.controller.older());
    private final HorizontalLayout pager;
    private AuditController controller;
    private ViewportLayout layout;
    private Publisher.Subscription subscription;
    private Publisher.Subscription layoutSubscription;
    private Registration resize;

    public AuditView() {
        setWidthFull();
        newer.setId("audit-newer");
        older.setId("audit-older");
        page.setId("audit-page");
        Button refresh = new Button("Newest", e -> controller.refresh());
        refresh.setId("audit-refresh");
        pager = new HorizontalLayout(refresh, newer, page, older);
        pager.setAlignItems(FlexComponent.Alignment.BASELINE);
        pager.setWrap(true);
        add(new H2("Audit trail"), notice, pager, presenter.component());
    }

    @Override
    protected void onAttach(AttachEvent event) {
        Principal who = Authentication.current().orElseThrow(() -> new IllegalStateException("not signed in"));
        controller = new AuditController(UiContext.current().audit(), who, ZoneId.systemDefault(), PAGE_SIZE);
        UI ui = event.getUI();
        layout = new ViewportLayout(0);
        ui.getPage().retrieveExtendedClientDetails(details -> layout.resized(details.getWindowInnerWidth()));
        resize = ui.getPage().addBrowserWindowResizeListener(e -> layout.resized(e.getWidth()));
        subscription = controller.subscribe(this::render);
        layoutSubscription = layout.subscribe(this::arrange);
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (resize != null) resize.remove();
        if (layoutSubscription != null) layoutSubscription.close();
        if (subscription != null) subscription.close();
        resize = null;
        layoutSubscription = null;
        subscription = null;
        controller = null;
    }

    /** Swaps table and cards when the window crosses the phone width. */
    private void arrange(ViewportLayout.Layout wanted) {
        RowsPresenter<EventRow> next = wanted == ViewportLayout.Layout.PHONE
                ? (presenter instanceof AuditMobilePresenter ? presenter : new AuditMobilePresenter())
                : (presenter instanceof AuditDesktopPresenter ? presenter : new AuditDesktopPresenter());
        if (next != presenter) {
            replace(presenter.component(), next.component());
            presenter = next;
            render(controller.state());
        }
    }

    private void render(AuditController.State state) {
        notice.show(state.notice());
        pager.setVisible(state.canRead());
        presenter.component().setVisible(state.canRead());
        presenter.show(state.events());
        page.setText("Page " + state.page());
        newer.setEnabled(state.hasNewer());
        older.setEnabled(state.hasOlder());
    }
}

package com.nasnetconnect.ui.admin;

import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.ViewportLayout;
import com.nasnetconnect.ui.admin.AuditController.EventRow;
import com.nasnetconnect.ui.shell.MenuRole;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * The audit trail, newest first, a page at a time. Lays out and binds only; {@link AuditController} decides. A
 * table on wide screens, cards on phones ({@link ViewportLayout}), swapped live on resize.
 */
@Route("admin/audit")
@Menu(title = "Audit trail", order = 5)
@MenuRole(Role.ADMIN)
@PageTitle("Audit trail · NasNetConnect")
public class AuditView extends VerticalLayout {
    /** Events per page. */
    public static final int PAGE_SIZE = 50;
    private final NoticeBanner notice = new NoticeBanner("audit-notice");
    private RowsPresenter<EventRow> presenter = new AuditDesktopPresenter();
    private final Span page = new Span();
    private final Button newer = new Button("Newer");
    private final Button older = new Button("Older");
    private final HorizontalLayout pager;
    private final AuditController controller;

    public AuditView(AuditController controller) {
        this.controller = controller;
        setWidthFull();
        newer.addClickListener(e -> controller.newer());
        older.addClickListener(e -> controller.older());
        newer.setId("audit-newer");
        older.setId("audit-older");
        page.setId("audit-page");
        Button refresh = new Button("Newest", e -> controller.refresh());
        refresh.setId("audit-refresh");
        pager = new HorizontalLayout(refresh, newer, page, older);
        pager.setAlignItems(FlexComponent.Alignment.BASELINE);
        pager.setWrap(true);
        add(new H2("Audit trail"), notice, pager, presenter.component());

        ViewportLayout layout = new ViewportLayout(0);
        ViewBinding.followViewport(this, layout::resized);
        ViewBinding.follow(this, controller, this::render);
        ViewBinding.follow(this, layout, this::arrange);
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

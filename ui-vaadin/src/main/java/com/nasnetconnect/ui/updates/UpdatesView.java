package com.nasnetconnect.ui.updates;

import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.ViewportLayout;
import com.nasnetconnect.ui.shell.Confirm;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

/**
 * The Updates page: the running version, what is available and why it is or is not applied by itself, the schedule,
 * the history of checks and applies, the last problem; "Check now" and "Apply". Everyone signed in reads it. Lays
 * out and binds only: {@link UpdatesController} decides; a breaking release's notes are shown in a confirmation
 * before it is applied. Status and schedule side by side and a history table on wide screens, one column of cards
 * on phones.
 */
@Route("updates")
@Menu(title = "Updates", order = 6)
@PageTitle("Updates · NasNetConnect")
public class UpdatesView extends VerticalLayout {
    private final UpdatesController controller;
    private final NoticeBanner notice = new NoticeBanner("updates-notice");
    private final UpdateParts.Actions actions;
    private UpdatesPresenter presenter;

    public UpdatesView(UpdatesController controller) {
        this.controller = controller;
        setWidthFull();
        addClassName("nnc-updates");
        actions = new UpdateParts.Actions() {
            public void check() {
                controller.checkNow();
            }

            public void apply() {
                askApply();
            }
        };
        presenter = new UpdatesDesktopPresenter(actions);
        H2 title = new H2("Updates");
        title.setId("updates-title");
        add(title, notice, presenter.component());

        ViewportLayout layout = new ViewportLayout(0);
        ViewBinding.followViewport(this, layout::resized);
        ViewBinding.follow(this, layout, this::arrange);
        ViewBinding.follow(this, controller, this::render);
    }

    /** Swaps the presenter when the window crosses the phone width. */
    private void arrange(ViewportLayout.Layout wanted) {
        boolean phone = wanted == ViewportLayout.Layout.PHONE;
        setClassName("nnc-phone", phone);
        UpdatesPresenter next = phone
                ? (presenter instanceof UpdatesMobilePresenter ? presenter : new UpdatesMobilePresenter(actions))
                : (presenter instanceof UpdatesDesktopPresenter ? presenter : new UpdatesDesktopPresenter(actions));
        if (next != presenter) {
            replace(presenter.component(), next.component());
            presenter = next;
            render(controller.state());
        }
    }

    private void render(UpdatesController.State state) {
        notice.show(state.notice());
        presenter.show(state);
    }

    private void askApply() {
        controller.confirmationBeforeApply().ifPresentOrElse(c -> {
            Div notes = new Div(c.notes());
            notes.setId("updates-confirm-notes");
            notes.addClassName("updates-notes-text");
            Confirm.ask(c.header(), notes, c.confirmLabel(), controller::apply);
        }, controller::apply);
    }
}

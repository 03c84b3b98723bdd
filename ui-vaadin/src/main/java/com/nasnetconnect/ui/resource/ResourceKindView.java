package com.nasnetconnect.ui.resource;

import com.nasnetconnect.domain.state.ResourceId;
import com.nasnetconnect.domain.state.ResourceLabels;
import com.nasnetconnect.ui.RouterRoutes;
import com.nasnetconnect.ui.ViewBinding;
import com.nasnetconnect.ui.ViewportLayout;
import com.nasnetconnect.ui.drawer.ResourceDrawer;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.Optional;

/**
 * One page per resource kind at {@code /routers/{id}/{kind}} ({@link RouterRoutes#KIND_TEMPLATE}): the router's
 * resources of that kind (a grid on wide screens, cards on phones; live), "Add" and "Edit" with the form the
 * schema builds ({@link ResourceForm}), "Delete" after the impact is shown (cascade asked as its own button), and
 * the resource drawer beside the list (full screen on a phone) when a row is clicked. An unknown kind is a plain
 * "No such page". Lays out and binds only: {@link ResourceKindController} decides. The static routes
 * ({@code routers/add}, {@code …/services}, {@code …/events}) win over this template.
 */
@Route(RouterRoutes.KIND_TEMPLATE)
public class ResourceKindView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {
    private final ResourceKindController controller;
    private final ResourceDrawer drawer;
    private final H2 title = new H2();
    private final Paragraph missing = new Paragraph();
    private final NoticeBanner notice = new NoticeBanner("resource-notice");
    private final Button add = new Button("Add");
    private final Button checkDrift = new Button("Check now");
    private final Div body = new Div();
    private final Div drawerPlace = new Div();
    private final ResourcePresenter.Actions actions;
    private ResourcePresenter presenter;
    private ResourceForm form;
    private ConfirmDialog confirm;
    private boolean phone;

    public ResourceKindView(ResourceKindController controller, ResourceDrawer drawer) {
        this.controller = controller;
        this.drawer = drawer;
        setWidthFull();
        addClassName("nnc-resource-page");
        title.setId("resource-title");
        missing.setId("resource-missing");
        add.setId("resource-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setMinHeight("44px");
        add.addClickListener(e -> controller.startCreate());
        checkDrift.setId("resource-check-drift");
        checkDrift.setMinHeight("44px");
        checkDrift.addClickListener(e -> controller.checkDrift());
        actions = new ResourcePresenter.Actions(this::openDrawer, controller::startEdit, controller::askDelete);
        presenter = new ResourceDesktopPresenter(actions);

        Button closeDrawer = new Button("Close", e -> closeDrawer());
        closeDrawer.setId("resource-drawer-close");
        closeDrawer.setMinHeight("44px");
        drawerPlace.setId("resource-drawer-place");
        drawerPlace.add(closeDrawer, drawer);
        drawerPlace.setVisible(false);
        body.setWidthFull();
        body.getStyle().set("display", "flex").set("gap", "var(--lumo-space-m)").set("align-items", "flex-start");
        Div list = new Div(presenter.component());
        list.setId("resource-list");
        list.getStyle().set("flex", "1 1 0").set("min-width", "0");
        body.add(list, drawerPlace);
        var actionsBar = new com.vaadin.flow.component.orderedlayout.HorizontalLayout(add, checkDrift);
        actionsBar.setWrap(true);
        add(title, missing, notice, actionsBar, body);

        ViewportLayout layout = new ViewportLayout(0);
        ViewBinding.followViewport(this, layout::resized);
        ViewBinding.follow(this, layout, this::arrange);
        ViewBinding.follow(this, controller, this::render);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        closeDrawer();
        controller.open(event.getRouteParameters().get(RouterRoutes.ROUTER_ID).orElse(""),
                event.getRouteParameters().get(RouterRoutes.KIND).orElse(""));
    }

    @Override
    public String getPageTitle() {
        var s = controller.state();
        return (s.notFound().isPresent() ? "Not found" : s.heading() + " · " + s.routerName()) + " · NasNetConnect";
    }

    /** Swaps the list's presenter when the window crosses the phone width; the drawer goes full screen on a phone. */
    private void arrange(ViewportLayout.Layout wanted) {
        phone = wanted == ViewportLayout.Layout.PHONE;
        ResourcePresenter next = phone
                ? (presenter instanceof ResourceMobilePresenter ? presenter : new ResourceMobilePresenter(actions))
                : (presenter instanceof ResourceDesktopPresenter ? presenter : new ResourceDesktopPresenter(actions));
        setClassName("nnc-phone", phone);
        if (phone) {
            drawerPlace.getStyle().set("position", "fixed").set("inset", "0").set("z-index", "100").set("overflow", "auto")
                    .set("background", "var(--lumo-base-color)").set("padding", "var(--lumo-space-m)").remove("width");
        } else {
            drawerPlace.getStyle().remove("position").remove("inset").remove("z-index").set("overflow", "auto")
                    .set("width", "min(420px, 40%)").set("flex", "0 0 auto").set("padding", "0");
        }
        if (next != presenter) {
            presenter.component().getParent().ifPresent(p -> ((Div) p).replace(presenter.component(), next.component()));
            presenter = next;
            render(controller.state());
        }
    }

    private void render(ResourceKindController.State state) {
        boolean found = state.notFound().isEmpty();
        missing.setVisible(!found);
        missing.setText(state.notFound().orElse(""));
        title.setVisible(found);
        title.setText(state.heading() + (state.routerName().isEmpty() ? "" : " · " + state.routerName()));
        add.setVisible(found && state.canChange());
        checkDrift.setVisible(found && state.canChange());
        add.setText(state.kind().map(k -> "Add " + ResourceLabels.kind(k)).orElse("Add"));
        body.setVisible(found);
        notice.show(state.notice());
        presenter.show(state);
        renderForm(state);
        renderDelete(state);
    }

    private void renderForm(ResourceKindController.State state) {
        if (state.editor().isEmpty()) {
            if (form != null) form.close();
            form = null;
            return;
        }
        var editor = state.editor().get();
        if (form == null) {
            Optional<java.util.function.Function<String, Optional<String>>> reveal = state.canReveal() && editor.uuid().isPresent()
                    ? Optional.of(field -> controller.reveal(field, "shown on the resource page")) : Optional.empty();
            form = new ResourceForm(editor.heading(), editor.mode() == ResourceKindController.Mode.EDIT, controller.form(), editor.values(), phone, controller::choices,
                    controller::fieldProblem, controller::save, controller::cancelEdit, reveal);
            form.addOpenedChangeListener(e -> {
                if (!e.isOpened() && controller.state().editor().isPresent() && e.isFromClient()) controller.cancelEdit();
            });
            form.open();
        }
        form.markRefused(editor.fieldErrors());
    }

    private void renderDelete(ResourceKindController.State state) {
        if (state.deleting().isEmpty()) {
            if (confirm != null) confirm.close();
            confirm = null;
            return;
        }
        if (confirm != null) return;
        var prompt = state.deleting().get();
        confirm = new ConfirmDialog();
        confirm.setId("delete-dialog");
        confirm.setHeader("Delete " + prompt.title() + "?");
        Paragraph impact = new Paragraph(prompt.message());
        impact.setId("delete-impact");
        confirm.setText(impact);
        confirm.setCancelable(true);
        confirm.setConfirmText(prompt.needsCascade() ? prompt.cascadeLabel() : "Delete");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> controller.confirmDelete(prompt.needsCascade()));
        confirm.addCancelListener(e -> controller.cancelDelete());
        confirm.setCloseOnEsc(false);
        confirm.open();
    }

    private void openDrawer(String uuid) {
        drawerPlace.setVisible(true);
        drawer.open(ResourceId.parse(uuid));
    }

    private void closeDrawer() {
        drawerPlace.setVisible(false);
        drawer.close();
    }
}

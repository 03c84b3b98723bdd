package com.nasnetconnect.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * The one place where a view meets its controller's life cycle, so no view repeats it:
 * <ul>
 *   <li>{@link #follow}: while the view is attached, its presenter gets every state of the controller — the
 *   current one on attach, then each change; on detach the subscription ends (a controller that follows a live
 *   source stops following it when nobody watches). A state made in this UI's own request (a click) is rendered at
 *   once; one made on another thread (a router's status, a change committed by another client) goes through
 *   {@code ui.access}, i.e. under the session lock, pushed to the browser.</li>
 *   <li>{@link #followViewport}: while attached, the browser window's inner width (on attach and on every resize)
 *   goes to a width intent such as {@link ViewportLayout#resized}.</li>
 * </ul>
 * Both may be called in a view's constructor; they act on every attach, so a view that is detached and attached
 * again (navigation back, {@code @PreserveOnRefresh}) follows again.
 */
public final class ViewBinding {
    private ViewBinding() {
    }

    /** Renders every state of {@code controller} in {@code view} while it is attached. */
    public static <S> void follow(Component view, HeadlessController<S> controller, Consumer<? super S> render) {
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(render, "render");
        whileAttached(view, ui -> controller.subscribe(state -> deliver(ui, () -> render.accept(state)))::close);
    }

    /** Hands the window's inner width (CSS pixels) to {@code resized} on attach and on every resize. */
    public static void followViewport(Component view, IntConsumer resized) {
        Objects.requireNonNull(resized, "resized");
        whileAttached(view, ui -> {
            ui.getPage().retrieveExtendedClientDetails(details -> resized.accept(details.getWindowInnerWidth()));
            return ui.getPage().addBrowserWindowResizeListener(e -> resized.accept(e.getWidth()))::remove;
        });
    }

    /** Starts something on every attach and ends it on the following detach. */
    private static void whileAttached(Component view, java.util.function.Function<UI, Runnable> start) {
        Objects.requireNonNull(view, "view");
        Runnable[] stop = {null};
        Consumer<UI> begin = ui -> stop[0] = start.apply(ui);
        view.addAttachListener(e -> {
            if (stop[0] == null) begin.accept(e.getUI());
        });
        view.addDetachListener(e -> {
            Runnable s = stop[0];
            stop[0] = null;
            if (s != null) s.run();
        });
        view.getUI().ifPresent(begin); // already attached when bound
    }

    /** Runs {@code render} now when this thread holds the UI's session lock, otherwise through {@code ui.access}. */
    private static void deliver(UI ui, Runnable render) {
        if (ui.getSession() != null && ui.getSession().hasLock()) render.run();
        else ui.access(render::run);
    }
}

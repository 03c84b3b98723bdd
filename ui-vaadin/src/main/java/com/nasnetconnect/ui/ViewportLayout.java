package com.nasnetconnect.ui;

import java.util.function.Consumer;

/**
 * Which layout a screen uses for the browser window's width: phones ({@value #PHONE_MAX_WIDTH} px wide or
 * narrower) get cards that never scroll sideways, wider windows get tables. The same switch point as the
 * dashboard's. Headless: a view reports the width (on attach, on resize) and swaps its presenter when the layout
 * changes; an unknown width (0) counts as wide.
 */
public final class ViewportLayout {
    public static final int PHONE_MAX_WIDTH = 600;

    public enum Layout { WIDE, PHONE }

    private final Publisher<Layout> publisher;

    public ViewportLayout(int initialWidth) {
        publisher = new Publisher<>(of(initialWidth));
    }

    public Layout layout() {
        return publisher.state();
    }

    /** {@code subscriber} gets the current layout now and every change later. */
    public Publisher.Subscription subscribe(Consumer<Layout> subscriber) {
        return publisher.subscribe(subscriber);
    }

    /** User intent: the window changed size (resize, rotation). Publishes only when the layout changes. */
    public void resized(int width) {
        Layout next = of(width);
        if (next != publisher.state()) publisher.publish(next);
    }

    public static Layout of(int width) {
        return width > 0 && width <= PHONE_MAX_WIDTH ? Layout.PHONE : Layout.WIDE;
    }
}

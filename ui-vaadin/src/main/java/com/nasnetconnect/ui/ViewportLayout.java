package com.nasnetconnect.ui;

/**
 * Which layout a screen uses for the browser window's width: phones ({@value #PHONE_MAX_WIDTH} px wide or
 * narrower) get cards that never scroll sideways, wider windows get tables. The same switch point on every
 * screen. Headless: {@link ViewBinding#followViewport} reports the width (on attach, on resize) and the view swaps
 * its presenter when the layout changes; an unknown width (0) counts as wide.
 */
public final class ViewportLayout extends HeadlessController<ViewportLayout.Layout> {
    public static final int PHONE_MAX_WIDTH = 600;

    public enum Layout { WIDE, PHONE }

    public ViewportLayout(int initialWidth) {
        super(of(initialWidth));
    }

    public Layout layout() {
        return state();
    }

    /** User intent: the window changed size (resize, rotation). Publishes only when the layout changes. */
    public void resized(int width) {
        Layout next = of(width);
        update(current -> next == current ? current : next);
    }

    public static Layout of(int width) {
        return width > 0 && width <= PHONE_MAX_WIDTH ? Layout.PHONE : Layout.WIDE;
    }
}

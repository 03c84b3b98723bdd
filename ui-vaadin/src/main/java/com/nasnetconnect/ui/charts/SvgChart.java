package com.nasnetconnect.ui.charts;

import com.vaadin.flow.component.html.Div;
import java.util.Objects;

/**
 * Shows the markup of a {@link LineChart} in a view: a block that takes its container's width. The markup is set
 * as the element's {@code innerHTML} (the browser's HTML parser keeps SVG's {@code viewBox} intact); it comes only
 * from {@link LineChart}, which escapes every text. Setting the same markup again sends nothing.
 */
public class SvgChart extends Div {
    private String markup = "";

    public SvgChart() {
        addClassName("nnc-chart-box");
        setWidthFull();
    }

    public SvgChart(String markup) {
        this();
        show(markup);
    }

    /** Replaces the chart; a no-op when the markup is the same. */
    public void show(String svg) {
        Objects.requireNonNull(svg, "svg");
        if (svg.equals(markup)) return;
        markup = svg;
        getElement().setProperty("innerHTML", svg);
    }

    public String markup() {
        return markup;
    }
}

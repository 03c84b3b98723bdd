/**
 * Server-side SVG charts: {@link com.nasnetconnect.ui.charts.LineChart} builds the markup in pure Java (scales,
 * axis labels in human units, gaps where samples are missing, an empty-state text), and
 * {@link com.nasnetconnect.ui.charts.SvgChart} shows it in a Vaadin view. Colours come from the Lumo theme's
 * custom properties and {@code currentColor}, so a chart reads the same in the light and the dark theme. No
 * JavaScript, no npm: the markup scales to its container's width through its {@code viewBox}.
 */
package com.nasnetconnect.ui.charts;

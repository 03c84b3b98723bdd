package com.nasnetconnect.ui.overview;

import com.nasnetconnect.ui.HtmlText;
import com.nasnetconnect.ui.RouterRoutes;
import com.nasnetconnect.ui.overview.OverviewController.DriftRow;
import com.nasnetconnect.ui.overview.OverviewController.EventRow;
import com.nasnetconnect.ui.overview.OverviewController.InterfaceRow;
import com.nasnetconnect.ui.overview.OverviewController.KindCount;
import com.nasnetconnect.ui.overview.OverviewController.ServiceRow;
import java.util.List;

/**
 * The overview's lists (interfaces, resource counts, drift, recent events, services) and traffic charts as HTML, each one
 * element's {@code innerHTML}: the rows only show text and links, so they need no server-side components, and a
 * component per row, span and text cost ~1 KB of session memory each (issue #16: ≤ 300 KB per UI session). The
 * markup keeps the classes, {@code data-*} attributes and tags the components had, so the style sheet and the
 * browser tests see the same page. Every text and attribute value is escaped; links carry {@code router-link} so
 * Vaadin's router follows them without reloading the page.
 */
final class OverviewMarkup {
    private OverviewMarkup() {
    }

    static String interfaces(List<InterfaceRow> rows, boolean phone) {
        if (rows.isEmpty()) return empty("No interfaces read yet.");
        var out = new StringBuilder(96 * (rows.size() + 1));
        if (!phone) out.append("<div class=\"overview-interface-head\"><span>Name</span><span>Type</span><span>State</span></div>");
        for (InterfaceRow row : rows) {
            String badge = "nnc-badge " + (row.disabled() ? "nnc-badge-contrast" : row.running() ? "nnc-badge-success" : "nnc-badge-error");
            out.append("<div class=\"overview-interface\" data-interface=\"").append(escape(row.name())).append("\">");
            if (phone) out.append("<div>").append(span("overview-strong", row.name())).append(span("overview-small", row.type())).append("</div>");
            else out.append(span("overview-strong", row.name())).append(span(null, row.type()));
            out.append(span(badge, row.state())).append("</div>");
        }
        return out.toString();
    }

    /**
     * The traffic charts, one per interface: its name over its chart (a block as wide as its cell, as a
     * {@code SvgChart} is). The SVG comes from {@code LineChart}, which escapes every text in it.
     */
    static String traffic(List<OverviewCharts.Traffic> charts) {
        var out = new StringBuilder(charts.stream().mapToInt(c -> c.svg().length() + 160).sum());
        for (OverviewCharts.Traffic c : charts) {
            out.append("<div class=\"overview-traffic-chart\" data-interface=\"").append(escape(c.interfaceName())).append("\">")
                    .append(span(null, c.interfaceName())).append("<div class=\"nnc-chart-box\" data-width-full=\"\">")
                    .append(c.svg()).append("</div></div>");
        }
        return out.toString();
    }

    static String counts(List<KindCount> counts) {
        if (counts.isEmpty()) return empty("No managed resources yet.");
        var out = new StringBuilder(128 * counts.size());
        for (KindCount k : counts) {
            out.append(link(k.link(), "overview-count", " data-kind=\"" + escape(RouterRoutes.slug(k.kind())) + "\""))
                    .append(span(null, k.label())).append(span("overview-strong", String.valueOf(k.count()))).append("</a>");
        }
        return out.toString();
    }

    static String drift(List<DriftRow> drift) {
        if (drift.isEmpty()) return empty("No drift: the router matches what was applied.");
        var out = new StringBuilder(128 * drift.size());
        for (DriftRow d : drift) {
            out.append(link(d.link(), "overview-drift-row", "")).append(span("overview-strong", d.resource()))
                    .append(span("overview-small", d.what())).append("</a>");
        }
        return out.toString();
    }

    static String events(List<EventRow> events) {
        if (events.isEmpty()) return empty("No events yet.");
        var out = new StringBuilder(128 * events.size());
        for (EventRow e : events) {
            out.append("<div class=\"overview-event\">").append(span("overview-small", e.time())).append(span(null, e.text()))
                    .append(span("overview-small", e.actor())).append("</div>");
        }
        return out.toString();
    }

    static String services(List<ServiceRow> services) {
        if (services.isEmpty()) return empty("No services installed.");
        var out = new StringBuilder(192 * services.size());
        for (ServiceRow r : services) {
            out.append("<div class=\"overview-service\"><div>").append(span("overview-strong", r.name()))
                    .append(span("overview-small", r.interfaceName())).append("</div><div>")
                    .append(span("nnc-badge nnc-badge-contrast", r.state()))
                    .append(span("nnc-badge " + (r.healthy() ? "nnc-badge-success" : "nnc-badge-contrast"), r.health()))
                    .append("</div></div>");
        }
        return out.toString();
    }

    private static String empty(String text) {
        return "<p class=\"overview-empty\">" + escape(text) + "</p>";
    }

    private static String span(String className, String text) {
        return (className == null ? "<span>" : "<span class=\"" + escape(className) + "\">") + escape(text) + "</span>";
    }

    private static String link(String href, String className, String attributes) {
        return "<a href=\"" + escape(href) + "\" router-link class=\"" + escape(className) + "\"" + attributes + ">";
    }

    /** Text for HTML content and double-quoted attribute values. */
    static String escape(String text) {
        return HtmlText.escape(text);
    }
}

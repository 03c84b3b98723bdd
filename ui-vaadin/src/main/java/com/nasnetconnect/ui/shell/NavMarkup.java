package com.nasnetconnect.ui.shell;

import static com.nasnetconnect.ui.HtmlText.escape;

import com.nasnetconnect.ui.shell.ShellController.Link;
import com.nasnetconnect.ui.shell.ShellController.Section;
import java.util.List;

/**
 * The navigation drawer's links as HTML: the same {@code vaadin-side-nav} and {@code vaadin-side-nav-item}
 * elements (label slot, {@code id}, {@code path} without a leading slash) the {@code SideNav} components would put
 * in the page, so the page looks and navigates the same (the side-nav item renders its own link, which Vaadin's
 * router follows, and marks the current page itself), and the links are there to follow even while the server
 * cannot be reached. As markup they cost one server-side node instead of two per section and item (~1 KB of
 * session memory per node: the current router's pages were ~70, the fleet pages ~17; issue #16: ≤ 300 KB per UI
 * session). Every text and attribute value is escaped.
 */
final class NavMarkup {
    private NavMarkup() {
    }

    /** The current router's pages: a side nav of class {@code nnc-router-section} per section, for a container. */
    static String sections(List<Section> sections) {
        var out = new StringBuilder(128 + 96 * sections.stream().mapToInt(s -> s.links().size() + 1).sum());
        for (Section section : sections) nav(out, null, "nnc-router-section", section.title(), section.links());
        return out.toString();
    }

    /** One side nav with the element id {@code id}, labelled {@code label}; a link whose id is null has none. */
    static String nav(String id, String label, List<Link> links) {
        return nav(new StringBuilder(128 + 96 * links.size()), id, null, label, links).toString();
    }

    private static StringBuilder nav(StringBuilder out, String id, String className, String label, List<Link> links) {
        out.append("<vaadin-side-nav");
        attribute(out, "id", id);
        attribute(out, "class", className);
        out.append("><span slot=\"label\">").append(escape(label)).append("</span>");
        for (Link link : links) {
            out.append("<vaadin-side-nav-item");
            attribute(out, "id", link.id());
            String path = link.path().startsWith("/") ? link.path().substring(1) : link.path();
            attribute(out, "path", path);
            out.append(">").append(escape(link.label())).append("</vaadin-side-nav-item>");
        }
        return out.append("</vaadin-side-nav>");
    }

    private static void attribute(StringBuilder out, String name, String value) {
        if (value != null) out.append(' ').append(name).append("=\"").append(escape(value)).append('"');
    }
}

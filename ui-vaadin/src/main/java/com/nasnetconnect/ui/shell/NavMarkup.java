package com.nasnetconnect.ui.shell;

import static com.nasnetconnect.ui.HtmlText.escape;

import com.nasnetconnect.ui.shell.ShellController.Link;
import com.nasnetconnect.ui.shell.ShellController.Section;
import java.util.List;

/**
 * The current router's pages in the navigation drawer as HTML, one element's {@code innerHTML}: the same
 * {@code vaadin-side-nav} and {@code vaadin-side-nav-item} elements (label slot, {@code id}, {@code path}) the
 * {@code SideNav} components would put in the page, so the page looks and navigates the same (the side-nav
 * item renders its own link, which Vaadin's router follows, and marks the current page itself), and the links
 * are there to follow even while the server cannot be reached. As markup they cost one server-side node instead of
 * ~70 (a section and an item are two each, ~1 KB of session memory per node; issue #16: ≤ 300 KB per UI
 * session). Every text and attribute value is escaped.
 */
final class NavMarkup {
    private NavMarkup() {
    }

    static String sections(List<Section> sections) {
        var out = new StringBuilder(128 + 96 * sections.stream().mapToInt(s -> s.links().size() + 1).sum());
        for (Section section : sections) {
            out.append("<vaadin-side-nav class=\"nnc-router-section\"><span slot=\"label\">").append(escape(section.title())).append("</span>");
            for (Link link : section.links()) {
                out.append("<vaadin-side-nav-item id=\"").append(escape(link.id())).append("\" path=\"").append(escape(link.path()))
                        .append("\">").append(escape(link.label())).append("</vaadin-side-nav-item>");
            }
            out.append("</vaadin-side-nav>");
        }
        return out.toString();
    }
}

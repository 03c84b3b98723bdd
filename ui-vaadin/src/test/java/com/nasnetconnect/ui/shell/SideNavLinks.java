package com.nasnetconnect.ui.shell;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the links of the drawer's side-nav markup (tests): what a person sees in the menu and where it leads. */
public final class SideNavLinks {
    private static final Pattern ITEM = Pattern.compile("<vaadin-side-nav-item((?: [a-z-]+=\"[^\"]*\")*)>([^<]*)</vaadin-side-nav-item>");
    private static final Pattern ATTRIBUTE = Pattern.compile(" ([a-z-]+)=\"([^\"]*)\"");

    /** One menu entry; {@code id} is null when the item has none. */
    public record Link(String id, String label, String path) { }

    private SideNavLinks() {
    }

    /** The items of {@code html} (side navs as {@link NavMarkup} writes them), in order. */
    public static List<Link> in(String html) {
        return ITEM.matcher(html).results().map(item -> {
            String id = null;
            String path = null;
            Matcher a = ATTRIBUTE.matcher(item.group(1));
            while (a.find()) {
                if (a.group(1).equals("id")) id = unescape(a.group(2));
                if (a.group(1).equals("path")) path = unescape(a.group(2));
            }
            return new Link(id, unescape(item.group(2)), path);
        }).toList();
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}

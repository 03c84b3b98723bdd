package com.nasnetconnect.ui;

/** Text made safe for HTML content and for double- or single-quoted attribute values. */
public final class HtmlText {
    private HtmlText() {
    }

    /** {@code text} with {@code & < > " '} as character references; every other character as it is. */
    public static String escape(String text) {
        var out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

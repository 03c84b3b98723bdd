package com.nasnetconnect.ui.shell;

import com.vaadin.flow.component.html.Div;
import com.nasnetconnect.ui.Notice;
import java.util.Optional;

/** Shows the controller's {@link Notice} above a screen: green for done, red for refused; hidden when none. */
public final class NoticeBanner extends Div {

    public NoticeBanner(String id) {
        setId(id);
        addClassName("nnc-notice");
        getElement().setAttribute("role", "status");
        setVisible(false);
    }

    public void show(Optional<Notice> notice) {
        removeClassNames("nnc-notice-error", "nnc-notice-success");
        if (notice.isEmpty()) {
            setText("");
            setVisible(false);
            return;
        }
        setText(notice.get().text());
        addClassName(notice.get().isError() ? "nnc-notice-error" : "nnc-notice-success");
        getElement().setAttribute("data-kind", notice.get().kind().name().toLowerCase());
        setVisible(true);
    }
}

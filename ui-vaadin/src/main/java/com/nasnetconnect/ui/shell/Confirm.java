package com.nasnetconnect.ui.shell;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * Asks before a destructive action. Uses the dialog's own confirm event (not a click listener on a custom
 * button): the web component closes itself on confirm, and a click arriving after the close would be dropped.
 * The confirm button is {@code [slot='confirm-button']} for browser tests.
 */
public final class Confirm {
    private Confirm() {
    }

    public static void ask(String header, String text, String confirmLabel, Runnable onConfirm) {
        ConfirmDialog dialog = dialog(header, confirmLabel, onConfirm);
        dialog.setText(text);
        dialog.open();
    }

    /** Asks with a body that is more than a sentence (e.g. the list of what an uninstall removes). */
    public static void ask(String header, Component body, String confirmLabel, Runnable onConfirm) {
        ConfirmDialog dialog = dialog(header, confirmLabel, onConfirm);
        dialog.setText(body);
        dialog.open();
    }

    private static ConfirmDialog dialog(String header, String confirmLabel, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-dialog");
        dialog.setHeader(header);
        dialog.setCancelable(true);
        dialog.setConfirmText(confirmLabel);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> onConfirm.run());
        return dialog;
    }
}

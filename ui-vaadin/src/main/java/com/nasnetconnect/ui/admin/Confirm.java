package com.nasnetconnect.ui.admin;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Asks before a destructive action; the confirm button has id {@code confirm-action} for browser tests. */
public final class Confirm {
    private Confirm() {
    }

    public static void ask(String header, String text, String confirmLabel, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        Button confirm = new Button(confirmLabel, e -> {
            dialog.close();
            onConfirm.run();
        });
        confirm.setId("confirm-action");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        dialog.setConfirmButton(confirm);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) dialog.getElement().removeFromParent();
        });
        dialog.open();
    }
}

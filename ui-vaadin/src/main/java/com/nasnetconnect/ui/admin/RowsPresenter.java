package com.nasnetconnect.ui.admin;

import com.vaadin.flow.component.Component;
import java.util.List;

/** Lays out a screen's rows, as a table on wide screens or as cards on phones; holds no state or logic. */
interface RowsPresenter<R> {
    Component component();

    void show(List<R> rows);
}

package com.nasnetconnect.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.ui.ViewportLayout.Layout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewportLayoutTest {

    @Test
    void phonesGetCardsAndWiderWindowsTablesSwitchingAt600Pixels() {
        assertThat(ViewportLayout.of(390)).isEqualTo(Layout.PHONE);
        assertThat(ViewportLayout.of(600)).isEqualTo(Layout.PHONE);
        assertThat(ViewportLayout.of(601)).isEqualTo(Layout.WIDE);
        assertThat(ViewportLayout.of(1280)).isEqualTo(Layout.WIDE);
        assertThat(ViewportLayout.of(0)).as("width not known yet").isEqualTo(Layout.WIDE);
    }

    @Test
    void publishesALayoutChangeOnlyWhenTheResizeCrossesTheSwitchPoint() {
        var layout = new ViewportLayout(0);
        List<Layout> seen = new ArrayList<>();
        layout.subscribe(seen::add);

        layout.resized(1280);
        layout.resized(390);
        layout.resized(375);
        layout.resized(844);

        assertThat(seen).containsExactly(Layout.WIDE, Layout.PHONE, Layout.WIDE);
        assertThat(layout.layout()).isEqualTo(Layout.WIDE);
    }
}

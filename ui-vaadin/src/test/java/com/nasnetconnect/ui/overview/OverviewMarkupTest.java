package com.nasnetconnect.ui.overview;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.ui.overview.OverviewController.DriftRow;
import com.nasnetconnect.ui.overview.OverviewController.EventRow;
import com.nasnetconnect.ui.overview.OverviewController.InterfaceRow;
import com.nasnetconnect.ui.overview.OverviewController.ServiceRow;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverviewMarkupTest {

    @Test
    void namesFromTheRouterAreShownAsTextNeverAsMarkup() {
        String html = OverviewMarkup.interfaces(List.of(new InterfaceRow("<img src=x onerror=alert(1)>", "ether\"&'", "running", true, false)), false);

        assertThat(html).doesNotContain("<img").contains("&lt;img src=x onerror=alert(1)&gt;")
                .contains("data-interface=\"&lt;img src=x onerror=alert(1)&gt;\"").contains("<span>ether&quot;&amp;&#39;</span>");
    }

    @Test
    void anInterfaceThatIsDownWearsTheErrorBadgeAndADisabledOneTheNeutralOne() {
        String html = OverviewMarkup.interfaces(List.of(new InterfaceRow("ether2", "ether", "not running", false, false),
                new InterfaceRow("wg0", "wg", "disabled", true, true)), true);

        assertThat(html).contains("<span class=\"nnc-badge nnc-badge-error\">not running</span>")
                .contains("<span class=\"nnc-badge nnc-badge-contrast\">disabled</span>");
    }

    @Test
    void eachTrafficChartIsTheInterfacesNameOverItsChartAndTheNameIsText() {
        String html = OverviewMarkup.traffic(List.of(new OverviewCharts.Traffic("ether1", "<svg>a</svg>"),
                new OverviewCharts.Traffic("<b>x", "<svg>b</svg>")));

        assertThat(html).isEqualTo("<div class=\"overview-traffic-chart\" data-interface=\"ether1\"><span>ether1</span>"
                + "<div class=\"nnc-chart-box\" data-width-full=\"\"><svg>a</svg></div></div>"
                + "<div class=\"overview-traffic-chart\" data-interface=\"&lt;b&gt;x\"><span>&lt;b&gt;x</span>"
                + "<div class=\"nnc-chart-box\" data-width-full=\"\"><svg>b</svg></div></div>");
        assertThat(OverviewMarkup.traffic(List.of())).isEmpty();
    }

    @Test
    void emptyListsSayWhatIsMissing() {
        assertThat(OverviewMarkup.interfaces(List.of(), false)).isEqualTo("<p class=\"overview-empty\">No interfaces read yet.</p>");
        assertThat(OverviewMarkup.counts(List.of())).isEqualTo("<p class=\"overview-empty\">No managed resources yet.</p>");
        assertThat(OverviewMarkup.drift(List.of())).isEqualTo("<p class=\"overview-empty\">No drift: the router matches what was applied.</p>");
        assertThat(OverviewMarkup.events(List.of())).isEqualTo("<p class=\"overview-empty\">No events yet.</p>");
        assertThat(OverviewMarkup.services(List.of())).isEqualTo("<p class=\"overview-empty\">No services installed.</p>");
    }

    @Test
    void driftRowsLinkToTheResourcesPageThroughTheRouter() {
        assertThat(OverviewMarkup.drift(List.of(new DriftRow("VLAN guest", "mtu differs", "routers/lab/vlan"))))
                .isEqualTo("<a href=\"routers/lab/vlan\" router-link class=\"overview-drift-row\"><span class=\"overview-strong\">VLAN guest</span>"
                        + "<span class=\"overview-small\">mtu differs</span></a>");
    }

    @Test
    void eventsShowTimeTextAndActorAndServicesTheirStateAndHealth() {
        assertThat(OverviewMarkup.events(List.of(new EventRow("06:12", "VLAN guest created", "admin", ""))))
                .isEqualTo("<div class=\"overview-event\"><span class=\"overview-small\">06:12</span><span>VLAN guest created</span>"
                        + "<span class=\"overview-small\">admin</span></div>");
        assertThat(OverviewMarkup.services(List.of(new ServiceRow("adguard", "veth-adguard", "Running", "Healthy", true))))
                .contains("<span class=\"nnc-badge nnc-badge-contrast\">Running</span><span class=\"nnc-badge nnc-badge-success\">Healthy</span>");
    }
}

package com.nasnetconnect.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.ui.dashboard.DashboardController.RouterRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The phone cards are markup: what they say, parsed back as a browser would read it. */
class DashboardMobilePresenterTest {
    private static Document cards(RouterRow... rows) {
        var html = new StringBuilder();
        for (RouterRow row : rows) DashboardMobilePresenter.card(html, row);
        return Jsoup.parseBodyFragment(html.toString());
    }

    @Test
    void aReachableRouterCardLinksItsOverviewAndServicesAndSaysWhatItShowsWithoutTheServer() {
        Document d = cards(new RouterRow("r1", "Branch office", true, "Online", "gw-1", "7.16.2 (stable)", "CHR", "1h2m", "16 %",
                "808.0 MiB", "", false, ""));
        var card = d.selectFirst(".router-card[data-router-id=r1]");
        assertThat(card).isNotNull();
        assertThat(card.selectFirst("h3 a.router-overview-link[router-link]").attr("href")).isEqualTo(DashboardController.overviewPath("r1"));
        assertThat(card.selectFirst("h3 a").text()).isEqualTo("Branch office");
        assertThat(card.selectFirst("a.router-services-link[router-link]").attr("href")).isEqualTo(DashboardController.servicesPath("r1"));
        assertThat(card.select("[data-field=status] .status-online").text()).isEqualTo("Online");
        assertThat(card.select("[data-field=status] .status-unknown").text()).isEqualTo(DashboardController.STATUS_WITHOUT_CONNECTION);
        assertThat(card.select("dt").eachText()).containsExactly("Status", "Identity", "RouterOS", "Board", "Uptime", "CPU", "Free memory");
        assertThat(card.select("[data-field=uptime]").text()).isEqualTo("1h2m");
        assertThat(card.select("[data-field=free-memory]").text()).isEqualTo("808.0 MiB");
        assertThat(card.select(".nnc-stale, [data-field=problem], [data-field=stale-note]")).isEmpty();
    }

    @Test
    void anUnreachableRouterCardSaysWhyAndGreysItsLastKnownValues() {
        Document d = cards(new RouterRow("r2", "Shed", false, "Unreachable · last seen 3 min ago", "shed", "7.16.2", "hAP",
                "2d", "3 %", "20.0 MiB", "the router did not answer", true, "Last known values, from 3 min ago"));
        assertThat(d.select("[data-field=problem]").text()).isEqualTo("the router did not answer");
        assertThat(d.select("[data-field=status] .status-unreachable").text()).isEqualTo("Unreachable · last seen 3 min ago");
        assertThat(d.select(".status-unknown")).as("nothing to say instead of Online").isEmpty();
        assertThat(d.select("dd.nnc-stale").eachAttr("data-field")).containsExactly("uptime", "cpu", "free-memory");
        assertThat(d.select("[data-field=stale-note]").text()).isEqualTo("Last known values, from 3 min ago");
    }

    @Test
    void namesAndValuesAreTextNotMarkup() {
        Document d = cards(new RouterRow("r3", "<img src=x onerror=alert(1)> & co", true, "Online", "<b>id</b>", "v", "b", "u",
                "c", "m", "", false, ""));
        assertThat(d.select("img, b")).isEmpty();
        assertThat(d.selectFirst("h3 a").text()).isEqualTo("<img src=x onerror=alert(1)> & co");
        assertThat(d.select("[data-field=identity]").text()).isEqualTo("<b>id</b>");
        assertThat(d.select(".router-card")).hasSize(1);
    }
}

package com.nasnetconnect.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.ui.shell.ShellController.Link;
import com.nasnetconnect.ui.shell.ShellController.Section;
import java.util.List;
import org.junit.jupiter.api.Test;

class NavMarkupTest {

    @Test
    void eachSectionIsASideNavWithItsTitleInTheLabelSlotAndEachPageAnItemWithItsIdAndPath() {
        String html = NavMarkup.sections(ShellController.sections(new RouterId("lab")));

        assertThat(html).startsWith("<vaadin-side-nav class=\"nnc-router-section\"><span slot=\"label\">This router</span>"
                + "<vaadin-side-nav-item id=\"nav-overview\" path=\"routers/lab\">Overview</vaadin-side-nav-item>");
        assertThat(html).contains("<vaadin-side-nav-item id=\"nav-vlan\" path=\"routers/lab/vlan\">VLANs</vaadin-side-nav-item>")
                .contains("<span slot=\"label\">Firewall</span>");
        assertThat(html.split("<vaadin-side-nav ", -1)).hasSize(1 + 1 + ShellController.GROUPS.size());
        assertThat(html.split("<vaadin-side-nav-item ", -1)).hasSize(1 + 3 + ShellController.GROUPS.stream().mapToInt(g -> g.kinds().size()).sum());
    }

    @Test
    void wordsAndAddressesAreTextNeverMarkup() {
        String html = NavMarkup.sections(List.of(new Section("A <b>", List.of(new Link("x\"y", "Q&A <img src=x>", "routers/a'b")))));

        assertThat(html).doesNotContain("<b>").doesNotContain("<img")
                .contains("<span slot=\"label\">A &lt;b&gt;</span>")
                .contains("id=\"x&quot;y\" path=\"routers/a&#39;b\">Q&amp;A &lt;img src=x&gt;</vaadin-side-nav-item>");
    }

    @Test
    void theFleetNavCarriesItsIdAndLabelAndItsItemsTheirPathsWithoutALeadingSlash() {
        String html = NavMarkup.nav("fleet-nav", "NasNetConnect", List.of(new Link(null, "Dashboard", ""),
                new Link("nav-add-router", "Add router", "routers/add"), new Link(null, "Users", "/admin/users")));

        assertThat(html).isEqualTo("<vaadin-side-nav id=\"fleet-nav\"><span slot=\"label\">NasNetConnect</span>"
                + "<vaadin-side-nav-item path=\"\">Dashboard</vaadin-side-nav-item>"
                + "<vaadin-side-nav-item id=\"nav-add-router\" path=\"routers/add\">Add router</vaadin-side-nav-item>"
                + "<vaadin-side-nav-item path=\"admin/users\">Users</vaadin-side-nav-item></vaadin-side-nav>");
        assertThat(SideNavLinks.in(html)).containsExactly(new SideNavLinks.Link(null, "Dashboard", ""),
                new SideNavLinks.Link("nav-add-router", "Add router", "routers/add"), new SideNavLinks.Link(null, "Users", "admin/users"));
    }

    @Test
    void noRouterNoPages() {
        assertThat(NavMarkup.sections(List.of())).isEmpty();
    }
}

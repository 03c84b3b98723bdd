package com.nasnetconnect.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.schema.types.ResourceKind;
import com.nasnetconnect.ui.shell.ShellController.Link;
import com.nasnetconnect.ui.shell.ShellController.RouterChoice;
import com.nasnetconnect.ui.shell.ShellController.Section;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ShellControllerTest {
    final List<RouterChoice> managed = new CopyOnWriteArrayList<>(List.of(
            new RouterChoice("r1", "Office gateway"), new RouterChoice("r2", "Lab")));
    final ShellController shell = new ShellController(() -> List.copyOf(managed));

    @Test
    void anAddressInsideARouterMakesItCurrentWithItsPagesAndTheFleetPagesKeepIt() {
        shell.navigated("routers/r2/vlan");

        assertThat(shell.state().current()).contains(new RouterChoice("r2", "Lab"));
        assertThat(shell.state().sections().getFirst().links()).extracting(Link::label)
                .containsExactly("Overview", "Services", "Events");
        assertThat(shell.state().sections().getFirst().links()).extracting(Link::path)
                .containsExactly("routers/r2", "routers/r2/services", "routers/r2/events");

        shell.navigated("admin/users");
        assertThat(shell.state().current()).as("the fleet pages keep the chosen router").contains(new RouterChoice("r2", "Lab"));
        shell.navigated("routers/r1");
        assertThat(shell.state().current()).contains(new RouterChoice("r1", "Office gateway"));
    }

    @Test
    void theAddRouterPageIsNoRouterAndNoRouterIsCurrentAtFirst() {
        shell.navigated("");
        assertThat(shell.state().current()).isEmpty();
        assertThat(shell.state().sections()).isEmpty();
        assertThat(shell.state().routers()).extracting(RouterChoice::name).containsExactly("Office gateway", "Lab");

        shell.navigated("routers/add");
        assertThat(shell.state().current()).isEmpty();
    }

    @Test
    void everyResourceKindHasExactlyOneEntryGroupedAndLinkedThroughItsSlug() {
        shell.navigated("routers/r1/services");

        List<Section> groups = shell.state().sections().subList(1, shell.state().sections().size());
        assertThat(groups).extracting(Section::title).containsExactly("Interfaces", "IP", "Routing", "Firewall", "Containers");
        var paths = new ArrayList<String>();
        groups.forEach(g -> g.links().forEach(l -> paths.add(l.path())));
        assertThat(paths).hasSize(ResourceKind.values().length).doesNotHaveDuplicates()
                .containsAll(Arrays.stream(ResourceKind.values()).map(k -> "routers/r1/" + com.nasnetconnect.ui.RouterRoutes.slug(k)).toList());
        assertThat(groups.getFirst().links()).extracting(Link::label).startsWith("VLANs", "Bridges", "Bridge ports");
        assertThat(groups.get(1).links()).extracting(Link::label).startsWith("IP addresses", "IP pools", "DHCP servers");
        assertThat(groups.get(3).links()).extracting(Link::label)
                .containsExactly("Firewall rules", "NAT rules", "Mangle rules", "Address-list entries");
        assertThat(groups.get(3).links()).extracting(Link::id).contains("nav-firewall-filter");
    }

    @Test
    void choosingARouterGoesToItsOverviewAndARouterAddedMeanwhileIsOffered() {
        managed.add(new RouterChoice("r3", "New branch"));

        assertThat(shell.choose("r3")).isEqualTo("routers/r3");
        assertThat(shell.state().current()).contains(new RouterChoice("r3", "New branch"));
        assertThat(shell.state().routers()).hasSize(3);
    }

    @Test
    void aRouterNoLongerManagedIsNamedAsUnknownNotByItsIdAndLeavesTheSwitcherWhenGone() {
        shell.navigated("routers/gone-1234/vlan");
        assertThat(shell.state().current()).contains(new RouterChoice("gone-1234", ShellController.UNKNOWN_ROUTER));

        shell.navigated("routers/r1");
        managed.removeIf(r -> r.id().equals("r1"));
        shell.navigated("account");
        assertThat(shell.state().current()).isEmpty();
        assertThat(shell.state().sections()).isEmpty();
    }

    @Test
    void navigatingWithinTheSameRouterPublishesNothingNew() {
        var seen = new ArrayList<ShellController.State>();
        shell.navigated("routers/r1");
        try (var s = shell.subscribe(seen::add)) {
            shell.navigated("routers/r1/vlan");
            shell.navigated("routers/r1/events");
        }
        assertThat(seen).hasSize(1);
    }
}

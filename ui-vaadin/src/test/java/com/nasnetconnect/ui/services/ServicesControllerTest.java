package com.nasnetconnect.ui.services;

import static com.nasnetconnect.ui.services.ServicesFixture.LAB;
import static com.nasnetconnect.ui.services.ServicesFixture.OPERATOR;
import static com.nasnetconnect.ui.services.ServicesFixture.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.factory.InstallRequest;
import com.nasnetconnect.domain.factory.InstanceHealth;
import com.nasnetconnect.domain.factory.InstanceState;
import com.nasnetconnect.domain.factory.PolicyMatch;
import com.nasnetconnect.domain.factory.ServiceInstance;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.ui.services.ServicesController.FieldKind;
import com.nasnetconnect.ui.services.ServicesController.InstanceRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Services page without Vaadin, over the real factory (seeded SQLite catalog, apply-confirm-merge to the
 * RouterOS simulator over TCP): what it shows, what it sends, what it refuses and in which words.
 */
@Timeout(60)
class ServicesControllerTest {
    @TempDir
    Path dir;
    DatabaseManager databases;
    ServicesFixture f;

    @BeforeEach
    void start() {
        databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults(), Clock.systemUTC());
        f = new ServicesFixture(databases, dir);
    }

    @AfterEach
    void stop() {
        if (f != null) f.close();
        if (databases != null) databases.close();
    }

    ServicesController opened(com.nasnetconnect.domain.security.Principal who) {
        var c = f.controller(who);
        c.open("lab");
        return c;
    }

    @Test
    void showsTheCatalogAsCardsWithAnInstallDialogGeneratedFromEachTemplatesOptions() {
        var c = opened(OPERATOR);

        var s = c.state();
        assertThat(s.routerName()).isEqualTo("Lab");
        assertThat(s.templates()).extracting(ServicesController.TemplateCard::id).contains("tor", "wireguard", "socks5", "adguard");
        var tor = s.template("tor").orElseThrow();
        assertThat(tor.interfaceExample()).isEqualTo("nnc-tor-<name>");
        assertThat(tor.options()).singleElement().satisfies(o -> {
            assertThat(o.key()).isEqualTo("exitCountry");
            assertThat(o.label()).isEqualTo("Exit country");
            assertThat(o.required()).isTrue();
            assertThat(o.kind()).isEqualTo(FieldKind.TEXT);
        });
        var socks = s.template("socks5").orElseThrow().options();
        assertThat(socks).filteredOn(o -> o.key().equals("port")).singleElement()
                .satisfies(o -> assertThat(o.defaultValue()).isEqualTo("1080"));
        assertThat(socks).filteredOn(o -> o.key().equals("password")).singleElement()
                .satisfies(o -> assertThat(o.kind()).isEqualTo(FieldKind.SECRET));
        assertThat(s.template("wireguard").orElseThrow().options().getFirst().kind()).isEqualTo(FieldKind.SECRET_FILE);
        assertThat(s.canChange()).isTrue();
        assertThat(s.instances()).isEmpty();
    }

    @Test
    void aBadExitCountryGetsTheSameVerdictAndMessageAsTheApiAndNothingReachesTheRouter() {
        var c = opened(OPERATOR);
        var before = f.sim.snapshot();
        String domainSays = catchThrowableOfType(InputRefused.class, () -> f.factory.install(OPERATOR, LAB,
                InstallRequest.of("tor", "usa", "exitCountry", "zz"))).problems().getFirst().message();

        assertThat(c.optionProblem("tor", "exitCountry", "zz")).contains(domainSays);
        assertThat(c.optionProblem("tor", "exitCountry", "us")).isEmpty();
        boolean installed = c.install("tor", "usa", Map.of("exitCountry", "zz"));

        assertThat(installed).isFalse();
        assertThat(domainSays).contains("'zz'");
        assertThat(c.state().fieldErrors()).containsExactly(Map.entry("exitCountry", domainSays));
        assertThat(c.state().notice().orElseThrow().text()).startsWith("Nothing was sent to the router").contains(domainSays);
        assertThat(before.diff(f.sim.snapshot())).isEmpty();
        assertThat(c.state().instances()).isEmpty();
    }

    @Test
    void whatOnlyTheServerCanJudgeIsShownNextToTheFieldItNames() {
        var c = opened(OPERATOR);

        assertThat(c.install("tor", "Bad Name", Map.of("exitCountry", "us"))).isFalse();
        assertThat(c.state().fieldErrors().get("name")).contains("'Bad Name'");

        assertThat(c.install("tor", "usa", Map.of("exitCountry", ""))).as("a required option left blank").isFalse();
        assertThat(c.state().fieldErrors().get("exitCountry")).isEqualTo("service tor needs option exitCountry (Exit country)");
    }

    @Test
    void installingTorShowsTheInstanceWithItsInterfaceWhileTheRouterPullsTheImage() {
        var c = opened(OPERATOR);

        assertThat(c.install("tor", "usa", Map.of("exitCountry", "US"))).isTrue();

        InstanceRow row = c.state().instances().getFirst();
        assertThat(row.interfaceName()).isEqualTo("nnc-tor-usa");
        assertThat(row.vlan()).isEqualTo("101");
        assertThat(row.subnet()).isEqualTo("10.99.101.0/24");
        assertThat(row.state()).isEqualTo(InstanceState.PULLING);
        assertThat(row.stateText()).isEqualTo("Pulling image · 0 %");
        assertThat(row.showsProgress()).isTrue();
        assertThat(c.state().notice().orElseThrow().text()).contains("nnc-tor-usa").contains("pulling its image");
        assertThat(f.sim.snapshot().find("/interface/veth", "name", "nnc-tor-usa")).isNotNull();
    }

    @Test
    void progressStateAndHealthPublishedOnAnotherThreadAreShownWhileSomeoneWatches() throws Exception {
        var c = opened(OPERATOR);
        c.install("tor", "usa", Map.of("exitCountry", "us"));
        ServiceInstance installed = f.factory.instances(OPERATOR, LAB).getFirst();
        List<ServicesController.State> seen = new ArrayList<>();
        try (var watching = c.subscribe(seen::add)) {
            Thread lifecycle = Thread.ofPlatform().start(() -> f.feed.publish(installed.with(InstanceState.PULLING, 42)));
            lifecycle.join();
            assertThat(c.state().instances().getFirst().progress()).isEqualTo(42);
            assertThat(c.state().instances().getFirst().stateText()).isEqualTo("Pulling image · 42 %");

            f.feed.publish(installed.with(InstanceState.EXTRACTING, 100));
            assertThat(c.state().instances().getFirst().progress()).isEqualTo(InstanceRow.INDETERMINATE);

            f.feed.publish(installed.with(InstanceState.DEGRADED, 100)
                    .with(InstanceHealth.unhealthy("the Tor container stopped", Instant.now())));
            InstanceRow row = c.state().instances().getFirst();
            assertThat(row.stateText()).isEqualTo("Degraded");
            assertThat(row.showsProgress()).isFalse();
            assertThat(row.health()).isEqualTo("Unhealthy");
            assertThat(row.healthReason()).isEqualTo("the Tor container stopped");
        }
        f.feed.publish(installed.with(InstanceState.RUNNING, 100));
        assertThat(c.state().instances().getFirst().state()).as("nobody watches: not followed").isEqualTo(InstanceState.DEGRADED);
        assertThat(f.feed.subscriberCount()).isZero();
    }

    @Test
    void theUninstallSummaryListsEveryObjectThatGoesAndUninstallingLeavesTheRouterAsBefore() {
        var c = opened(OPERATOR);
        var before = f.sim.snapshot();
        c.install("tor", "usa", Map.of("exitCountry", "us"));
        ServiceInstance installed = f.factory.instances(OPERATOR, LAB).getFirst();
        String id = c.state().instances().getFirst().id();

        List<String> summary = c.uninstallSummary(id).orElseThrow();

        assertThat(summary).hasSize(installed.resources().size()).contains("VLAN nnc-vlan101");
        assertThat(summary).anySatisfy(line -> assertThat(line).contains("nnc-tor-usa"));
        c.uninstall(id);
        assertThat(c.state().instances()).isEmpty();
        assertThat(c.state().notice().orElseThrow().text())
                .isEqualTo("Uninstalled nnc-tor-usa: " + summary.size() + " objects removed from the router.");
        assertThat(before.diff(f.sim.snapshot())).isEmpty();
    }

    @Test
    void anInstanceUninstalledElsewhereLeavesTheOpenPage() {
        var c = opened(OPERATOR);
        c.install("tor", "usa", Map.of("exitCountry", "us"));
        try (var watching = c.subscribe(s -> { })) {
            f.factory.uninstall(OPERATOR, c.state().instances().getFirst().id());
            assertThat(c.state().instances()).isEmpty();
        }
    }

    @Test
    void aViewerSeesTheServicesButIsOfferedNoChange() {
        opened(OPERATOR).install("tor", "usa", Map.of("exitCountry", "us"));

        var c = opened(VIEWER);

        assertThat(c.state().canChange()).isFalse();
        assertThat(c.state().instances()).extracting(InstanceRow::interfaceName).containsExactly("nnc-tor-usa");
        assertThat(c.install("tor", "deu", Map.of("exitCountry", "de"))).isFalse();
        assertThat(c.state().notice().orElseThrow().text()).startsWith("Not allowed");
    }

    @Test
    void anUnknownRouterSaysSoInsteadOfAnEmptyPage() {
        var c = f.controller(OPERATOR);
        c.open("nope");
        assertThat(c.state().router()).isEmpty();
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("There is no router 'nope'.");
        c.open("Not An Id!");
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("There is no router 'Not An Id!'.");
    }

    @Test
    void thePolicyEditorRefusesAnEmptyValueOrNoServiceBeforeAskingTheDomain() {
        var c = opened(OPERATOR);

        assertThat(c.routeThrough(PolicyMatch.Kind.ADDRESS, " ", null)).isFalse();

        assertThat(c.state().fieldErrors()).containsOnlyKeys("match", "instanceId");
        assertThat(c.state().fieldErrors().get("match")).isEqualTo("Enter the device's IP address to route.");
    }

    @Test
    void routingASubnetThroughTorListsThePolicyAndRemovingItLeavesTheRouterAsBefore() {
        var c = opened(OPERATOR);
        c.install("tor", "usa", Map.of("exitCountry", "us"));
        String tor = c.state().instances().getFirst().id();
        var before = f.sim.snapshot();

        assertThat(c.state().policiesReady()).isTrue();
        assertThat(c.routeThrough(PolicyMatch.Kind.SUBNET, "192.168.77.0/24", tor)).isTrue();

        assertThat(c.state().policies()).singleElement().satisfies(p -> {
            assertThat(p.what()).isEqualTo("Subnet 192.168.77.0/24");
            assertThat(p.through()).isEqualTo("nnc-tor-usa");
        });
        assertThat(c.state().notice().orElseThrow().text()).isEqualTo("Subnet 192.168.77.0/24 now goes through nnc-tor-usa.");
        assertThat(before.diff(f.sim.snapshot())).as("the policy reached the router").isNotEmpty();

        c.removePolicy(c.state().policies().getFirst().id());

        assertThat(c.state().policies()).isEmpty();
        assertThat(before.diff(f.sim.snapshot())).isEmpty();
    }

    @Test
    void aMatchTheDomainRefusesIsShownNextToTheValueNamingIt() {
        var c = opened(OPERATOR);
        c.install("tor", "usa", Map.of("exitCountry", "us"));
        var before = f.sim.snapshot();

        assertThat(c.routeThrough(PolicyMatch.Kind.MAC, "02:00:00:00:00:0B", c.state().instances().getFirst().id())).isFalse();

        assertThat(c.state().fieldErrors().get("match")).contains("02:00:00:00:00:0B").contains("no DHCP lease");
        assertThat(c.state().policies()).isEmpty();
        assertThat(before.diff(f.sim.snapshot())).isEmpty();
    }

    @Test
    void uninstallingAServiceDropsItsPoliciesFromTheList() {
        var c = opened(OPERATOR);
        c.install("tor", "usa", Map.of("exitCountry", "us"));
        String tor = c.state().instances().getFirst().id();
        c.routeThrough(PolicyMatch.Kind.DOMAIN, "example.com", tor);
        assertThat(c.state().policies()).hasSize(1);

        assertThat(c.uninstallSummary(tor).orElseThrow()).anySatisfy(line -> assertThat(line).contains("example.com"));
        c.uninstall(tor);

        assertThat(c.state().policies()).isEmpty();
        assertThat(c.state().instances()).isEmpty();
    }
}

package com.nasnetconnect.domain.apply;

import static com.nasnetconnect.domain.apply.Fixtures.CLOCK;
import static com.nasnetconnect.domain.apply.Fixtures.ROUTER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.events.ResourceEventBus;
import com.nasnetconnect.domain.router.NewRouter;
import com.nasnetconnect.domain.router.NoSuchRouter;
import com.nasnetconnect.domain.router.PlatformInfo;
import com.nasnetconnect.domain.router.RouterCommand;
import com.nasnetconnect.domain.router.RouterEndpoint;
import com.nasnetconnect.domain.router.RouterException;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterReply;
import com.nasnetconnect.domain.security.AccessDeniedException;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.schema.types.ResourceKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterRegistrationTest {
    static final Principal VIEWER = new Principal("vera", Role.VIEWER, false);
    static final Principal OPERATOR = new Principal("otto", Role.OPERATOR, false);

    final InMemoryRouters routers = new InMemoryRouters();
    final InMemoryResourceStore store = new InMemoryResourceStore();
    final ResourceKindSpecs specs = ResourceKindSpecs.defaults();
    boolean loginFails;
    boolean readsFail;
    final FakeRouter router = new FakeRouter() {
        @Override
        public PlatformInfo platform(RouterEndpoint endpoint) {
            if (loginFails) throw new RouterException.LoginFailed(endpoint.address());
            return super.platform(endpoint);
        }

        @Override
        public synchronized RouterReply execute(RouterEndpoint endpoint, RouterCommand c, Duration timeout) {
            if (readsFail) throw new RouterException.Unreachable("connection lost", c.toString(), null);
            return super.execute(endpoint, c, timeout);
        }
    }.row("/interface", Map.of("name", "ether1", "type", "ether"));
    final RouterRegistration registration = new RouterRegistration(routers, router, routers,
            new AdoptService(router, new StateApplyLedger(store, new ResourceEventBus(), specs, CLOCK), specs,
                    new BasicSchemaRules(specs), CLOCK), specs, store, CLOCK);

    static NewRouter lab(String host) {
        return new NewRouter("lab", host, NewRouter.API_PORT, false, "admin", Secret.of("s3cret-pw"));
    }

    @Test
    void aViewerMaySeeTheRoutersButNotAddAdoptRemoveOrProbeThem() {
        routers.with(ROUTER);

        assertThat(registration.routers(VIEWER)).containsExactly(ROUTER);
        assertThat(registration.router(VIEWER, ROUTER.id())).contains(ROUTER);
        assertThatThrownBy(() -> registration.add(VIEWER, lab("10.0.0.2"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registration.adopt(VIEWER, lab("10.0.0.2"))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registration.remove(VIEWER, ROUTER.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> registration.probe(VIEWER, ROUTER.id())).isInstanceOf(AccessDeniedException.class);
        assertThat(routers.findAll()).containsExactly(ROUTER);
        assertThat(router.log).isEmpty();
    }

    @Test
    void addingLogsInAndReadsThePlatformBeforeTheRouterIsSavedAndPolled() {
        var added = registration.add(OPERATOR, lab("10.0.0.2"));

        assertThat(added.name()).isEqualTo("lab");
        assertThat(added.endpoint().address()).isEqualTo("10.0.0.2:8728");
        assertThat(added.addedAt()).isEqualTo(CLOCK.instant());
        assertThat(routers.findAll()).containsExactly(added);
        assertThat(routers.refreshes).isEqualTo(1);
        assertThat(routers.refreshed).as("only the added router is polled, not the whole fleet").containsExactly(added.id());
    }

    @Test
    void aFailedLoginIsRefusedNamingTheUserNameAndNothingIsSaved() {
        loginFails = true;

        assertThatThrownBy(() -> registration.add(OPERATOR, lab("10.0.0.2")))
                .isInstanceOfSatisfying(InputRefused.class, e -> {
                    assertThat(e.problems()).singleElement().satisfies(p -> {
                        assertThat(p.at()).containsExactly("username");
                        assertThat(p.message()).isEqualTo("login to 10.0.0.2:8728 failed: check the user name and password");
                        assertThat(p.value()).isEqualTo("admin");
                    });
                    assertThat(e.getMessage()).doesNotContain("s3cret-pw");
                });
        assertThat(routers.findAll()).isEmpty();
    }

    @Test
    void aRouterOlderThanRouterOs7IsRefusedNamingItsVersion() {
        router.platform = new PlatformInfo("6.49.10", "CHR", "x86_64", Set.of("routeros"));

        assertThatThrownBy(() -> registration.add(OPERATOR, lab("10.0.0.2")))
                .isInstanceOfSatisfying(InputRefused.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.at()).containsExactly("host");
                    assertThat(p.message()).isEqualTo("router at 10.0.0.2:8728 runs RouterOS 6.49.10; RouterOS 7 or later is needed");
                    assertThat(p.value()).isEqualTo("6.49.10");
                }));
        assertThat(routers.findAll()).isEmpty();
    }

    @Test
    void aSecondRouterAtTheSameAddressIsRefusedNamingTheFirstAndIncompleteInputAsAWhole() {
        routers.with(ROUTER);

        assertThatThrownBy(() -> registration.add(OPERATOR, lab("127.0.0.1")))
                .isInstanceOfSatisfying(InputRefused.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.at()).containsExactly("host");
                    assertThat(p.message()).isEqualTo("router lab ('lab') already uses 127.0.0.1:8728");
                }));
        assertThatThrownBy(() -> registration.add(OPERATOR, lab(" ")))
                .isInstanceOfSatisfying(InputRefused.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.at()).isEmpty();
                    assertThat(p.message()).isEqualTo("host is blank");
                }));
        assertThat(routers.findAll()).containsExactly(ROUTER);
        assertThat(router.log).isEmpty();
    }

    @Test
    void adoptingAddsTheRouterAndTakesItsObjectsUnderManagement() {
        router.row("/interface/vlan", Map.of("name", "legacy", "vlan-id", "99", "interface", "ether1"));

        var adopted = registration.adopt(OPERATOR, lab("10.0.0.2"));

        assertThat(routers.findAll()).containsExactly(adopted.router());
        assertThat(adopted.resources()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(ResourceKind.VLAN);
            assertThat(r.configuration().string("name")).contains("legacy");
            assertThat(r.routerId()).isEqualTo(adopted.router().id());
        });
        assertThat(router.writes()).isZero();
    }

    @Test
    void whenTheConfigurationCannotBeReadTheAdoptedRouterIsNotKept() {
        readsFail = true;

        assertThatThrownBy(() -> registration.adopt(OPERATOR, lab("10.0.0.2")))
                .isInstanceOfSatisfying(InputRefused.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.at()).containsExactly("host");
                    assertThat(p.message()).startsWith("reading the existing configuration of 10.0.0.2:8728 failed, the router was not added: ");
                }));
        assertThat(routers.findAll()).isEmpty();
    }

    @Test
    void removingForgetsTheRouterAndLeavesItAsItWasAnUnknownIdIsNoSuchRouter() {
        routers.with(ROUTER);
        router.row("/interface/vlan", Map.of("name", "kept", "vlan-id", "7", "interface", "ether1"));

        assertThat(registration.remove(OPERATOR, ROUTER.id())).isEqualTo(ROUTER);

        assertThat(routers.findAll()).isEmpty();
        assertThat(router.rows("/interface/vlan")).hasSize(1);
        assertThat(router.writes()).isZero();
        assertThatThrownBy(() -> registration.remove(OPERATOR, new RouterId("gone")))
                .isInstanceOf(NoSuchRouter.class).hasMessage("no router 'gone'");
    }

    @Test
    void probingReadsThePlatformOfAManagedRouter() {
        routers.with(ROUTER);

        assertThat(registration.probe(OPERATOR, ROUTER.id()).version()).isEqualTo("7.16.2");
        assertThat(List.of(router.writes())).containsExactly(0);
    }

    @Test
    void testingAConnectionNamesTheRouterAndWhatAdoptWouldTakeAndSavesAndWritesNothing() {
        router.row("/system/identity", Map.of("name", "lab-gw"));
        router.row("/interface/vlan", Map.of("name", "guest", "vlan-id", "20", "interface", "ether1"));
        router.row("/interface/vlan", Map.of("name", "iot", "vlan-id", "30", "interface", "ether1"));
        router.row("/interface/vlan", Map.of("name", "auto", "vlan-id", "40", "interface", "ether1", "dynamic", "true"));

        var test = registration.test(OPERATOR, lab("10.0.0.2"));

        assertThat(test.identity()).isEqualTo("lab-gw");
        assertThat(test.platform().version()).isEqualTo("7.16.2");
        assertThat(test.adoptable().kinds()).filteredOn(k -> k.kind() == ResourceKind.VLAN).singleElement()
                .satisfies(k -> {
                    assertThat(k.count()).isEqualTo(2);
                    assertThat(k.examples()).containsExactly("guest", "iot");
                });
        assertThat(routers.findAll()).isEmpty();
        assertThat(store.rows).isEmpty();
        assertThat(store.events).isEmpty();
        assertThat(router.writes()).isZero();
        assertThat(routers.refreshes).isZero();
    }

    @Test
    void testingAConnectionNeedsAnOperatorAndARejectedLoginIsRefusedNamingTheUserName() {
        assertThatThrownBy(() -> registration.test(VIEWER, lab("10.0.0.2"))).isInstanceOf(AccessDeniedException.class);
        loginFails = true;

        assertThatThrownBy(() -> registration.test(OPERATOR, lab("10.0.0.2")))
                .isInstanceOfSatisfying(InputRefused.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.at()).containsExactly("username");
                    assertThat(p.value()).isEqualTo("admin");
                }));
        assertThat(routers.findAll()).isEmpty();
    }

    @Test
    void aRefusedConnectionIsExplainedInPlainWordsNamingTheAddress() {
        assertThat(RouterRegistration.plainly("10.0.0.2:8728",
                new RouterException.Unreachable("connect to 10.0.0.2:8728 failed: Connection refused", null, null)))
                .isEqualTo("the connection was refused: check the port, and that the router's API service is enabled (IP > Services > api)");
        assertThat(RouterRegistration.plainly("10.0.0.2:8728", new RouterException.Timeout("no reply within PT5S", "/login")))
                .startsWith("no answer in time");
        assertThat(RouterRegistration.plainly("x:1", new RouterException.Protocol("bad word length", null, null)))
                .isEqualTo("the answer is not RouterOS's API: check the port (8728, or 8729 with TLS)");
    }

    @Test
    void aRouterOlderThanRouterOs7FailsTheConnectionTestNamingItsVersion() {
        router.platform = new PlatformInfo("6.49.10", "CHR", "x86_64", Set.of("routeros"));

        assertThatThrownBy(() -> registration.test(OPERATOR, lab("10.0.0.2")))
                .isInstanceOfSatisfying(InputRefused.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.message()).contains("RouterOS 6.49.10; RouterOS 7 or later is needed")));
    }
}

package com.nasnetconnect.ui.routers;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.nasnetconnect.domain.state.PageRequest;
import com.nasnetconnect.storage.db.DatabaseManager;
import com.nasnetconnect.storage.db.DatabaseSettings;
import com.nasnetconnect.ui.routers.AddRouterController.Form;
import com.nasnetconnect.ui.routers.AddRouterController.KindLine;
import com.nasnetconnect.ui.routers.AddRouterController.Step;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The add-router wizard without a browser, over real registration (SQLite, the simulator over TCP). */
@Timeout(60)
class AddRouterControllerTest {
    static final Principal OPERATOR = new Principal("otto", Role.OPERATOR, false);
    static final Principal VIEWER = new Principal("vic", Role.VIEWER, false);

    @TempDir Path dir;
    DatabaseManager databases;
    AddRouterFixture f;
    AddRouterController wizard;

    @BeforeEach
    void start() {
        databases = new DatabaseManager(dir.resolve("data"), DatabaseSettings.defaults(), Clock.systemUTC());
        f = new AddRouterFixture(databases, dir);
        wizard = new AddRouterController(f.registration, AddRouterFixture.addRouterInputRules(), OPERATOR);
    }

    @AfterEach
    void stop() {
        if (f != null) f.close();
        if (databases != null) databases.close();
    }

    Form branch(String password) {
        return new Form("Branch office", "127.0.0.1", f.sim.apiPort(), false, "admin", password);
    }

    @Test
    void badInputIsRefusedNextToEachFieldNamingTheValueAndKeepsWhatWasTyped() {
        Form typed = new Form("", "router one!", 70000, false, "admin", "pw");

        wizard.test(typed);

        var s = wizard.state();
        assertThat(s.step()).isEqualTo(Step.FORM);
        assertThat(s.form()).isEqualTo(typed);
        assertThat(s.errors().get("host")).contains("router one!");
        assertThat(s.errors().get("port")).isEqualTo("must be at most 65535, was 70000");
        assertThat(s.errors().get("name")).startsWith("must be at least 1 character");
        assertThat(s.errors()).doesNotContainKey("username");
        assertThat(f.routers.findAll()).isEmpty();
    }

    @Test
    void aWrongPasswordIsRefusedAtTheUserNameInPlainWordsWithTheFormStillFilled() {
        wizard.test(branch("wrong"));

        var s = wizard.state();
        assertThat(s.errors().get("username")).isEqualTo("login to 127.0.0.1:" + f.sim.apiPort()
                + " failed: check the user name and password");
        assertThat(s.errors().toString()).doesNotContain("wrong");
        assertThat(s.form().password()).isEqualTo("wrong");
        assertThat(s.tested()).isEmpty();
        assertThat(f.routers.findAll()).isEmpty();
    }

    @Test
    void aRefusedConnectionSaysSoInPlainWordsAtTheAddress() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Form typed = new Form("Nowhere", "127.0.0.1", closed, false, "admin", "pw");

        wizard.test(typed);

        assertThat(wizard.state().errors().get("host")).isEqualTo("router at 127.0.0.1:" + closed
                + " did not answer as RouterOS: the connection was refused: check the port, and that the router's API"
                + " service is enabled (IP > Services > api)");
        assertThat(wizard.state().form()).isEqualTo(typed);
    }

    @Test
    void aSuccessfulTestShowsIdentityVersionBoardAndWhatAdoptWouldImportWithoutSavingAnything() {
        wizard.test(branch("pw"));

        var s = wizard.state();
        assertThat(s.step()).isEqualTo(Step.TESTED);
        var t = s.tested().orElseThrow();
        assertThat(t.identity()).isEqualTo("branch-gw");
        assertThat(t.version()).startsWith("7.16.2");
        assertThat(t.board()).isNotBlank();
        assertThat(t.adoptable()).contains(new KindLine("VLAN", 2, "guest, iot"));
        assertThat(t.adoptSummary()).startsWith("Adopting imports ");
        assertThat(f.routers.findAll()).isEmpty();
        assertThat(s.navigateTo()).isEmpty();
    }

    @Test
    void addAndAdoptSavesTheRouterTakesItsVlansAndGoesToItsOverview() {
        wizard.test(branch("pw"));

        wizard.add(true);

        var router = f.routers.findAll().getFirst();
        assertThat(router.name()).isEqualTo("Branch office");
        assertThat(wizard.state().navigateTo()).contains("routers/" + router.id().value());
        assertThat(f.store.list(router.id(), Optional.empty(), PageRequest.first(PageRequest.MAX)).items())
                .extracting(r -> r.configuration().string("name").orElse("")).contains("guest", "iot");
    }

    @Test
    void changingTheFormAfterATestAsksForANewTestBeforeAdding() {
        wizard.test(branch("pw"));
        wizard.edited(new Form("Branch office", "127.0.0.2", f.sim.apiPort(), false, "admin", "pw"));

        assertThat(wizard.state().step()).isEqualTo(Step.FORM);
        wizard.add(false);
        assertThat(wizard.state().problem()).isEqualTo("Test the connection first");
        assertThat(f.routers.findAll()).isEmpty();
    }

    @Test
    void aViewerIsToldAddingNeedsAnOperatorAndCannotAdd() {
        var viewer = new AddRouterController(f.registration, AddRouterFixture.addRouterInputRules(), VIEWER);

        assertThat(viewer.mayAdd()).isFalse();
        assertThat(viewer.state().problem()).isEqualTo("Adding a router needs the operator role; you are viewer");
        viewer.test(branch("pw"));
        assertThat(viewer.state().tested()).isEmpty();
        assertThat(f.routers.findAll()).isEmpty();
    }
}

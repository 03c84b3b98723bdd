package com.nasnetconnect.ui.updates;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.common.Secret;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.update.Severity;
import com.nasnetconnect.domain.update.UpdateRecord;
import com.nasnetconnect.domain.update.UpdateState;
import com.nasnetconnect.ui.Screens;
import com.nasnetconnect.ui.TestScreens;
import com.nasnetconnect.ui.login.Authentication;
import com.nasnetconnect.ui.shell.MainLayout;
import com.nasnetconnect.ui.shell.NoticeBanner;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Updates page without a browser, over an in-memory Updates in-port: what each role is shown, apply, phone cards. */
@Timeout(60)
@ViewPackages(packages = "com.nasnetconnect.ui")
class UpdatesViewTest extends BrowserlessTest {
    final FakeUpdates updates = new FakeUpdates();

    void openAs(Principal who) {
        var login = TestScreens.sessionsOf(who);
        TestScreens.next(Screens.builder(login)
                .screen(MainLayout.class, () -> new MainLayout(Authentication.current(), login))
                .screen(com.nasnetconnect.ui.login.LoginView.class, () -> new com.nasnetconnect.ui.login.LoginView(login))
                .screen(UpdatesView.class, () -> new UpdatesView(new UpdatesController(updates, Authentication.signedIn(), ZoneOffset.UTC)))
                .build());
        super.initVaadinEnvironment();
        VaadinSession.getCurrent().setAttribute("nnc.sessionToken", Secret.of("session"));
        VaadinSession.getCurrent().setAttribute(Principal.class, who);
        navigate(UpdatesView.class);
    }

    /** Runs instead of the inherited set-up: each test signs in as its own role first ({@link #openAs}). */
    @Override
    protected void initVaadinEnvironment() {
    }

    void breakingReleaseAwaitsReview() {
        updates.status = FakeUpdates.status(UpdateState.AWAITING_REVIEW,
                Optional.of(FakeUpdates.release("4.0.0", Severity.BREAKING, "routers.vlans is gone; use resources.")),
                "breaking release: review the notes, then approve", Optional.empty());
        updates.history.add(new UpdateRecord(FakeUpdates.T0, UpdateRecord.Kind.CHECK, "4.0.0", true, "found 4.0.0"));
    }

    @Test
    void anAdminReadsTheNotesOfABreakingReleaseInTheConfirmationAndAppliesIt() {
        breakingReleaseAwaitsReview();
        openAs(UpdatesControllerTest.ADMIN);

        assertThat($(Div.class).id("updates-status").getElement().getTextRecursively())
                .contains("Running 2.0.0", "Waiting for your review", "4.0.0 is available", "Breaking release",
                        "breaking release: review the notes, then approve");
        Button apply = $(Button.class).id("updates-apply");
        assertThat(apply.getText()).isEqualTo("Apply 4.0.0");

        test(apply).click();
        ConfirmDialog ask = $(ConfirmDialog.class).single();
        assertThat(ask.getElement().getProperty("header")).isEqualTo("Apply 4.0.0? It is a breaking release");
        assertThat($(Div.class).id("updates-confirm-notes").getText()).isEqualTo("routers.vlans is gone; use resources.");
        assertThat(updates.applied).as("nothing before the confirmation").isEmpty();
        test(ask).confirm();

        assertThat(updates.applied).containsExactly("4.0.0");
        assertThat($(NoticeBanner.class).id("updates-notice").getText()).startsWith("Applying 4.0.0");
        assertThat($(Button.class).withId("updates-apply").exists()).isFalse();
    }

    @Test
    void aViewerSeesStatusScheduleAndHistoryButNoButtons() {
        breakingReleaseAwaitsReview();
        openAs(UpdatesControllerTest.VIEWER);

        assertThat($(Button.class).withId("updates-check").exists()).isFalse();
        assertThat($(Button.class).withId("updates-apply").exists()).isFalse();
        assertThat($(Div.class).id("updates-schedule").getElement().getTextRecursively())
                .contains("Quiet hours", "02:00–06:00", "lte1", "Next check", "2026-12-02 11:00");
        @SuppressWarnings("unchecked")
        Grid<UpdatesController.HistoryRow> history = $(Grid.class).id("updates-history");
        assertThat(test(history).size()).isEqualTo(1);
        assertThat(test(history).getRow(0).detail()).isEqualTo("found 4.0.0");
    }

    @Test
    void anOperatorChecksNowAndALiveRollbackShowsItsReason() {
        openAs(UpdatesControllerTest.OPERATOR);

        test($(Button.class).id("updates-check")).click();
        assertThat($(NoticeBanner.class).id("updates-notice").getText()).isEqualTo("Checked: 2.0.0 is the newest version");

        updates.push(FakeUpdates.status(UpdateState.ROLLED_BACK, Optional.empty(), "",
                Optional.of("2.1.0 did not report healthy within 90 s: exited with 1")));
        roundTrip();

        assertThat($(Div.class).id("updates-problem").getText())
                .isEqualTo("Last problem: 2.1.0 did not report healthy within 90 s: exited with 1");
    }

    @Test
    void onAPhoneStatusScheduleAndHistoryAreCardsInOneColumnWithLargeButtons() {
        breakingReleaseAwaitsReview();
        var controller = new UpdatesController(updates, UpdatesControllerTest.ADMIN, ZoneOffset.UTC);
        var phone = new UpdatesMobilePresenter(new UpdateParts.Actions() {
            public void check() {
            }

            public void apply() {
            }
        });

        phone.show(controller.state());

        Component root = phone.component();
        assertThat(descendants(root).filter(c -> c.getId().equals(Optional.of("updates-history-cards"))).findFirst().orElseThrow()
                .getChildren().count()).isEqualTo(1);
        assertThat(descendants(root).filter(Grid.class::isInstance).count()).as("no table on a phone").isZero();
        List<Button> buttons = descendants(root).filter(Button.class::isInstance).map(Button.class::cast).toList();
        assertThat(buttons).extracting(Button::getText).containsExactly("Check now", "Apply 4.0.0");
        assertThat(buttons).allSatisfy(b -> assertThat(b.getThemeNames()).contains(ButtonVariant.LUMO_LARGE.getVariantName()));
    }

    static Stream<Component> descendants(Component c) {
        return c.getChildren().flatMap(ch -> Stream.concat(Stream.of(ch), descendants(ch)));
    }
}

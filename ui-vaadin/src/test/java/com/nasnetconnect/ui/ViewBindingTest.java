package com.nasnetconnect.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.vaadin.browserless.internal.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The one view helper every screen uses: subscribe on attach, unsubscribe on detach, and states made on another
 * thread handed to {@code ui.access} (they then run with the UI current and the session locked).
 */
@Timeout(60)
@ViewPackages(packages = "com.nasnetconnect.ui")
class ViewBindingTest extends BrowserlessTest {

    /** A controller whose state is a number; {@link #add()} is its one intent. */
    static final class Counter extends HeadlessController<Integer> {
        Counter() {
            super(0);
        }

        void add() {
            update(n -> n + 1);
        }

        boolean isWatched() {
            return watched();
        }
    }

    /** What a presenter saw when it rendered a state. */
    record Rendered(int state, UI currentUi, boolean sessionLocked, Thread thread) {
    }

    @BeforeEach
    @Override
    protected void initVaadinEnvironment() {
        TestScreens.next(TestScreens.all(null, null, TestScreens.sessionsOf(new Principal("vic", Role.VIEWER, false)),
                null, null, null, null, null, null, null));
        super.initVaadinEnvironment();
    }

    @Test
    void aStateMadeOnAnotherThreadReachesThePresenterThroughUiAccess() throws Exception {
        Counter counter = new Counter();
        List<Rendered> seen = new CopyOnWriteArrayList<>();
        Div view = new Div();
        ViewBinding.follow(view, counter, n -> seen.add(new Rendered(n, UI.getCurrent(),
                VaadinSession.getCurrent() != null && VaadinSession.getCurrent().hasLock(), Thread.currentThread())));
        UI ui = UI.getCurrent();

        ui.add(view);
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(r.state()).as("the current state, on attach").isZero();
            assertThat(r.thread()).as("in this request").isEqualTo(Thread.currentThread());
        });

        Thread other = Thread.ofPlatform().start(counter::add);
        other.join();
        assertThat(seen).as("queued by ui.access while this request holds the session").hasSize(1);
        MockVaadin.runUIQueue(); // what Vaadin does when the request ends and the lock is free

        assertThat(seen).hasSize(2);
        assertThat(seen.getLast().state()).isEqualTo(1);
        assertThat(seen.getLast().currentUi()).as("run by ui.access: the UI is current").isSameAs(ui);
        assertThat(seen.getLast().sessionLocked()).isTrue();
    }

    @Test
    void aDetachedViewStopsFollowingAndFollowsAgainWhenAttachedAgain() {
        Counter counter = new Counter();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        Div view = new Div();
        ViewBinding.follow(view, counter, seen::add);
        assertThat(counter.isWatched()).as("not attached yet").isFalse();

        UI.getCurrent().add(view);
        assertThat(counter.isWatched()).isTrue();
        UI.getCurrent().remove(view);
        assertThat(counter.isWatched()).as("detached").isFalse();
        counter.add();
        assertThat(seen).as("nothing rendered while detached").containsExactly(0);

        UI.getCurrent().add(view);
        assertThat(seen).as("the state it missed, on attach").containsExactly(0, 1);
        assertThat(counter.isWatched()).isTrue();
    }
}

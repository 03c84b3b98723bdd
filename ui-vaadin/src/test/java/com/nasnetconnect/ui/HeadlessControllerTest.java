package com.nasnetconnect.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The base every screen's controller extends, with plain JUnit. */
class HeadlessControllerTest {

    /** A number as the state; intents add to it; counts how often it was watched and let go. */
    static final class Counter extends HeadlessController<Integer> {
        int watchedTimes;
        int unwatchedTimes;

        Counter() {
            super(0);
        }

        void add(int n) {
            update(s -> s + n);
        }

        void same() {
            update(s -> s);
        }

        @Override
        protected void onWatched() {
            watchedTimes++;
        }

        @Override
        protected void onUnwatched() {
            unwatchedTimes++;
        }
    }

    @Test
    void aSubscriberGetsTheCurrentStateAtOnceAndEveryLaterOneInOrder() {
        Counter c = new Counter();
        c.add(1);
        List<Integer> seen = new ArrayList<>();

        c.subscribe(seen::add);
        c.add(2);
        c.add(3);

        assertThat(seen).containsExactly(1, 3, 6);
        assertThat(c.state()).isEqualTo(6);
    }

    @Test
    void aChangeThatKeepsTheSameStateNotifiesNobody() {
        Counter c = new Counter();
        List<Integer> seen = new ArrayList<>();
        c.subscribe(seen::add);

        c.same();

        assertThat(seen).containsExactly(0);
    }

    @Test
    void aSubscriberThatChangesTheStateWhileNotifiedLeavesNoOtherSubscriberOnAStaleState() {
        Counter c = new Counter();
        List<Integer> first = new ArrayList<>();
        List<Integer> second = new ArrayList<>();
        c.subscribe(n -> {
            first.add(n);
            if (n == 1) c.add(10); // e.g. "the new key was shown: forget it"
        });
        c.subscribe(second::add);

        c.add(1);

        assertThat(first).containsExactly(0, 1, 11);
        assertThat(second).as("gets the newest, not the state it replaced").containsExactly(0, 11);
    }

    @Test
    void liveSourcesAreFollowedFromTheFirstSubscriberToTheLastAndAfterCloseNoLonger() {
        Counter c = new Counter();
        var a = c.subscribe(n -> { });
        var b = c.subscribe(n -> { });
        assertThat(c.watchedTimes).isEqualTo(1);

        a.close();
        a.close(); // closing twice is harmless
        assertThat(c.unwatchedTimes).isZero();
        b.close();
        assertThat(c.unwatchedTimes).isEqualTo(1);

        List<Integer> seen = new ArrayList<>();
        c.subscribe(seen::add);
        c.close();
        c.add(5);
        assertThat(c.watchedTimes).isEqualTo(2);
        assertThat(c.unwatchedTimes).isEqualTo(2);
        assertThat(seen).as("closed: no more states").containsExactly(0);
    }
}

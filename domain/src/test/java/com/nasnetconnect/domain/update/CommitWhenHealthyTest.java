package com.nasnetconnect.domain.update;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitWhenHealthyTest {
    final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    /** An installation whose process is (or is not) on trial, counting commits. */
    static final class Trial implements UpdateInstaller {
        volatile boolean onTrial;
        final AtomicInteger commits = new AtomicInteger();
        final CountDownLatch committed = new CountDownLatch(1);

        Trial(boolean onTrial) {
            this.onTrial = onTrial;
        }

        public String runningVersion() {
            return "2.1.0";
        }

        public void stage(String version, Path verifiedArtifact) {
        }

        public void restartIntoStaged() {
        }

        public boolean onTrial() {
            return onTrial;
        }

        public void commit() {
            commits.incrementAndGet();
            onTrial = false;
            committed.countDown();
        }

        public List<UpdateRecord> launcherRecords() {
            return List.of();
        }
    }

    @Test
    void aVersionOnTrialCommitsOnceItsReadinessTurnsHealthy() throws Exception {
        Trial trial = new Trial(true);
        AtomicInteger asked = new AtomicInteger();

        new CommitWhenHealthy(trial, () -> asked.incrementAndGet() >= 3).start(scheduler, Duration.ofMillis(1));

        assertThat(trial.committed.await(10, TimeUnit.SECONDS)).isTrue();
        scheduler.shutdown(); // lets a run under way finish; a cancelled periodic task is not run again
        assertThat(scheduler.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(asked).as("no further asking after the commit").hasValue(3);
        assertThat(trial.commits).hasValue(1);
    }

    @Test
    void anUnhealthyVersionOnTrialNeverCommitsAndLeavesTheVerdictToTheLauncher() throws Exception {
        Trial trial = new Trial(true);
        CountDownLatch askedTwice = new CountDownLatch(2);

        new CommitWhenHealthy(trial, () -> {
            askedTwice.countDown();
            return false;
        }).start(scheduler, Duration.ofMillis(1));

        assertThat(askedTwice.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(trial.commits).hasValue(0);
    }

    @Test
    void aProcessNotOnTrialNeitherAsksNorCommits() {
        Trial normal = new Trial(false);
        AtomicInteger asked = new AtomicInteger();

        new CommitWhenHealthy(normal, () -> asked.incrementAndGet() > 0).start(scheduler, Duration.ofMillis(1));

        assertThat(scheduler.getQueue()).isEmpty();
        assertThat(asked).hasValue(0);
        assertThat(normal.commits).hasValue(0);
    }
}

package com.nasnetconnect.domain.update;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The hook a version on trial uses to keep itself: once the server reports healthy (its readiness, as
 * {@code /health/ready} answers it), it {@linkplain UpdateInstaller#commit() commits}, and the launcher keeps it.
 * It asks every {@code every} until then; the launcher's trial timeout decides how long is too long. A process not
 * on trial does nothing here.
 */
public final class CommitWhenHealthy implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CommitWhenHealthy.class.getName());
    private final UpdateInstaller installer;
    private final BooleanSupplier healthy;
    private volatile ScheduledFuture<?> task;

    public CommitWhenHealthy(UpdateInstaller installer, BooleanSupplier healthy) {
        this.installer = Objects.requireNonNull(installer, "installer");
        this.healthy = Objects.requireNonNull(healthy, "healthy");
    }

    /** Starts asking (at once, then every {@code every}) when this process is on trial. */
    public void start(ScheduledExecutorService scheduler, Duration every) {
        if (!installer.onTrial()) return;
        task = scheduler.scheduleWithFixedDelay(this::tryCommit, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void tryCommit() {
        try {
            if (!installer.onTrial()) {
                close();
            } else if (healthy.getAsBoolean()) {
                installer.commit();
                LOG.log(System.Logger.Level.INFO, "update " + installer.runningVersion() + " reports healthy: committed");
                close();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "update " + installer.runningVersion() + " could not commit yet: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        ScheduledFuture<?> t = task;
        if (t != null) t.cancel(false);
    }
}

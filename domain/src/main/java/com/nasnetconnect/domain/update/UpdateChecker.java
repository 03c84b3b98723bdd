package com.nasnetconnect.domain.update;

import com.nasnetconnect.domain.common.InputRefused;
import com.nasnetconnect.domain.security.Principal;
import com.nasnetconnect.domain.security.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The {@link Updates} in-port: pulls signed metadata from the repository on a schedule, decides by the auto-apply
 * matrix, and applies (download with resume, verify length and SHA-256, {@link UpdateInstaller#stage},
 * {@link UpdateInstaller#restartIntoStaged}).
 *
 * <p>Schedule: every {@code interval} ± jitter, not in quiet hours (then at their end), not while
 * {@link TrafficWatch} says the uplink is metered or busy (then again after a quarter of the interval, at most an
 * hour). {@link #checkNow} ignores the schedule but not the trust rules ({@link TrustChain}).
 *
 * <p>Matrix ({@code NNC_UPDATE_POLICY=auto}): security → applied at once; minor → applied when the router is idle;
 * major → {@link UpdateState#AWAITING_APPROVAL}; breaking → {@link UpdateState#AWAITING_REVIEW}. {@code notify}
 * applies nothing by itself; {@code never} does not check on a schedule. A release reaches this device only when
 * its rollout share covers the device's {@linkplain RolloutBucket bucket}.
 *
 * <p>Every failure leaves what was trusted, downloaded and staged as it was; {@code lastError} says why in plain
 * words and the state is {@link UpdateState#FAILED} until the next good check.
 */
public final class UpdateChecker implements Updates, AutoCloseable {
    static final int MAX_ROOT_HOPS = 32;
    static final long MAX_ROOT_BYTES = 512 * 1024;
    static final long MAX_TIMESTAMP_BYTES = 64 * 1024;
    private static final System.Logger LOG = System.getLogger(UpdateChecker.class.getName());

    private final UpdateSettings settings;
    private final TrustChain trust;
    private final UpdateRepository repository;
    private final UpdateInstaller installer;
    private final UpdateHistory history;
    private final ServiceCatalogUpdate catalog;
    private final AcceptedMetadata accepted;
    private final TrafficWatch traffic;
    private final int bucket;
    private final Clock clock;
    private final RandomGenerator random;
    private final List<Consumer<UpdateStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Object work = new Object();
    private volatile UpdateStatus status;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> next;

    public UpdateChecker(UpdateSettings settings, TrustChain trust, UpdateRepository repository, UpdateInstaller installer,
                         UpdateHistory history, ServiceCatalogUpdate catalog, AcceptedMetadata accepted, TrafficWatch traffic,
                         String deviceId, Clock clock, RandomGenerator random) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.trust = Objects.requireNonNull(trust, "trust");
        this.repository = Objects.requireNonNull(repository, "repository");
        this.installer = Objects.requireNonNull(installer, "installer");
        this.history = Objects.requireNonNull(history, "history");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.accepted = Objects.requireNonNull(accepted, "accepted");
        this.traffic = Objects.requireNonNull(traffic, "traffic");
        this.bucket = RolloutBucket.of(Objects.requireNonNull(deviceId, "deviceId"));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        String idle = settings.url().isEmpty() ? "no update repository is configured (NNC_UPDATE_URL)"
                : settings.policy() == UpdatePolicy.NEVER ? "NNC_UPDATE_POLICY=never: no scheduled checks" : "no check made yet";
        this.status = new UpdateStatus(installer.runningVersion(), Optional.empty(), UpdateState.IDLE, idle, Optional.empty(),
                Optional.empty(), Optional.empty(), schedule());
        // what the device trusted before the restart is still known: show it until the first check
        trust.targets().ifPresent(t -> evaluate(t, Optional.empty(), false));
    }

    // ---- the in-port -----------------------------------------------------------------------------------------

    @Override
    public UpdateStatus status(Principal who) {
        who.require(Role.VIEWER, "read the update status");
        return status;
    }

    @Override
    public UpdateStatus checkNow(Principal who) {
        who.require(Role.OPERATOR, "check for updates");
        synchronized (work) {
            check(false);
            return status;
        }
    }

    @Override
    public UpdateStatus apply(Principal who, String version) {
        who.require(Role.ADMIN, "apply an update");
        synchronized (work) {
            Optional<Release> release = trust.targets().flatMap(t -> t.release(version == null ? "" : version.strip()))
                    .filter(r -> Versions.compare(r.version(), installer.runningVersion()) > 0);
            if (release.isEmpty()) {
                String offered = status.available().map(AvailableUpdate::version).orElse("none");
                throw InputRefused.of(List.of("version"), "version '" + version + "' is not a release newer than the running "
                        + installer.runningVersion() + " in the verified metadata (available: " + offered + ")", version);
            }
            install(release.get(), "applied with the owner's approval");
            return status;
        }
    }

    @Override
    public List<UpdateRecord> history(Principal who, int max) {
        who.require(Role.VIEWER, "read the update history");
        return history.recent(Math.max(0, Math.min(max, 1000)));
    }

    @Override
    public AutoCloseable follow(Principal who, Consumer<UpdateStatus> listener) {
        who.require(Role.VIEWER, "follow the update status");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---- the schedule ----------------------------------------------------------------------------------------

    /** Starts the scheduled checks (none without a repository or with {@code NNC_UPDATE_POLICY=never}). */
    public void start(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        if (settings.url().isEmpty() || settings.policy() == UpdatePolicy.NEVER) return;
        // the first check soon after start, spread over a few minutes
        Duration first = Duration.ofSeconds(30).plusMillis((long) (random.nextDouble() * Math.min(settings.interval().toMillis(), 300_000)));
        Instant at = clock.instant().plus(first);
        synchronized (work) {
            publish(with(status, status.decision(), Optional.of(at)));
        }
        scheduleAt(at);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (next != null) next.cancel(false);
        }
    }

    /** One scheduled run: checks unless quiet hours or traffic say not now, and schedules the next. */
    void scheduledRun() {
        synchronized (work) {
            Instant now = clock.instant();
            Optional<String> skip = whyNotNow(now);
            if (skip.isPresent()) {
                Instant at = skip.get().startsWith("quiet hours") ? quietEnd(now) : now.plus(min(settings.interval().dividedBy(4), Duration.ofHours(1)));
                at = withJitter(at, Duration.ofMinutes(10));
                publish(with(status, skip.get() + ": the next check is at " + at, Optional.of(at)));
                scheduleAt(at);
                return;
            }
            check(true);
            scheduleAt(status.nextCheckAt().orElse(now.plus(settings.interval())));
        }
    }

    /** Why a scheduled check waits now: quiet hours, a metered uplink, high traffic; empty when it may run. */
    Optional<String> whyNotNow(Instant now) {
        LocalTime local = now.atZone(settings.zone()).toLocalTime();
        if (settings.quiet(local)) {
            return Optional.of("quiet hours " + settings.quietFrom() + "-" + settings.quietUntil() + " (no checks until " + settings.quietUntil() + ")");
        }
        return traffic.whyNotNow(now);
    }

    private Instant quietEnd(Instant now) {
        ZonedDateTime z = now.atZone(settings.zone());
        ZonedDateTime end = LocalDateTime.of(z.toLocalDate(), settings.quietUntil()).atZone(settings.zone());
        if (!end.toInstant().isAfter(now)) end = end.plusDays(1);
        return end.toInstant();
    }

    private Instant withJitter(Instant at, Duration spread) {
        return at.plusMillis((long) (random.nextDouble() * spread.toMillis()));
    }

    private Instant nextRegular(Instant now) {
        long ms = settings.interval().toMillis();
        long delta = (long) ((random.nextDouble() * 2 - 1) * settings.jitter() * ms);
        return now.plusMillis(ms + delta);
    }

    private synchronized void scheduleAt(Instant at) {
        if (scheduler == null) return;
        long delay = Math.max(0, Duration.between(clock.instant(), at).toMillis());
        next = scheduler.schedule(() -> {
            try {
                scheduledRun();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "update check failed unexpectedly", e);
                scheduleAt(clock.instant().plus(settings.interval()));
            }
        }, delay, TimeUnit.MILLISECONDS);
    }

    // ---- a check ---------------------------------------------------------------------------------------------

    /** Fetches and verifies the metadata, updates the catalog, and acts on the newest release by the matrix. */
    private void check(boolean scheduled) {
        Instant now = clock.instant();
        Optional<Instant> nextAt = scheduled ? Optional.of(nextRegular(now)) : status.nextCheckAt();
        if (settings.url().isEmpty()) {
            publish(new UpdateStatus(installer.runningVersion(), status.available(), UpdateState.IDLE,
                    "no update repository is configured (NNC_UPDATE_URL)", Optional.of(now), Optional.empty(),
                    Optional.of("no update repository is configured: set NNC_UPDATE_URL"), schedule()));
            return;
        }
        TargetsMetadata targets;
        try {
            walkRoots();
            trust.requireRootCurrent(now);
            byte[] ts = fetchRequired("timestamp.json", MAX_TIMESTAMP_BYTES);
            targets = trust.accept(ts, pin -> {
                try {
                    return fetchRequired(pin.name(), pin.length());
                } catch (IOException e) {
                    throw new FetchFailed(e.getMessage());
                }
            }, now);
        } catch (MetadataRefused | FetchFailed e) {
            fail(now, nextAt, UpdateRecord.Kind.CHECK, "", e.getMessage());
            return;
        } catch (IOException e) {
            fail(now, nextAt, UpdateRecord.Kind.CHECK, "", e.getMessage());
            return;
        }
        Optional<String> catalogProblem = updateCatalog(targets);
        Optional<Release> release = newer(targets);
        history.append(new UpdateRecord(now, UpdateRecord.Kind.CHECK, release.map(Release::version).orElse(""), catalogProblem.isEmpty(),
                "metadata version " + targets.file().version() + " verified; "
                        + release.map(r -> r.severity().label() + " release " + r.version() + " available").orElse("nothing newer")
                        + catalogProblem.map(p -> "; " + p).orElse("")));
        status = new UpdateStatus(installer.runningVersion(), status.available(), status.state(), status.decision(), Optional.of(now),
                nextAt, catalogProblem, schedule());
        evaluate(targets, nextAt, true);
    }

    /** Follows root.json versions one by one ({@code N.root.json}) until the repository has no newer one. */
    private void walkRoots() throws IOException {
        for (int hop = 0; hop < MAX_ROOT_HOPS; hop++) {
            String name = (trust.root().version() + 1) + ".root.json";
            Optional<byte[]> next = repository.fetch(name, MAX_ROOT_BYTES);
            if (next.isEmpty()) return;
            trust.acceptRoot(next.get());
        }
    }

    private byte[] fetchRequired(String name, long max) throws IOException {
        return repository.fetch(name, max).orElseThrow(() -> new IOException("the repository has no " + name));
    }

    /** Applies a newer verified service catalog; its problem, if any (the releases are evaluated anyway). */
    private Optional<String> updateCatalog(TargetsMetadata targets) {
        if (targets.catalog().isEmpty()) return Optional.empty();
        TargetsMetadata.CatalogTarget c = targets.catalog().get();
        long applied = accepted.load("catalog").map(b -> Long.parseLong(new String(b, StandardCharsets.UTF_8).strip())).orElse(0L);
        if (c.version() <= applied) return Optional.empty();
        try {
            byte[] bytes = fetchRequired(c.file().name(), c.file().length());
            c.file().check(bytes);
            int changed = catalog.merge(ServiceCatalogFile.parse(c.file().name(), bytes));
            accepted.save("catalog", Long.toString(c.version()).getBytes(StandardCharsets.UTF_8));
            history.append(new UpdateRecord(clock.instant(), UpdateRecord.Kind.APPLY, "catalog " + c.version(), true,
                    "service catalog version " + c.version() + ": " + changed + " template(s) added or changed"));
            return Optional.empty();
        } catch (IOException | MetadataRefused e) {
            String why = "the service catalog version " + c.version() + " was not used: " + e.getMessage();
            history.append(new UpdateRecord(clock.instant(), UpdateRecord.Kind.APPLY, "catalog " + c.version(), false, why));
            return Optional.of(why);
        }
    }

    /** The newest release newer than the running version whose rollout reaches this device. */
    private Optional<Release> newer(TargetsMetadata targets) {
        return targets.releases().stream()
                .filter(r -> Versions.compare(r.version(), installer.runningVersion()) > 0)
                .filter(r -> RolloutBucket.reaches(bucket, r.rollout()))
                .max((a, b) -> Versions.compare(a.version(), b.version()));
    }

    /** Decides by the matrix and, when it says so and {@code act}, applies. */
    private void evaluate(TargetsMetadata targets, Optional<Instant> nextAt, boolean act) {
        Optional<Release> release = newer(targets);
        Optional<Instant> last = status.lastCheckAt();
        Optional<String> error = status.lastError();
        if (release.isEmpty()) {
            String why = targets.newest().filter(r -> Versions.compare(r.version(), installer.runningVersion()) > 0)
                    .map(r -> "release " + r.version() + " is rolled out to " + r.rollout() + "% of devices so far; this device (bucket "
                            + bucket + ") gets it later")
                    .orElse("the running version " + installer.runningVersion() + " is the newest release");
            publish(new UpdateStatus(installer.runningVersion(), Optional.empty(), UpdateState.UP_TO_DATE, why, last,
                    nextAt.or(status::nextCheckAt), error, schedule()));
            return;
        }
        Release r = release.get();
        if (status.state() == UpdateState.STAGED && status.available().map(a -> a.version().equals(r.version())).orElse(false)) {
            publish(new UpdateStatus(installer.runningVersion(), Optional.of(r.available()), UpdateState.STAGED, status.decision(), last,
                    nextAt.or(status::nextCheckAt), error, schedule()));
            return;
        }
        Decision d = decide(r);
        publish(new UpdateStatus(installer.runningVersion(), Optional.of(r.available()), d.state(), d.why(), last,
                nextAt.or(status::nextCheckAt), error, schedule()));
        if (act && d.applyNow()) install(r, d.why());
    }

    /** What the matrix says about a release now. */
    record Decision(UpdateState state, String why, boolean applyNow) {
    }

    Decision decide(Release r) {
        String v = r.version();
        if (settings.policy() != UpdatePolicy.AUTO) {
            return new Decision(UpdateState.AVAILABLE, "NNC_UPDATE_POLICY=" + settings.policy().label() + ": " + r.severity().label()
                    + " release " + v + " is not applied by itself; apply it from the Updates page", false);
        }
        // a release the launcher already rolled back is never applied by itself again (no apply → rollback loop)
        Optional<UpdateRecord> rolledBack = installer.launcherRecords().stream()
                .filter(rec -> rec.kind() == UpdateRecord.Kind.ROLLBACK && rec.version().equals(v)).findFirst();
        if (rolledBack.isPresent()) {
            return new Decision(UpdateState.AWAITING_APPROVAL, r.severity().label() + " release " + v
                    + " was rolled back on this device (" + rolledBack.get().detail() + "): it waits for your approval", false);
        }
        return switch (r.severity()) {
            case SECURITY -> new Decision(UpdateState.AVAILABLE, "security release " + v + ": applied at once", true);
            case MINOR -> {
                Optional<String> busy = traffic.whyNotNow(clock.instant());
                yield busy.map(b -> new Decision(UpdateState.AVAILABLE, "minor release " + v + ": applied when the router is idle (now "
                                + b + ")", false))
                        .orElseGet(() -> new Decision(UpdateState.AVAILABLE, "minor release " + v + ": applied now, the router is idle", true));
            }
            case MAJOR -> new Decision(UpdateState.AWAITING_APPROVAL, "major release " + v + ": waits for your approval", false);
            case BREAKING -> new Decision(UpdateState.AWAITING_REVIEW, "breaking release " + v
                    + ": read its notes, then approve it (it may change how things work)", false);
        };
    }

    // ---- apply -----------------------------------------------------------------------------------------------

    /** Downloads (resuming), verifies, stages and asks for the restart; a failure keeps everything as it was. */
    private void install(Release r, String why) {
        TargetFile a = r.artifact();
        Instant now = clock.instant();
        Path done = settings.downloads().resolve(a.name());
        Path part = settings.downloads().resolve(a.name() + ".part");
        publish(new UpdateStatus(installer.runningVersion(), Optional.of(r.available()), UpdateState.DOWNLOADING, why,
                status.lastCheckAt(), status.nextCheckAt(), status.lastError(), schedule()));
        try {
            Files.createDirectories(settings.downloads());
            if (!Files.isRegularFile(done)) {
                repository.download(a.name(), a.length(), part);
                try {
                    a.check(part);
                } catch (MetadataRefused e) {
                    Files.deleteIfExists(part); // wrong bytes: the next attempt starts over
                    throw e;
                }
                Files.move(part, done, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                history.append(new UpdateRecord(clock.instant(), UpdateRecord.Kind.DOWNLOAD, r.version(), true,
                        a.name() + ": " + a.length() + " bytes, SHA-256 verified"));
            } else {
                a.check(done);
            }
        } catch (IOException | MetadataRefused e) {
            String message = e instanceof MetadataRefused ? e.getMessage() : "could not download " + a.name() + ": " + e.getMessage();
            fail(now, status.nextCheckAt(), UpdateRecord.Kind.DOWNLOAD, r.version(), message);
            return;
        }
        try {
            installer.stage(r.version(), done);
        } catch (IOException | RuntimeException e) {
            fail(now, status.nextCheckAt(), UpdateRecord.Kind.STAGE, r.version(), "could not stage " + r.version() + ": " + e.getMessage());
            return;
        }
        history.append(new UpdateRecord(clock.instant(), UpdateRecord.Kind.STAGE, r.version(), true, why));
        publish(new UpdateStatus(installer.runningVersion(), Optional.of(r.available()), UpdateState.STAGED,
                why + "; staged beside " + installer.runningVersion() + ", switched to on restart", status.lastCheckAt(),
                status.nextCheckAt(), Optional.empty(), schedule()));
        history.append(new UpdateRecord(clock.instant(), UpdateRecord.Kind.APPLY, r.version(), true, "restart into " + r.version() + " requested"));
        installer.restartIntoStaged();
    }

    private void fail(Instant at, Optional<Instant> nextAt, UpdateRecord.Kind kind, String version, String message) {
        history.append(new UpdateRecord(at, kind, version, false, message));
        LOG.log(System.Logger.Level.WARNING, "update " + kind.name().toLowerCase(java.util.Locale.ROOT) + " refused: " + message);
        publish(new UpdateStatus(installer.runningVersion(), status.available(), UpdateState.FAILED, status.decision(),
                kind == UpdateRecord.Kind.CHECK ? Optional.of(at) : status.lastCheckAt(), nextAt, Optional.of(message), schedule()));
    }

    // ---- status ----------------------------------------------------------------------------------------------

    private UpdateSchedule schedule() {
        return new UpdateSchedule(settings.interval(), settings.quietFrom(), settings.quietUntil(), settings.policy(),
                settings.metered(), bucket);
    }

    private UpdateStatus with(UpdateStatus s, String decision, Optional<Instant> nextAt) {
        return new UpdateStatus(s.currentVersion(), s.available(), s.state(), decision, s.lastCheckAt(), nextAt, s.lastError(), s.schedule());
    }

    private void publish(UpdateStatus s) {
        status = s;
        for (Consumer<UpdateStatus> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "an update status listener failed", e);
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** A fetch inside the trust chain's callback (which cannot throw checked exceptions). */
    private static final class FetchFailed extends RuntimeException {
        FetchFailed(String message) {
            super(message);
        }
    }

    /** The device id's bucket (for the status and tests). */
    public int bucket() {
        return bucket;
    }
}

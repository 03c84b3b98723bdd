package com.nasnetconnect.domain.apply;

import com.nasnetconnect.domain.common.FailureLog;
import com.nasnetconnect.domain.router.Router;
import com.nasnetconnect.domain.router.RouterId;
import com.nasnetconnect.domain.router.RouterRepository;
import com.nasnetconnect.domain.router.RouterStatus;
import com.nasnetconnect.domain.state.FreshStarts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Listens to router status updates (e.g. {@code RouterMonitor.subscribe}) and reconciles a router
 * ({@link ApplyConfirmMergeService#reconcile}) when it is first seen reachable (server start) and every time it
 * becomes reachable again after being unreachable. A router whose quarantined database was released
 * ({@link FreshStarts}) first gets its own configuration adopted into the fresh database. The work runs on its own
 * virtual thread (one at a time per router), so the status feed is never blocked.
 *
 * <p>A failing attempt is retried on later updates with a growing delay ({@link #FIRST_RETRY}, doubling up to
 * {@link #MAX_RETRY}), and logged once as one line (a {@link FailureLog}), not on every poll.
 */
public final class ReconcileOnReconnect implements Consumer<List<RouterStatus>> {
    static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    static final Duration MAX_RETRY = Duration.ofMinutes(10);
    private static final System.Logger LOG = System.getLogger(ReconcileOnReconnect.class.getName());

    private record Retry(int failures, Instant notBefore) {
    }

    private final ApplyConfirmMergeService apply;
    private final Optional<AdoptService> adopt;
    private final FreshStarts freshStarts;
    private final RouterRepository routers;
    private final Clock clock;
    private final Consumer<ReconcileReport> onReport;
    private final FailureLog failures;
    private final Map<RouterId, Boolean> reachable = new ConcurrentHashMap<>();
    private final Map<RouterId, Retry> retries = new ConcurrentHashMap<>();
    private final Set<RouterId> running = ConcurrentHashMap.newKeySet();
    private final Executor executor;

    public ReconcileOnReconnect(ApplyConfirmMergeService apply, RouterRepository routers) {
        this(apply, routers, report -> { });
    }

    public ReconcileOnReconnect(ApplyConfirmMergeService apply, RouterRepository routers, Consumer<ReconcileReport> onReport) {
        this(apply, null, FreshStarts.NONE, routers, Clock.systemUTC(), onReport);
    }

    /** With adoption into databases started afresh after a quarantine, and retries timed by {@code clock}. */
    public ReconcileOnReconnect(ApplyConfirmMergeService apply, AdoptService adopt, FreshStarts freshStarts,
                                RouterRepository routers, Clock clock, Consumer<ReconcileReport> onReport) {
        this(apply, adopt, freshStarts, routers, clock, onReport, task -> Thread.ofVirtual().name("reconcile").start(task));
    }

    /** As above, running each attempt on {@code executor} (tests run them in the caller). */
    ReconcileOnReconnect(ApplyConfirmMergeService apply, AdoptService adopt, FreshStarts freshStarts,
                         RouterRepository routers, Clock clock, Consumer<ReconcileReport> onReport, Executor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.apply = Objects.requireNonNull(apply, "apply");
        this.adopt = Optional.ofNullable(adopt);
        this.freshStarts = Objects.requireNonNull(freshStarts, "freshStarts");
        this.routers = Objects.requireNonNull(routers, "routers");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onReport = Objects.requireNonNull(onReport, "onReport");
        this.failures = new FailureLog(LOG, clock, Duration.ofHours(1));
    }

    @Override
    public void accept(List<RouterStatus> statuses) {
        Set<RouterId> fresh = adopt.isPresent() && statuses.stream().anyMatch(RouterStatus::reachable)
                ? awaitingAdoption() : Set.of();
        Instant now = clock.instant();
        for (RouterStatus s : statuses) {
            RouterId id = s.routerId();
            Boolean was = reachable.put(id, s.reachable());
            if (!s.reachable()) continue;
            Retry retry = retries.get(id);
            boolean due = !Boolean.TRUE.equals(was) || retry != null || fresh.contains(id);
            boolean waiting = retry != null && now.isBefore(retry.notBefore()) && !fresh.contains(id); // a release is not waited for
            if (!due || waiting || !running.add(id)) continue;
            Optional<Router> router = routers.find(id);
            if (router.isEmpty()) {
                running.remove(id);
                continue;
            }
            boolean adoptFirst = fresh.contains(id);
            executor.execute(() -> run(router.get(), adoptFirst));
        }
    }

    private void run(Router router, boolean adoptFirst) {
        String what = "reconciling router " + router.id();
        try {
            if (adoptFirst) {
                int adopted = adopt.orElseThrow().adoptAll(router, "system").size();
                freshStarts.adopted(router.id());
                LOG.log(System.Logger.Level.INFO, "adopted " + adopted + " resources of router " + router.id()
                        + " into its fresh database");
            }
            onReport.accept(apply.reconcile(router));
            retries.remove(router.id());
            failures.succeeded(router.id().value(), what);
        } catch (RuntimeException e) {
            retries.compute(router.id(), (k, was) -> {
                int n = was == null ? 1 : was.failures() + 1;
                Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(n - 1, 20));
                return new Retry(n, clock.instant().plus(wait.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : wait));
            });
            failures.failed(router.id().value(), what, String.valueOf(e.getMessage()));
        } finally {
            running.remove(router.id());
        }
    }

    private Set<RouterId> awaitingAdoption() {
        try {
            return freshStarts.awaitingAdoption();
        } catch (RuntimeException e) {
            return Set.of();
        }
    }
}
